package org.contactguard.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Recipient;

/**
 * The fast paths of {@link ContactHistory} (order detection, primitive sort, binary-searched
 * windows, the remembered last count) answer exactly what the plain definitions do.
 */
class ContactHistoryProperties {

    private static final Instant NOW = Instant.parse("2026-03-10T16:00:00Z");
    private static final Comparator<ContactAttempt> BY_TIME = Comparator.comparing(ContactAttempt::at);

    @Property(tries = 300)
    void entriesAreOldestFirstAndEqualTimesKeepTheirGivenOrder(@ForAll("histories") List<ContactAttempt> attempts) {
        List<ContactAttempt> expected = new ArrayList<>(attempts);
        expected.sort(BY_TIME); // List.sort is stable
        assertEquals(expected, ContactHistory.of(NOW, attempts).attempts());
    }

    @Property(tries = 300)
    void countsAndReopeningMatchAScanOfEveryEntry(@ForAll("histories") List<ContactAttempt> attempts,
            @ForAll("windows") Duration window) {
        ContactHistory history = ContactHistory.of(NOW, attempts);
        for (String account : List.of("A1", "A2")) {
            AttemptFilter filter = AttemptFilter.placedCalls(account);
            List<Instant> inWindow = attempts.stream().map(ContactAttempt::at).filter(at -> at.isAfter(NOW.minus(window))
                    && at.isBefore(NOW)).toList();
            long expected = attempts.stream().filter(a -> a.at().isAfter(NOW.minus(window)) && a.at().isBefore(NOW)
                    && filter.matches(a)).count();
            assertEquals(expected, history.count(filter, window), "count " + account + " " + inWindow.size());
            assertEquals(expected, history.count(filter, window), "count asked again");
            List<Instant> matching = history.attempts().stream().filter(a -> a.at().isAfter(NOW.minus(window))
                    && a.at().isBefore(NOW) && filter.matches(a)).map(ContactAttempt::at).toList();
            for (int cap = 1; cap <= 4; cap++) {
                Instant expectedReopen = matching.size() < cap ? NOW : matching.get(matching.size() - cap).plus(window);
                assertEquals(expectedReopen, history.reopensAt(filter, window, cap), "reopens, cap " + cap);
            }
        }
        assertEquals(attempts.size(), history.at(NOW.plusSeconds(3600)).size());
    }

    @Provide
    Arbitrary<Duration> windows() {
        return Arbitraries.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(400));
    }

    @Provide
    Arbitrary<List<ContactAttempt>> histories() {
        // Few distinct minutes so that equal times are common; now and then a moment far outside
        // the range a nanosecond count fits in, and histories already in order either way.
        Arbitrary<Instant> near = Arbitraries.integers().between(-60 * 24 * 10, 60).map(m -> NOW.plusSeconds(60L * m));
        Arbitrary<Instant> far = Arbitraries.of(Instant.parse("1500-01-01T00:00:00Z"), Instant.parse("2300-01-01T00:00:00Z"));
        Arbitrary<Instant> at = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, near), net.jqwik.api.Tuple.of(1, far));
        Arbitrary<ContactAttempt> attempt = net.jqwik.api.Combinators.combine(at, Arbitraries.of(Outcome.values()),
                Arbitraries.of("A1", "A2"), Arbitraries.of(Initiator.values()), Arbitraries.integers().between(0, 99))
                .as((when, outcome, account, initiator, tag) -> ContactAttempt.builder().channel(Channel.CALL).at(when)
                        .recipient(Recipient.DEBTOR).contactPoint(RulesFixtures.MOBILE).accountIds(account)
                        .initiatedBy(initiator).outcome(outcome).content("entry " + tag).build());
        return attempt.list().ofMaxSize(60).flatMap(list -> Arbitraries.of(0, 1, 2).map(order -> {
            List<ContactAttempt> copy = new ArrayList<>(list);
            if (order == 1) {
                copy.sort(BY_TIME);
            } else if (order == 2) {
                copy.sort(BY_TIME.reversed());
            }
            return copy;
        }));
    }
}
