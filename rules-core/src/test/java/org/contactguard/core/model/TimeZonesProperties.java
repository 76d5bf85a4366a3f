package org.contactguard.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Zones are IANA region ids only: every fixed-offset spelling is refused, every tzdb Area/Location id accepted. */
class TimeZonesProperties {

    private static final Pattern AREA_LOCATION = Pattern.compile(
            "(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+");

    @Property(tries = 400)
    void everyFixedOffsetSpellingIsRefusedNamingTheField(@ForAll("offsetSpellings") String spelling) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Debtor.builder("D1").zone("America/New_York").zone(spelling), spelling);
        assertEquals("timeZones[1]", e.field());
        assertThrows(InvalidInputException.class, () -> TimeZones.parse(spelling, "z"), spelling);
    }

    @Property(tries = 200)
    void everyOffsetAsAJavaZoneIsRefusedByTheRecord(@ForAll("offsets") ZoneOffset offset,
            @ForAll("offsetPrefixes") String prefix) {
        // ZoneId.ofOffset("UTC", +00:00) is the region UTC itself, which is accepted; its offset form is not.
        ZoneId prefixed = ZoneId.ofOffset(prefix, offset);
        for (ZoneId zone : prefixed.getId().equals("UTC") ? List.of(offset) : List.of(offset, prefixed)) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Debtor.builder("D1").zone(zone).build(), zone::getId);
            assertEquals("timeZones[0]", e.field());
        }
    }

    @Property(tries = 400)
    void everyAreaLocationIdTheJdkKnowsIsAccepted(@ForAll("areaLocationIds") String id) {
        Debtor debtor = Debtor.builder("D1").zone(id).build();
        assertEquals(id, debtor.timeZones().get(0).getId());
        assertEquals(ZoneId.of(id), new Debtor("D1", List.of(ZoneId.of(id)), false, null, null, null).timeZones().get(0));
    }

    @Property(tries = 200)
    void anAcceptedIdInAnotherCaseOrWithStraySpacesIsRefused(@ForAll("areaLocationIds") String id,
            @ForAll("misspellings") int how) {
        String wrong = switch (how) {
            case 0 -> id.toLowerCase(java.util.Locale.ROOT);
            case 1 -> id.toUpperCase(java.util.Locale.ROOT);
            case 2 -> " " + id;
            default -> id + " ";
        };
        if (!wrong.equals(id)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> TimeZones.parse(wrong, "z"));
            assertTrue(e.problem().contains("did you mean " + id), e::getMessage);
        }
    }

    @Provide
    Arbitrary<Integer> misspellings() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<String> areaLocationIds() {
        Set<String> ids = ZoneId.getAvailableZoneIds();
        return Arbitraries.of(ids.stream().filter(id -> AREA_LOCATION.matcher(id).matches()).sorted().toList());
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(s -> ZoneOffset.ofTotalSeconds(s / 60 * 60));
    }

    @Provide
    Arbitrary<String> offsetPrefixes() {
        return Arbitraries.of("UTC", "GMT", "UT");
    }

    /** {@code +08:00}, {@code UTC+8}, {@code GMT-05:30}, {@code Etc/GMT+8}, {@code +0800}, {@code utc-3}, {@code Z}. */
    @Provide
    Arbitrary<String> offsetSpellings() {
        Arbitrary<Integer> hours = Arbitraries.integers().between(0, 18);
        Arbitrary<Integer> minutes = Arbitraries.of(0, 30, 45);
        Arbitrary<String> sign = Arbitraries.of("+", "-");
        Arbitrary<String> prefix = Arbitraries.of("", "UTC", "GMT", "UT", "utc", "gmt", "Etc/GMT", "etc/gmt");
        Arbitrary<Integer> style = Arbitraries.integers().between(0, 3);
        Arbitrary<String> spelt = Combinators.combine(prefix, sign, hours, minutes, style).as((p, s, h, m, st) ->
                switch (st) {
                    case 0 -> p + s + h;
                    case 1 -> p + s + String.format("%02d:%02d", h, m);
                    case 2 -> p + s + String.format("%02d%02d", h, m);
                    default -> p + s + String.format("%02d", h);
                });
        return Arbitraries.oneOf(spelt, Arbitraries.of("Z", "UTC+0", "GMT0", "Etc/GMT", "Etc/GMT-14", "Etc/UCT",
                "+00:00", "-00:00"));
    }
}
