package org.contactguard.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;
import org.contactguard.core.model.ThirdParty;
import org.contactguard.core.model.VisitDetails;

/**
 * Adversarial requests from a seed, denser at the edges than {@link Workload}: one to three far-apart
 * zones or none, cease requests with and without an end, busy call histories about one or two
 * accounts, and a few requests the engine must reject (unknown account, unknown pack).
 */
final class RandomRequests {

    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MINUTES_IN_YEAR = Duration.ofDays(365).toMinutes();
    private static final long TEN_DAYS_IN_MINUTES = Duration.ofDays(10).toMinutes();
    private static final Channel[] CHANNELS = {Channel.CALL, Channel.CALL, Channel.CALL, Channel.CALL, Channel.SMS,
        Channel.EMAIL, Channel.LETTER, Channel.VISIT};
    private static final Outcome[] OUTCOMES = Outcome.values();
    static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Pacific/Honolulu"), ZoneId.of("Europe/London"), ZoneId.of("Asia/Shanghai"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"));
    private static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    private static final ContactPoint EMAIL = ContactPoint.of("E1", ContactPointKind.EMAIL);
    private static final ThirdParty SPOUSE = new ThirdParty("T1", Recipient.SPOUSE, false, null, false);
    private static final VisitDetails HOME_VISIT = new VisitDetails(1, true, false, false, false, false);
    private static final List<Account> ACCOUNTS = List.of(Account.of("A1", Product.CREDIT_CARD, "US", 45),
            Account.of("A2", Product.CONSUMER_LOAN, "US", 30));

    private RandomRequests() {
    }

    /** {@code n} requests from {@code seed}; {@code packNames} are what a request may name (else none). */
    static List<DecisionRequest> requests(long seed, int n, List<String> packNames) {
        Random random = new Random(seed);
        List<DecisionRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            requests.add(request("r" + i, random, packNames));
        }
        return requests;
    }

    static DecisionRequest request(String id, Random random, List<String> packNames) {
        Instant at = YEAR_START.plus(Duration.ofMinutes(random.nextLong(MINUTES_IN_YEAR)));
        Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
        Recipient recipient = random.nextInt(5) == 0 ? Recipient.SPOUSE : Recipient.DEBTOR;
        Initiator initiator = random.nextInt(10) == 0 ? Initiator.DEBTOR : Initiator.COLLECTOR;
        Purpose purpose = random.nextInt(8) == 0 ? Purpose.TERMINATION_NOTICE : Purpose.COLLECTION;
        List<String> accounts = accounts(random);
        if (random.nextInt(40) == 0) {
            accounts = List.of("A1", "A9"); // an account the request does not hold
        }
        Debtor.Builder debtor = Debtor.builder("D1");
        int zoneCount = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(3);
        List<ZoneId> shuffled = new ArrayList<>(ZONES);
        Collections.shuffle(shuffled, random);
        debtor.zones(shuffled.subList(0, zoneCount));
        if (random.nextInt(6) == 0) {
            Instant since = at.plus(Duration.ofMinutes(random.nextLong(2 * TEN_DAYS_IN_MINUTES) - TEN_DAYS_IN_MINUTES));
            Instant until = random.nextBoolean() ? null : since.plus(Duration.ofMinutes(1 + random.nextLong(
                    TEN_DAYS_IN_MINUTES)));
            debtor.restriction(new Restriction(RestrictionKind.CEASE_COMMUNICATION, since, until, random.nextBoolean(),
                    false, null, null, null, null, null, null));
        }
        List<ContactAttempt> history = new ArrayList<>();
        int entries = random.nextInt(random.nextInt(10) == 0 ? 200 : 25);
        for (int i = 0; i < entries; i++) {
            Instant when = at.minus(Duration.ofMinutes(1 + random.nextLong(TEN_DAYS_IN_MINUTES)));
            Channel pastChannel = random.nextInt(6) == 0 ? Channel.SMS : Channel.CALL;
            Initiator pastInitiator = random.nextInt(8) == 0 ? Initiator.DEBTOR : Initiator.COLLECTOR;
            Outcome outcome = random.nextInt(10) == 0 ? null : OUTCOMES[random.nextInt(OUTCOMES.length)];
            Recipient pastRecipient = random.nextInt(10) == 0 ? Recipient.SPOUSE : Recipient.DEBTOR;
            history.add(ContactAttempt.builder().channel(pastChannel).at(when).recipient(pastRecipient)
                    .thirdPartyId(pastRecipient == Recipient.DEBTOR ? null : SPOUSE.id()).contactPoint(MOBILE)
                    .accountIds(accounts(random)).initiatedBy(pastInitiator).outcome(outcome).build());
        }
        List<String> packs = switch (random.nextInt(20)) {
            case 0 -> List.of(packNames.get(0), "no-such-pack");
            case 1, 2, 3 -> List.of(packNames.get(random.nextInt(packNames.size())));
            default -> List.of();
        };
        Collector collector = Collector.of(CollectorKind.values()[random.nextInt(CollectorKind.values().length)]);
        ProposedAction action = ProposedAction.builder().channel(channel).at(at).recipient(recipient)
                .thirdPartyId(recipient == Recipient.DEBTOR ? null : SPOUSE.id())
                .contactPoint(channel == Channel.CALL || channel == Channel.SMS ? MOBILE
                        : channel == Channel.EMAIL ? EMAIL : null)
                .place(channel == Channel.VISIT ? Place.HOME : null).accountIds(accounts).initiatedBy(initiator)
                .purpose(purpose).visit(channel == Channel.VISIT ? HOME_VISIT : null).build();
        return new DecisionRequest(id, packs, collector, action, debtor.build(), ACCOUNTS, List.of(SPOUSE), history);
    }

    private static List<String> accounts(Random random) {
        return switch (random.nextInt(5)) {
            case 0, 1, 2 -> List.of("A1");
            case 3 -> List.of("A2");
            default -> List.of("A1", "A2");
        };
    }
}
