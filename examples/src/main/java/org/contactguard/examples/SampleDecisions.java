package org.contactguard.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;

/**
 * Decides a dozen built-in sample requests with the starter pack and prints each decision with
 * its reasons: the quickest way to see the engine work end to end.
 *
 * <p>Run with {@code mvn -B -q -f examples exec:java} after {@code mvn -B -q install -DskipTests}.
 */
public final class SampleDecisions {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    private static final Account CARD = Account.of("A1", Product.CREDIT_CARD, "US", 45);
    private static final Account LOAN = Account.of("A2", Product.CONSUMER_LOAN, "US", 30);

    private SampleDecisions() {
    }

    /** Prints the samples' decisions to standard output. */
    public static void main(String[] args) {
        ComplianceEngine engine = ComplianceEngine.builder().pack("starter").build();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("Contactguard sample decisions (starter pack, rules " + engine.version() + ")");
        for (Sample sample : samples()) {
            Decision decision = engine.decide(sample.request());
            out.println();
            out.println("# " + sample.title());
            out.println(decision);
        }
    }

    /** A request with a line saying what it shows. */
    record Sample(String title, DecisionRequest request) {
    }

    /** The built-in samples, in the order they are printed. */
    static List<Sample> samples() {
        Debtor newYorker = Debtor.of("D1", "America/New_York");
        Instant noon = local("2026-03-10T12:00");
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample("Call at noon, no history",
                request("s01", call(noon, "A1"), newYorker, List.of())));
        samples.add(new Sample("Call at 07:59 local: one minute early",
                request("s02", call(local("2026-03-10T07:59"), "A1"), newYorker, List.of())));
        samples.add(new Sample("Call at 08:00 local: first permitted minute",
                request("s03", call(local("2026-03-10T08:00"), "A1"), newYorker, List.of())));
        samples.add(new Sample("Call at 21:00 local: the window has closed",
                request("s04", call(local("2026-03-10T21:00"), "A1"), newYorker, List.of())));
        samples.add(new Sample("Debtor may be in New York or Los Angeles: 10:30 in New York is 07:30 there",
                request("s05", call(local("2026-03-10T10:30"), "A1"),
                        Debtor.of("D1", "America/New_York", "America/Los_Angeles"), List.of())));
        samples.add(new Sample("No time zone known for the debtor",
                request("s06", call(noon, "A1"), Debtor.of("D1"), List.of())));
        samples.add(new Sample("Seventh call on the card in seven days",
                request("s07", call(noon, "A1"), newYorker, calls(noon, 6))));
        samples.add(new Sample("Eighth call on the card in seven days",
                request("s08", call(noon, "A1"), newYorker, calls(noon, 7))));
        samples.add(new Sample("Eighth call on the card, but this call is about the loan",
                request("s09", call(noon, "A2"), newYorker, calls(noon, 7))));
        samples.add(new Sample("Debtor asked in writing to cease communication",
                request("s10", call(noon, "A1"), Debtor.builder("D1").zone(NEW_YORK)
                        .restriction(Restriction.cease(noon.minus(Duration.ofDays(3)), true)).build(), List.of())));
        samples.add(new Sample("Letter telling a ceased debtor that collection stops",
                request("s11", ProposedAction.builder().channel(Channel.LETTER).at(noon).recipient(Recipient.DEBTOR)
                        .accountIds("A1").purpose(Purpose.TERMINATION_NOTICE).build(),
                        Debtor.builder("D1").zone(NEW_YORK)
                                .restriction(Restriction.cease(noon.minus(Duration.ofDays(3)), true)).build(),
                        List.of())));
        samples.add(new Sample("Call at 20:30 with seven calls already: denied until the oldest call leaves the window",
                request("s12", call(local("2026-03-10T20:30"), "A1"), newYorker,
                        calls(local("2026-03-10T20:30"), 7))));
        return samples;
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(NEW_YORK).toInstant();
    }

    private static ProposedAction call(Instant at, String account) {
        return ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(account).build();
    }

    /** {@code n} answered calls about the card, one every 20 hours, the last an hour before {@code before}. */
    private static List<ContactAttempt> calls(Instant before, int n) {
        List<ContactAttempt> calls = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            Instant at = before.minus(Duration.ofHours(1 + 20L * i));
            calls.add(ContactAttempt.call(at, "A1", MOBILE, Outcome.CONNECTED));
        }
        return calls;
    }

    private static DecisionRequest request(String id, ProposedAction action, Debtor debtor,
            List<ContactAttempt> history) {
        return DecisionRequest.builder().id(id).action(action).debtor(debtor).account(CARD).account(LOAN)
                .history(history).build();
    }
}
