package org.contactguard.core.screening;

import java.util.Objects;

/**
 * One concern found in a message, with its evidence: the span that matched and the sentence it is in.
 *
 * @param concern the concern's name as the pack's patterns declare it (e.g. {@code IMPERSONATION})
 * @param start offset of the matched span's first character in the original text
 * @param end offset after the matched span's last character
 * @param matched the original text of the span, as written (Traditional, spaced, masked…)
 * @param sentence the original sentence holding the span, trimmed
 * @param bySound true when the span matched only by its pinyin (a homophone or pinyin spelling), which
 *                a pack may treat as a reason for review rather than a denial
 * @param pattern where the pattern that matched is written ({@code file:line})
 */
public record ConcernMatch(String concern, int start, int end, String matched, String sentence, boolean bySound,
        String pattern) {

    /**
     * Checks the components.
     *
     * @param concern see the record component
     * @param start see the record component
     * @param end see the record component
     * @param matched see the record component
     * @param sentence see the record component
     * @param bySound see the record component
     * @param pattern see the record component
     */
    public ConcernMatch {
        Objects.requireNonNull(concern, "concern");
        Objects.requireNonNull(matched, "matched");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(pattern, "pattern");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") is not a span");
        }
    }
}
