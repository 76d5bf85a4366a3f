package org.contactguard.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.Jurisdictions;

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
 *
 * <p>A request that names no packs is decided by the {@link #defaults() default packs} that apply
 * to its accounts. A base pack that says {@code pack.jurisdictions = CN} (a trailing {@code *}
 * matches a prefix: {@code US, US-*}) applies to accounts in those jurisdictions only, so the whole
 * catalog loaded at once never judges a Chinese debt by US rules; a pack without jurisdictions
 * applies to every account. An account that no default pack applies to cannot be decided without
 * naming packs: {@link #select} rejects it, naming the account's jurisdiction.
 *
 * <p>Jurisdiction codes stack on their prefix ({@link Jurisdictions#stack}): an account in {@code US-FL}
 * is also in {@code US}, and one in {@code US-NYC} is also in {@code US-NY} and {@code US}, so every pack
 * and overlay for any of those applies. The debtor's own {@code jurisdictions} (where they live or are
 * known to be) select packs exactly as an account's jurisdiction does, and a code of theirs that no
 * default pack applies to is rejected in the same way. The selection remembers, for each pack, the
 * request's code that brought it in, so each reason can say so. When the engine
 * loads the whole source (the builder named no packs), packs that say {@code pack.default = false}
 * (a tutorial pack) are left out of the defaults; they decide only requests that name them.
 */
public final class PackSelection {

    /** An overlay's declaration: the pack it extends and the jurisdictions it covers. */
    public record Overlay(String pack, String base, Set<String> jurisdictions) {

        public Overlay {
            jurisdictions = Collections.unmodifiableSet(new LinkedHashSet<>(jurisdictions));
        }
    }

    /**
     * The packs that decide, in load order, what is missing: one line per account (or debtor
     * jurisdiction) that needs an overlay that is not loaded (empty when none is), and, for each pack a
     * jurisdiction brought in, the request's code that did (packs the request named, and packs that
     * declare no jurisdictions, map to null or are absent).
     */
    public record Selection(List<String> packs, List<String> missing, Map<String, String> broughtInBy) {

        public Selection {
            packs = List.copyOf(packs);
            missing = List.copyOf(missing);
            broughtInBy = Collections.unmodifiableMap(new LinkedHashMap<>(broughtInBy));
        }

        /** A selection that records no jurisdiction for any pack. */
        public Selection(List<String> packs, List<String> missing) {
            this(packs, missing, Map.of());
        }

        /** The request's jurisdiction code that brought {@code pack} in, or null when it was named (or none did). */
        public String jurisdictionOf(String pack) {
            return broughtInBy.get(pack);
        }
    }

    private final List<String> loadOrder;
    private final Map<String, Overlay> overlays;
    private final Map<String, Set<String>> needsOverlay;
    private final Map<String, Set<String>> appliesTo;
    private final List<String> defaults;
    /**
     * Complete selections already made, by the packs named and the accounts' jurisdictions (all a
     * selection depends on when nothing is missing): requests mostly repeat a few combinations.
     * Bounded, so that requests with ever new jurisdictions cannot grow it without limit.
     */
    private final Map<SelectionKey, Selection> selections = new ConcurrentHashMap<>();

    /** At most this many selections are remembered; others are computed each time. */
    static final int MAX_REMEMBERED = 256;

    private record SelectionKey(List<String> named, List<String> jurisdictions, List<String> debtorJurisdictions) {
    }

    PackSelection(List<String> loadOrder, Map<String, Overlay> overlays, Map<String, Set<String>> needsOverlay) {
        this(loadOrder, overlays, needsOverlay, Map.of(), Set.of());
    }

    /**
     * @param appliesTo the jurisdictions (patterns) each base pack declares it applies to; a base
     *     pack absent here applies to every account
     * @param notDefault packs left out of the defaults (a tutorial pack loaded with the whole catalog)
     */
    PackSelection(List<String> loadOrder, Map<String, Overlay> overlays, Map<String, Set<String>> needsOverlay,
            Map<String, Set<String>> appliesTo, Set<String> notDefault) {
        this.loadOrder = List.copyOf(loadOrder);
        this.overlays = Map.copyOf(overlays);
        this.needsOverlay = unmodifiable(needsOverlay);
        this.appliesTo = unmodifiable(appliesTo);
        this.defaults = this.loadOrder.stream()
                .filter(id -> !this.overlays.containsKey(id) && !notDefault.contains(id)).toList();
    }

    private static Map<String, Set<String>> unmodifiable(Map<String, Set<String>> map) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        map.forEach((pack, set) -> copy.put(pack, Collections.unmodifiableSet(new LinkedHashSet<>(set))));
        return Collections.unmodifiableMap(copy);
    }

    /** Overlays by pack id. */
    public Map<String, Overlay> overlays() {
        return overlays;
    }

    /** Jurisdictions each base pack cannot decide without an overlay, by pack id. */
    public Map<String, Set<String>> overlayJurisdictions() {
        return needsOverlay;
    }

    /** Jurisdiction patterns each base pack applies to, by pack id (absent: every account). */
    public Map<String, Set<String>> appliesTo() {
        return appliesTo;
    }

    /**
     * The packs a request that names none starts from, in load order: every loaded pack that is
     * neither an overlay nor marked {@code pack.default = false} (when the whole source is loaded).
     * Of these, a request is decided by those that apply to one of its accounts.
     */
    public List<String> defaults() {
        return defaults;
    }

    /**
     * Whether base pack {@code pack} applies to accounts in {@code jurisdiction}: one of its patterns
     * matches the code or a code it stacks on.
     */
    public boolean appliesTo(String pack, String jurisdiction) {
        return matching(pack, jurisdiction) != null;
    }

    /** The first code of {@code jurisdiction}'s stack that one of {@code pack}'s patterns matches, or null. */
    private String matching(String pack, String jurisdiction) {
        Set<String> patterns = appliesTo.get(pack);
        if (patterns == null) {
            return jurisdiction;
        }
        for (String code : Jurisdictions.stack(jurisdiction)) {
            for (String pattern : patterns) {
                if (matches(pattern, code)) {
                    return code;
                }
            }
        }
        return null;
    }

    static boolean matches(String pattern, String jurisdiction) {
        return pattern.endsWith("*")
                ? jurisdiction.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(jurisdiction);
    }

    /** A jurisdiction code of the request and the field it came from. */
    private record Code(String code, String field) {
    }

    /** The accounts' jurisdictions, then the debtor's, in request order. */
    private static List<Code> codes(List<Account> accounts, List<String> debtorJurisdictions) {
        List<Code> codes = new ArrayList<>(accounts.size() + debtorJurisdictions.size());
        for (int i = 0; i < accounts.size(); i++) {
            codes.add(new Code(accounts.get(i).jurisdiction(), "accounts[" + i + "].jurisdiction"));
        }
        for (int i = 0; i < debtorJurisdictions.size(); i++) {
            codes.add(new Code(debtorJurisdictions.get(i), "debtor.jurisdictions[" + i + "]"));
        }
        return codes;
    }

    /**
     * The defaults that apply to at least one of {@code codes}, each with the first code that brought it in.
     *
     * @throws InvalidInputException naming {@code accounts[i].jurisdiction} (or
     *     {@code debtor.jurisdictions[i]}) when no default pack applies to that code: the request cannot be
     *     decided without naming packs
     */
    private Map<String, String> defaultsFor(List<Code> codes) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (Code code : codes) {
            List<String> applying = defaults.stream().filter(pack -> appliesTo(pack, code.code())).toList();
            if (applying.isEmpty() && !defaults.isEmpty()) {
                Map<String, Set<String>> offered = new LinkedHashMap<>();
                defaults.forEach(pack -> offered.put(pack, appliesTo.getOrDefault(pack, Set.of("*"))));
                throw new InvalidInputException(code.field(), "no loaded pack applies to \"" + code.code()
                        + "\" or a code it stacks on " + Jurisdictions.stack(code.code()) + " (packs by jurisdiction: "
                        + offered + "); name the packs to apply in \"packs\"");
            }
            // A pack that declares no jurisdictions applies to every request: no code brought it in.
            applying.forEach(pack -> chosen.putIfAbsent(pack, appliesTo.containsKey(pack) ? code.code() : null));
        }
        return chosen;
    }

    /**
     * The packs that decide a request naming {@code named} (all loaded; empty: the defaults that
     * apply to its accounts) about {@code accounts}, for a debtor with no jurisdictions of their own.
     */
    public Selection select(List<String> named, List<Account> accounts) {
        return select(named, accounts, List.of());
    }

    /**
     * The packs that decide a request naming {@code named} (all loaded; empty: the defaults that
     * apply to its accounts' and its debtor's jurisdictions) about {@code accounts}: those packs, the
     * bases of named overlays, and every overlay whose base is among them and whose jurisdictions hold
     * a code that an account's jurisdiction or one of {@code debtorJurisdictions} stacks on, in load order.
     */
    public Selection select(List<String> named, List<Account> accounts, List<String> debtorJurisdictions) {
        String[] jurisdictions = new String[accounts.size()];
        for (int i = 0; i < jurisdictions.length; i++) {
            jurisdictions[i] = accounts.get(i).jurisdiction();
        }
        SelectionKey key = new SelectionKey(List.copyOf(named), List.of(jurisdictions),
                List.copyOf(debtorJurisdictions));
        Selection known = selections.get(key);
        if (known != null) {
            return known;
        }
        Selection selection = compute(named, accounts, codes(accounts, debtorJurisdictions));
        if (selection.missing().isEmpty() && selections.size() < MAX_REMEMBERED) {
            selections.putIfAbsent(key, selection);
        }
        return selection;
    }

    private Selection compute(List<String> named, List<Account> accounts, List<Code> codes) {
        Map<String, String> broughtInBy = named.isEmpty() ? defaultsFor(codes) : new LinkedHashMap<>();
        Set<String> chosen = new LinkedHashSet<>(named.isEmpty() ? broughtInBy.keySet() : named);
        for (String id : List.copyOf(chosen)) {
            Overlay overlay = overlays.get(id);
            if (overlay != null) {
                chosen.add(overlay.base());
            }
        }
        for (Overlay overlay : overlays.values()) {
            if (!chosen.contains(overlay.base())) {
                continue;
            }
            for (Code code : codes) {
                if (Jurisdictions.stack(code.code()).stream().anyMatch(overlay.jurisdictions()::contains)) {
                    if (chosen.add(overlay.pack())) {
                        broughtInBy.put(overlay.pack(), code.code());
                    }
                    break;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Code code : codes) {
            for (String stacked : Jurisdictions.stack(code.code())) {
                for (String base : loadOrder) {
                    Set<String> needs = needsOverlay.get(base);
                    if (chosen.contains(base) && needs != null && needs.contains(stacked)
                            && overlays.values().stream().noneMatch(o -> o.base().equals(base)
                                    && o.jurisdictions().contains(stacked))) {
                        missing.add(describe(code, accounts) + " is in " + stacked + ", which pack " + base
                                + " decides only with an overlay (a pack with pack.extends = " + base + " listing "
                                + stacked + " in pack.jurisdictions), and none is loaded");
                    }
                }
            }
        }
        List<String> ordered = loadOrder.stream().filter(chosen::contains).toList();
        broughtInBy.keySet().retainAll(ordered);
        return new Selection(ordered, missing, broughtInBy);
    }

    /** How a missing overlay's line names where the code came from: {@code accounts[0] (A1)} or the debtor's field. */
    private static String describe(Code code, List<Account> accounts) {
        String prefix = "accounts[";
        if (code.field().startsWith(prefix)) {
            int i = Integer.parseInt(code.field().substring(prefix.length(), code.field().indexOf(']')));
            return "accounts[" + i + "] (" + accounts.get(i).id() + ")";
        }
        return code.field() + " (the debtor)";
    }
}
