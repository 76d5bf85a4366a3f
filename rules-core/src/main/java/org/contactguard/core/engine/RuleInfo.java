package org.contactguard.core.engine;

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
 */
public record RuleInfo(String id, String pack, String name, String citation, Authority authority, String message,
        Effect effect, String file, int line) {
}
