package org.contactguard.examples.cli;

import static org.contactguard.examples.cli.ContactguardCliTest.run;
import static org.contactguard.examples.cli.ContactguardCliTest.withInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decide} and {@code packs} on a rules folder whose starter copy (which declares callCap's
 * direction) has a tenant 'acme' that lowers it to 5, and a dated value lowering it to 6 from 2027-01-01.
 */
class TenantsAndDatesCliTest {

    private static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    private static final Instant NOON_IN_NEW_YORK = Instant.parse("2026-06-10T16:00:00Z");

    @TempDir
    Path dir;

    @BeforeEach
    void starterWithATenantAndADate() throws IOException {
        CliFixtures.starterCopy(dir);
        Path properties = dir.resolve("starter/pack.properties");
        Files.writeString(properties, Files.readString(properties) + "\npack.zone = America/New_York\ncallCap@2027-01-01 = 6\n");
        Files.createDirectories(dir.resolve("starter/tenants"));
        Files.writeString(dir.resolve("starter/tenants/acme.properties"), "callCap = 5\n");
    }

    private static String sixthCall(String tenant) {
        List<ContactAttempt> calls = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            calls.add(ContactAttempt.call(NOON_IN_NEW_YORK.minus(Duration.ofHours(i)), "A1", MOBILE, Outcome.NO_ANSWER));
        }
        DecisionRequest request = DecisionRequest.builder().id("T-1").tenant(tenant).packs("starter")
                .action(ProposedAction.builder().channel(Channel.CALL).at(NOON_IN_NEW_YORK).recipient(Recipient.DEBTOR)
                        .contactPoint(MOBILE).accountIds("A1").build())
                .debtor(Debtor.of("D1", "America/New_York")).account(Account.of("A1", Product.CREDIT_CARD, "US", 30))
                .history(calls).build();
        return DecisionJson.writeRequest(request);
    }

    @Test
    void decidePicksTheTenantUpFromTheRulesFolder() {
        ContactguardCliTest.Run run = withInput(sixthCall("acme") + "\n" + sixthCall(null) + "\n", "decide", "--quiet",
                "--rules", dir.toString());
        assertEquals(0, run.exit(), run.err());
        Decision acme = DecisionJson.readDecision(run.outLines().get(0));
        assertEquals(List.of("STARTER-FREQ-01"), acme.ruleIds());
        assertEquals(Verdict.ALLOW, DecisionJson.readDecision(run.outLines().get(1)).verdict());
    }

    @Test
    void packsListsTheTenantsAndThePacksZone() {
        ContactguardCliTest.Run run = run("packs", "--rules", dir.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("tenants: acme"), run.out());
        assertTrue(run.out().contains("  dates start at local midnight in America/New_York"), run.out());
    }

    @Test
    void packsAtADateListsTheValuesInForceThen() {
        assertTrue(run("packs", "--rules", dir.toString(), "--at", "2026-12-31").out().contains("  callCap = 7\n"));
        ContactguardCliTest.Run newYear = run("packs", "--rules", dir.toString(), "--at", "2027-01-01");
        assertTrue(newYear.out().contains("  callCap = 6\n"), newYear.out());
        assertTrue(newYear.out().contains("starter  in force at 2027-01-01T05:00:00Z"), newYear.out());
        assertTrue(run("packs", "--rules", dir.toString(), "--at", "2027-01-01", "--tenant", "acme").out()
                .contains("  callCap = 5\n"));
    }

    @Test
    void packsAtAMalformedDateCannotStart() {
        ContactguardCliTest.Run run = run("packs", "--rules", dir.toString(), "--at", "2027-13-01");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--at must be a date"), run.err());
    }
}
