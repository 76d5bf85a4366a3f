package org.contactguard.catalog;

import static org.contactguard.catalog.StarterFixtures.ZONES;
import static org.contactguard.catalog.StarterFixtures.action;
import static org.contactguard.catalog.StarterFixtures.attempt;
import static org.contactguard.catalog.StarterFixtures.fullRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;

/**
 * Varied requests for the starter pack from a seeded {@link Random}: the same seed always gives the same
 * list. Covers every starter rule on both sides (hours in one to three zones, busy call histories about one
 * or two accounts, cease requests with and without an end) and a few requests the engine must reject as
 * INPUT-INVALID (no time zone for a call, an action about an unknown account, an unknown pack).
 */
final class RandomRequests {

    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MINUTES_IN_YEAR = Duration.ofDays(365).toMinutes();
    private static final long WEEK_AND_A_HALF_IN_MINUTES = Duration.ofDays(10).toMinutes();
    private static final Channel[] CHANNELS = {Channel.CALL, Channel.CALL, Channel.CALL, Channel.CALL, Channel.SMS,
        Channel.EMAIL, Channel.LETTER, Channel.VISIT};
    private static final Outcome[] OUTCOMES = Outcome.values();

    private RandomRequests() {
    }

    /** {@code n} requests, ids {@code r0}, {@code r1}, ..., from {@code seed}. */
    static List<DecisionRequest> requests(long seed, int n) {
        Random random = new Random(seed);
        List<DecisionRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            requests.add(request("r" + i, random));
        }
        return requests;
    }

    private static DecisionRequest request(String id, Random random) {
        Instant at = YEAR_START.plus(Duration.ofMinutes(random.nextLong(MINUTES_IN_YEAR)));
        Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
        Recipient recipient = random.nextInt(5) == 0 ? Recipient.SPOUSE : Recipient.DEBTOR;
        Initiator initiator = random.nextInt(10) == 0 ? Initiator.DEBTOR : Initiator.COLLECTOR;
        Purpose purpose = random.nextInt(8) == 0 ? Purpose.TERMINATION_NOTICE : Purpose.COLLECTION;
        List<String> accounts = accounts(random);
        if (random.nextInt(40) == 0) {
            accounts = List.of("A1", "A9"); // refers to an account the request does not hold
        }

        Debtor.Builder debtor = Debtor.builder("D1");
        int zoneCount = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(3);
        List<ZoneId> shuffled = new ArrayList<>(ZONES);
        Collections.shuffle(shuffled, random);
        debtor.zones(shuffled.subList(0, zoneCount));
        if (random.nextInt(6) == 0) {
            Instant since = at.plus(Duration.ofMinutes(random.nextLong(2 * WEEK_AND_A_HALF_IN_MINUTES)
                    - WEEK_AND_A_HALF_IN_MINUTES));
            Instant until = random.nextBoolean() ? null : since.plus(Duration.ofMinutes(1 + random.nextLong(
                    WEEK_AND_A_HALF_IN_MINUTES)));
            debtor.restriction(new Restriction(RestrictionKind.CEASE_COMMUNICATION, since, until, random.nextBoolean(),
                    false, null, null, null, null, null, null));
        }

        // Dense histories about few accounts, so the call cap is reached often.
        List<ContactAttempt> history = new ArrayList<>();
        int entries = random.nextInt(25);
        for (int i = 0; i < entries; i++) {
            Instant when = at.minus(Duration.ofMinutes(1 + random.nextLong(WEEK_AND_A_HALF_IN_MINUTES)));
            Channel pastChannel = random.nextInt(6) == 0 ? Channel.SMS : Channel.CALL;
            Initiator pastInitiator = random.nextInt(8) == 0 ? Initiator.DEBTOR : Initiator.COLLECTOR;
            Outcome outcome = random.nextInt(10) == 0 ? null : OUTCOMES[random.nextInt(OUTCOMES.length)];
            Recipient pastRecipient = random.nextInt(10) == 0 ? Recipient.SPOUSE : Recipient.DEBTOR;
            history.add(attempt(pastChannel, when, pastRecipient, accounts(random), pastInitiator, outcome));
        }

        List<String> packs = switch (random.nextInt(20)) {
            case 0 -> List.of("starter", "no-such-pack");
            case 1, 2, 3 -> List.of("starter");
            default -> List.of();
        };
        Collector collector = Collector.of(CollectorKind.values()[random.nextInt(CollectorKind.values().length)]);
        return fullRequest(id, packs, collector, action(channel, at, recipient, accounts, initiator, purpose),
                debtor.build(), history);
    }

    private static List<String> accounts(Random random) {
        return switch (random.nextInt(5)) {
            case 0, 1, 2 -> List.of("A1");
            case 3 -> List.of("A2");
            default -> List.of("A1", "A2");
        };
    }
}
