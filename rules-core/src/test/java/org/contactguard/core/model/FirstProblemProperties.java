package org.contactguard.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The one-pass check that a request has no problem agrees with the ordered checks that name the
 * first one: over requests that are mostly sound and now and then refer to an unknown account or
 * third party, contradict a third party's relation, describe a contact point two ways, restrict an
 * unknown account, or date an entry at or after the action.
 */
class FirstProblemProperties {

    private static final Instant NOON = Instant.parse("2026-01-02T12:00:00Z");
    private static final Recipient[] RELATIONS = {Recipient.SPOUSE, Recipient.PARENT_OF_MINOR, Recipient.EMPLOYER};

    @Property(tries = 2000)
    @StatisticsReport(onFailureOnly = true)
    void theOnePassCheckAgreesWithTheOrderedChecks(@ForAll long seed) {
        DecisionRequest request = request(new Random(seed));
        Statistics.collect(request.plainlyValid() ? "sound" : "with a problem");
        assertEquals(request.orderedProblem().isEmpty(), request.plainlyValid(), request::toString);
        assertEquals(request.orderedProblem().map(Throwable::getMessage), request.firstProblem().map(Throwable::getMessage));
        Statistics.coverage(coverage -> {
            coverage.check("sound").percentage(p -> p >= 10);
            coverage.check("with a problem").percentage(p -> p >= 10);
        });
    }

    private static DecisionRequest request(Random random) {
        List<Account> accounts = List.of(Account.of("A1", Product.CREDIT_CARD, "US", 45),
                Account.of("A2", Product.CREDIT_CARD, "US", 90));
        List<ThirdParty> parties = List.of(ThirdParty.of("T1", Recipient.SPOUSE, false),
                ThirdParty.of("T2", Recipient.EMPLOYER, false));
        Debtor.Builder debtor = Debtor.builder("D1").zone("America/New_York");
        if (random.nextInt(8) == 0) {
            debtor.restriction(Restriction.cease(NOON.minus(Duration.ofDays(3)), true)
                    .forAccounts(rare(random) ? "A9" : "A2"));
        }
        ProposedAction action = contact(ProposedAction.builder(), random, NOON).build();
        List<ContactAttempt> history = new ArrayList<>();
        int entries = random.nextInt(30);
        for (int i = 0; i < entries; i++) {
            Instant at = rare(random) ? NOON.plusSeconds(random.nextInt(2))
                    : NOON.minus(Duration.ofMinutes(1 + random.nextInt(20_000)));
            history.add(contact(ContactAttempt.builder(), random, at).outcome(Outcome.NO_ANSWER).build());
        }
        return DecisionRequest.builder().action(action).debtor(debtor.build()).accounts(accounts).thirdParty(parties.get(0))
                .thirdParty(parties.get(1)).history(history).build();
    }

    private static <B extends ContactBuilder<B>> B contact(B builder, Random random, Instant at) {
        builder.channel(Channel.CALL).at(at).accountIds(rare(random) ? "A7" : random.nextBoolean() ? "A1" : "A2");
        int point = random.nextInt(24);
        ContactPointKind kind = rare(random) ? ContactPointKind.HOME_PHONE : ContactPointKind.MOBILE;
        builder.contactPoint(ContactPoint.of("P" + point, point % 3 == 0 ? kind : ContactPointKind.MOBILE));
        switch (random.nextInt(6)) {
            case 0 -> builder.recipient(Recipient.SPOUSE).thirdPartyId(rare(random) ? "T9" : "T1");
            case 1 -> builder.recipient(rare(random) ? RELATIONS[random.nextInt(RELATIONS.length)] : Recipient.EMPLOYER)
                    .thirdPartyId("T2");
            default -> builder.recipient(Recipient.DEBTOR);
        }
        return builder;
    }

    private static boolean rare(Random random) {
        return random.nextInt(40) == 0;
    }
}
