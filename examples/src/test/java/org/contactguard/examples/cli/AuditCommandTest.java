package org.contactguard.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.contactguard.core.audit.AuditRecord;
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

/** {@code decide --audit} keeps a record of every decision; {@code audit show} answers from it. */
class AuditCommandTest {

    /** 20:55 in New York on 3 March 2026 (EST): inside the starter pack's hours. */
    private static final Instant FIVE_TO_NINE_PM = Instant.parse("2026-03-04T01:55:00Z");
    /** 21:05 in New York that evening: after them. */
    private static final Instant FIVE_PAST_NINE_PM = Instant.parse("2026-03-04T02:05:00Z");

    @TempDir
    Path tmp;

    private static String call(String id, String debtor, Instant at) {
        ProposedAction action = ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR)
                .contactPoint(ContactPoint.of("P1", ContactPointKind.MOBILE)).accountIds("A1").build();
        return DecisionJson.writeRequest(DecisionRequest.builder().id(id).packs("starter").action(action)
                .debtor(Debtor.of(debtor, "America/New_York")).account(Account.of("A1", Product.CREDIT_CARD, "US", 45))
                .build());
    }

    private static String requests() {
        return call("call-1", "D1", FIVE_TO_NINE_PM) + "\n" + call("call-2", "D1", FIVE_PAST_NINE_PM) + "\n"
                + call("call-3", "D2", FIVE_TO_NINE_PM) + "\nnot json\n";
    }

    private static ContactguardCliTest.Run show(String target, String... more) {
        String[] args = {"audit", "show", "--audit", target, "--debtor", "D1", "--from", "2000-01-01", "--to",
            "2100-01-01"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return ContactguardCliTest.run(all);
    }

    @Test
    void auditShowListsTheDebtorsDecisionsWithEveryReasonAndCitation() {
        String folder = tmp.resolve("audit").toString();
        ContactguardCliTest.Run decided = ContactguardCliTest.withInput(requests(), "decide", "--quiet", "--audit",
                folder, "-");
        assertEquals(0, decided.exit(), decided.err());

        ContactguardCliTest.Run shown = show(folder);

        assertEquals(0, shown.exit(), shown.err());
        String out = shown.out();
        assertTrue(out.contains("call-1") && out.contains("call-2"), out);
        assertTrue(!out.contains("call-3"), "another debtor's decision: " + out);
        assertTrue(out.contains("ALLOW") && out.contains("DENY"), out);
        assertTrue(out.contains("STARTER-HOURS-01") && out.contains("[12 CFR 1006.6(b)(1)(i); 15 U.S.C. 1692c(a)(1)]"), out);
    }

    @Test
    void auditShowJsonGivesTheRecordsWithTheRequestsAsDecided() {
        String folder = tmp.resolve("audit").toString();
        ContactguardCliTest.withInput(requests(), "decide", "--quiet", "--audit", folder, "-");

        List<AuditRecord> records = show(folder, "--json").outLines().stream().map(AuditRecord::fromJson).toList();

        assertEquals(List.of("call-1", "call-2"), records.stream().map(AuditRecord::requestId).toList());
        assertEquals(FIVE_PAST_NINE_PM, DecisionJson.parseRequest(records.get(1).requestJson()).action().at());
        assertEquals(List.of("starter"), records.get(0).packs());
    }

    @Test
    void withALedgerAndTheSameDatabaseTheRecordsAreInTheAuditTable() {
        String url = "jdbc:h2:file:" + tmp.resolve("contacts").toAbsolutePath();
        ContactguardCliTest.Run decided = ContactguardCliTest.withInput(requests(), "decide", "--quiet", "--ledger", url,
                "--max-clock-skew", "P3650D", "--audit", url, "-");
        assertEquals(0, decided.exit(), decided.err());

        ContactguardCliTest.Run shown = show(url);

        assertEquals(0, shown.exit(), shown.err());
        assertTrue(shown.out().contains("call-1") && shown.out().contains("STARTER-HOURS-01"), shown.out());
    }

    @Test
    void aDebtorWithoutDecisionsSaysSo() {
        String folder = tmp.resolve("audit").toString();
        ContactguardCliTest.Run shown = show(folder);
        assertEquals(0, shown.exit(), shown.err());
        assertTrue(shown.out().startsWith("No decisions about debtor D1"), shown.out());
    }
}
