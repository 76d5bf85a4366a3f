package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;

/**
 * A measure counts exactly the entries of its window, whatever the history's length and order: it
 * scans from the window's start, found by binary search, and this checks it against every entry
 * tested one by one, in zones with clock changes and with the largest offsets.
 */
class MeasureWindowProperties {

    private static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    private static final List<String> ZONES = List.of("America/New_York", "Pacific/Kiritimati", "Pacific/Niue",
            "Asia/Shanghai", "Europe/Dublin", "Australia/Lord_Howe");

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(ZONES);
    }

    @Property(tries = 400)
    void theCountIsTheEntriesOfTheWindowTestedOneByOne(@ForAll("zones") String zoneId,
            @ForAll @LongRange(min = 1_767_225_600L, max = 1_830_297_600L) long nowSecond,
            @ForAll @IntRange(min = 0, max = 400) int entries, @ForAll @IntRange(min = 0, max = 40) int spreadDays,
            @ForAll @IntRange(min = 1, max = 10) int days, @ForAll boolean rolling, @ForAll long seed) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant now = Instant.ofEpochSecond(nowSecond);
        java.util.Random random = new java.util.Random(seed);
        List<ContactAttempt> history = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            long back = 1 + (long) (random.nextDouble() * Duration.ofDays(spreadDays + 1).toSeconds());
            history.add(ContactAttempt.call(now.minusSeconds(back), "A1", MOBILE,
                    random.nextInt(4) == 0 ? Outcome.NO_ANSWER : Outcome.CONNECTED));
        }
        Duration window = rolling ? Duration.ofHours(1 + 24L * days) : null;
        Measure measure = new Measure("calls", Channel.CALL, null, null, true, null, Measure.Per.DEBTOR, window,
                rolling ? 0 : days, 3);
        ProposedAction action = ProposedAction.builder().channel(Channel.CALL).at(now).recipient(Recipient.DEBTOR)
                .contactPoint(MOBILE).accountIds("A1").build();
        ContactHistory seen = ContactHistory.of(now, history);

        int expected = 0;
        for (ContactAttempt entry : history) {
            boolean inside = rolling
                    ? entry.at().isAfter(now.minus(window)) && entry.at().isBefore(now)
                    : CalendarDays.inWindow(entry.at(), now, zone, days);
            if (inside && entry.connectedToNumber()) {
                expected++;
            }
        }
        assertEquals(expected, measure.tally(action, "D1", seen, List.of(zone)).get(0).count());
    }
}
