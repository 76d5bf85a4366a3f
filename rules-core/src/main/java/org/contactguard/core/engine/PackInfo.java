package org.contactguard.core.engine;

import java.util.EnumSet;
import java.util.Set;
import org.contactguard.core.model.CollectorKind;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A loaded pack: what {@code contactguard packs} lists and what the decision's rule-set version
 * is computed from.
 *
 * @param id the pack id
 * @param name {@code pack.name}
 * @param description {@code pack.description}
 * @param packageName the DRL package all of the pack's files use
 * @param parameters the effective parameter values (after overrides), by name, in name order
 * @param rules the pack's rules in file and line order
 * @param digest SHA-256 (hex) of the pack's files and effective parameters
 * @param source where the pack was read from
 * @param prebuilt whether its rule base started from the executable model generated when it was
 *     packaged, rather than from compiling its DRL (same rules either way)
 * @param exemptCollectorKinds {@code pack.exemptCollectorKinds}: collectors the pack's law does not
 *     bind (Regulation F does not bind a creditor collecting its own debt); none of its rules is
 *     evaluated for a request from one
 * @param exemptionCitation {@code pack.exemptCollectorKinds.citation}: where the law says so (empty
 *     when nothing is exempt)
 */
public record PackInfo(String id, String name, String description, String packageName, Map<String, Object> parameters,
        List<RuleInfo> rules, String digest, String source, boolean prebuilt, Set<CollectorKind> exemptCollectorKinds,
        String exemptionCitation) {

    public PackInfo {
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        rules = List.copyOf(rules);
        exemptCollectorKinds = exemptCollectorKinds.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(exemptCollectorKinds));
    }
}
