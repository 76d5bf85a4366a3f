package org.contactguard.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contactguard decide --ledger URL}: the ledger's history decides, and allowed calls are recorded. */
class DecideWithLedgerTest {

    /** The requests are at fixed 2026 moments: accept them wherever the test machine's clock stands. */
    static final String REPLAY = "--max-clock-skew=P36500D";

    @TempDir
    Path tmp;

    @Test
    void aRequestFarFromTheLedgersClockIsInvalidInputByDefault() {
        String url = "jdbc:h2:mem:skew-" + java.util.UUID.randomUUID();
        String farFuture = callAtMinute(0).replace("2026-03-10", "2999-03-10");

        ContactguardCliTest.Run run = ContactguardCliTest.withInput(farFuture + "\n", "decide", "--quiet", "--ledger",
                url, "-");

        assertEquals(List.of("INPUT-INVALID"), DecisionJson.readDecision(run.outLines().get(0)).ruleIds(), run.out());
    }

    /** A starter-pack call to debtor D1 about A1, {@code minute} minutes after noon in New York. */
    private static String callAtMinute(int minute) {
        ProposedAction action = ProposedAction.builder().channel(Channel.CALL)
                .at(Instant.parse("2026-03-10T16:00:00Z").plusSeconds(60L * minute)).recipient(Recipient.DEBTOR)
                .contactPoint(ContactPoint.of("P1", ContactPointKind.MOBILE)).accountIds("A1").build();
        return DecisionJson.writeRequest(DecisionRequest.builder().id("call-" + minute).packs("starter").action(action)
                .debtor(Debtor.of("D1", "America/New_York")).account(Account.of("A1", Product.CREDIT_CARD, "US", 45))
                .build());
    }

    @Test
    void callsRecordedInTheLedgerCountInLaterRunsUntilTheCapDenies() {
        String url = "jdbc:h2:file:" + tmp.resolve("ledger").toAbsolutePath();
        List<String> firstSeven = new ArrayList<>();
        for (int minute = 0; minute < 7; minute++) {
            firstSeven.add(callAtMinute(minute));
        }

        ContactguardCliTest.Run first = ContactguardCliTest.withInput(String.join("\n", firstSeven) + "\n", "decide",
                "--quiet", "--ledger", url, REPLAY, "-");
        // A second run, a new process in real life: only the ledger remembers the first seven calls.
        ContactguardCliTest.Run second = ContactguardCliTest.withInput(callAtMinute(30) + "\n", "decide", "--quiet",
                "--ledger", url, REPLAY, "-");

        assertEquals(0, first.exit(), first.err());
        assertTrue(first.outLines().stream().map(DecisionJson::readDecision).allMatch(Decision::isAllowed), first.out());
        assertEquals(0, second.exit(), second.err());
        assertEquals(List.of("STARTER-FREQ-01"), DecisionJson.readDecision(second.outLines().get(0)).ruleIds());
    }

    @Test
    void aLedgerThatCannotBeOpenedStopsTheCommandWithExitTwo() {
        ContactguardCliTest.Run run = ContactguardCliTest.withInput(callAtMinute(0) + "\n", "decide", "--quiet",
                "--ledger", "jdbc:nosuchdb:x", "-");

        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("contactguard: cannot open the contact ledger"), run.err());
    }
}
