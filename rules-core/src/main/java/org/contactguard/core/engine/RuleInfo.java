package org.contactguard.core.engine;

import java.util.Map;

import org.contactguard.core.model.Authority;

/**
 * A loaded rule's metadata, validated at load.
 *
 * @param id {@code @id}, unique across all loaded packs
 * @param pack the pack the rule belongs to
 * @param name the rule's name in the DRL
 * @param citation {@code @citation}: instrument and article
 * @param authority {@code @authority}
 * @param message {@code @message}: what the rule denies, in plain words
 * @param effect {@code @effect}, DENY unless the rule says ADVISORY
 * @param file the DRL file
 * @param line the line the rule starts on
 * @param messages the message in other languages, by locale tag ({@code zh-CN}), from the pack's
 *     {@code messages_<tag>.properties} files; empty when the pack has none
 */
public record RuleInfo(String id, String pack, String name, String citation, Authority authority, String message,
        Effect effect, String file, int line, Map<String, String> messages) {

    public RuleInfo {
        messages = messages == null ? Map.of() : Map.copyOf(messages);
    }

    /** A rule with its {@code @message} only. */
    public RuleInfo(String id, String pack, String name, String citation, Authority authority, String message,
            Effect effect, String file, int line) {
        this(id, pack, name, citation, authority, message, effect, file, line, Map.of());
    }

    /**
     * The message in the language of {@code locale} (a tag such as {@code zh-CN}; {@code zh} also
     * finds {@code zh-CN} when it is the only Chinese one), else {@code @message}; null asks for {@code @message}.
     */
    public String message(String locale) {
        if (locale == null || messages.isEmpty()) {
            return message;
        }
        String exact = messages.get(locale);
        if (exact != null) {
            return exact;
        }
        String language = locale.contains("-") ? locale.substring(0, locale.indexOf('-')) : locale;
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(messages).entrySet()) {
            if (entry.getKey().equals(language) || entry.getKey().startsWith(language + "-")) {
                return entry.getValue();
            }
        }
        return message;
    }
}
