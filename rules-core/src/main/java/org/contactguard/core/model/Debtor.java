package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.listOf;
import static org.contactguard.core.model.Checks.nonBlank;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The person the debt belongs to: the time zones they may be in (empty = unknown, several = any of
 * them; IANA region ids only, see {@link TimeZones}), the jurisdictions where they live or are known to
 * be (packs apply for these as well as for each account's, see {@link Jurisdictions}), whether they are
 * a minor, their waking hours when known, and the restrictions and consents that govern contacting them.
 */
public record Debtor(
        String id,
        List<ZoneId> timeZones,
        List<String> jurisdictions,
        boolean minor,
        LocalTimeWindow wakingHours,
        List<Restriction> restrictions,
        List<Consent> consents) {

    public Debtor {
        nonBlank(id, "id");
        timeZones = listOf(timeZones, "timeZones");
        Set<ZoneId> seen = new HashSet<>();
        for (int i = 0; i < timeZones.size(); i++) {
            TimeZones.check(timeZones.get(i), "timeZones[" + i + "]");
            if (!seen.add(timeZones.get(i))) {
                throw new InvalidInputException("timeZones[" + i + "]", "duplicate zone " + timeZones.get(i).getId());
            }
        }
        List<String> codes = new ArrayList<>(listOf(jurisdictions, "jurisdictions"));
        for (int i = 0; i < codes.size(); i++) {
            String code = Jurisdictions.normalise(codes.get(i), "jurisdictions[" + i + "]");
            if (codes.subList(0, i).contains(code)) {
                throw new InvalidInputException("jurisdictions[" + i + "]", "duplicate jurisdiction " + Checks.quoted(code));
            }
            codes.set(i, code);
        }
        jurisdictions = List.copyOf(codes);
        restrictions = listOf(restrictions, "restrictions");
        consents = listOf(consents, "consents");
    }

    /** A debtor with no known jurisdictions of their own: the accounts' jurisdictions decide which packs apply. */
    public Debtor(String id, List<ZoneId> timeZones, boolean minor, LocalTimeWindow wakingHours,
            List<Restriction> restrictions, List<Consent> consents) {
        this(id, timeZones, List.of(), minor, wakingHours, restrictions, consents);
    }

    /** Whether at least one time zone is known; when none is, the hour rules must assume the worst. */
    public boolean zoneKnown() {
        return !timeZones.isEmpty();
    }

    /** The restrictions of one kind, in their original order, whether active or not. */
    public List<Restriction> restrictionsOf(RestrictionKind kind) {
        Objects.requireNonNull(kind, "kind");
        return restrictions.stream().filter(r -> r.kind() == kind).toList();
    }

    /** The consents of one kind, in their original order, whether valid or not. */
    public List<Consent> consentsOf(ConsentKind kind) {
        Objects.requireNonNull(kind, "kind");
        return consents.stream().filter(c -> c.kind() == kind).toList();
    }

    /** A debtor who is not a minor, with no known waking hours, restrictions or consents, in {@code zones} (IANA ids). */
    public static Debtor of(String id, String... zones) {
        return builder(id).zones(zones).build();
    }

    /** Starts a builder for a debtor with this id. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Collects a debtor's fields; the record's constructor validates them on {@link #build()}. */
    public static final class Builder {
        private final String id;
        private final List<ZoneId> timeZones = new ArrayList<>();
        private final List<String> jurisdictions = new ArrayList<>();
        private boolean minor;
        private LocalTimeWindow wakingHours;
        private final List<Restriction> restrictions = new ArrayList<>();
        private final List<Consent> consents = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Adds a zone by IANA region id, e.g. {@code "America/New_York"}.
         *
         * @throws InvalidInputException naming {@code timeZones[i]} for anything {@link TimeZones} refuses
         */
        public Builder zone(String zoneId) {
            return zone(TimeZones.parse(zoneId, "timeZones[" + timeZones.size() + "]"));
        }

        /** Adds a zone; a null zone, or one that is not an IANA region id, is reported by {@link #build()} with its index. */
        public Builder zone(ZoneId zone) {
            timeZones.add(zone);
            return this;
        }

        /** Adds zones by IANA id. */
        public Builder zones(String... zoneIds) {
            Objects.requireNonNull(zoneIds, "zoneIds");
            for (String zoneId : zoneIds) {
                zone(zoneId);
            }
            return this;
        }

        /** Adds zones. */
        public Builder zones(List<ZoneId> zones) {
            Objects.requireNonNull(zones, "zones");
            timeZones.addAll(zones);
            return this;
        }

        /** Adds a jurisdiction where the debtor lives or is known to be, e.g. {@code "US-FL"}. */
        public Builder jurisdiction(String code) {
            jurisdictions.add(code);
            return this;
        }

        /** Adds jurisdictions. */
        public Builder jurisdictions(String... codes) {
            Objects.requireNonNull(codes, "codes");
            for (String code : codes) {
                jurisdiction(code);
            }
            return this;
        }

        public Builder minor(boolean minor) {
            this.minor = minor;
            return this;
        }

        public Builder wakingHours(LocalTimeWindow wakingHours) {
            this.wakingHours = wakingHours;
            return this;
        }

        /** Adds a restriction. */
        public Builder restriction(Restriction restriction) {
            restrictions.add(restriction);
            return this;
        }

        /** Adds a consent. */
        public Builder consent(Consent consent) {
            consents.add(consent);
            return this;
        }

        /** @throws InvalidInputException if the debtor breaks the contract */
        public Debtor build() {
            return new Debtor(id, timeZones, jurisdictions, minor, wakingHours, restrictions, consents);
        }
    }
}
