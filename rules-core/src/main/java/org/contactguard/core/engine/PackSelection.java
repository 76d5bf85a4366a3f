package org.contactguard.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contactguard.core.model.Account;

/**
 * Which loaded packs decide a request, given the packs it names (or the defaults) and its accounts'
 * jurisdictions. This is where overlays are chosen.
 *
 * <p>An <em>overlay</em> is a pack whose {@code pack.properties} says {@code pack.extends = base} and
 * {@code pack.jurisdictions = J1, J2}: whenever {@code base} decides a request that has an account
 * in one of those jurisdictions, the overlay decides too. Overlays only add rules (strictest wins:
 * the action is allowed only if every applied pack allows it). An overlay named in a request brings
 * its base with it. Overlays are never among the defaults on their own: they come in through their
 * base and a matching account.
 *
 * <p>A base pack may list, in {@code pack.overlayJurisdictions}, the jurisdictions it cannot decide
 * alone. An account in one of them, decided by that base with no loaded overlay for it, makes the
 * selection {@link Selection#missing() incomplete}: the engine then denies rather than let the base
 * pack allow what the overlay might forbid.
 */
public final class PackSelection {

    /** An overlay's declaration: the pack it extends and the jurisdictions it covers. */
    public record Overlay(String pack, String base, Set<String> jurisdictions) {

        public Overlay {
            jurisdictions = Collections.unmodifiableSet(new LinkedHashSet<>(jurisdictions));
        }
    }

    /**
     * The packs that decide, in load order, and what is missing: one line per account whose
     * jurisdiction needs an overlay that is not loaded (empty when none is).
     */
    public record Selection(List<String> packs, List<String> missing) {

        public Selection {
            packs = List.copyOf(packs);
            missing = List.copyOf(missing);
        }
    }

    private final List<String> loadOrder;
    private final Map<String, Overlay> overlays;
    private final Map<String, Set<String>> needsOverlay;
    private final List<String> defaults;

    PackSelection(List<String> loadOrder, Map<String, Overlay> overlays, Map<String, Set<String>> needsOverlay) {
        this.loadOrder = List.copyOf(loadOrder);
        this.overlays = Map.copyOf(overlays);
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        needsOverlay.forEach((pack, set) -> needs.put(pack, Collections.unmodifiableSet(new LinkedHashSet<>(set))));
        this.needsOverlay = Collections.unmodifiableMap(needs);
        this.defaults = this.loadOrder.stream().filter(id -> !this.overlays.containsKey(id)).toList();
    }

    /** Overlays by pack id. */
    public Map<String, Overlay> overlays() {
        return overlays;
    }

    /** Jurisdictions each base pack cannot decide without an overlay, by pack id. */
    public Map<String, Set<String>> overlayJurisdictions() {
        return needsOverlay;
    }

    /** The packs a request that names none starts from: every loaded pack that is not an overlay, in load order. */
    public List<String> defaults() {
        return defaults;
    }

    /**
     * The packs that decide a request naming {@code named} (all loaded; empty: the defaults) about
     * {@code accounts}: those packs, the bases of named overlays, and every overlay whose base is
     * among them and whose jurisdictions hold an account's, in load order.
     */
    public Selection select(List<String> named, List<Account> accounts) {
        Set<String> chosen = new LinkedHashSet<>(named.isEmpty() ? defaults : named);
        for (String id : List.copyOf(chosen)) {
            Overlay overlay = overlays.get(id);
            if (overlay != null) {
                chosen.add(overlay.base());
            }
        }
        for (Overlay overlay : overlays.values()) {
            if (chosen.contains(overlay.base()) && accounts.stream().anyMatch(a -> overlay.jurisdictions()
                    .contains(a.jurisdiction()))) {
                chosen.add(overlay.pack());
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            String jurisdiction = accounts.get(i).jurisdiction();
            for (String base : loadOrder) {
                Set<String> needs = needsOverlay.get(base);
                if (chosen.contains(base) && needs != null && needs.contains(jurisdiction)
                        && overlays.values().stream().noneMatch(o -> o.base().equals(base)
                                && o.jurisdictions().contains(jurisdiction))) {
                    missing.add("accounts[" + i + "] (" + accounts.get(i).id() + ") is in " + jurisdiction
                            + ", which pack " + base + " decides only with an overlay (a pack with pack.extends = "
                            + base + " listing " + jurisdiction + " in pack.jurisdictions), and none is loaded");
                }
            }
        }
        List<String> ordered = loadOrder.stream().filter(chosen::contains).toList();
        return new Selection(ordered, missing);
    }
}
