package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.call;
import static org.contactguard.catalog.us.UsFixtures.inNewYork;
import static org.contactguard.catalog.us.UsFixtures.ny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Product;
import org.junit.jupiter.api.Test;

/** The shipped catalog under stacked jurisdiction codes and the debtor's own jurisdictions. */
class UsJurisdictionStackingTest {

    private static List<String> packsFor(String accountJurisdiction, String... debtorJurisdictions) {
        return ENGINE.rules().selection().select(List.of(),
                List.of(Account.of("A1", Product.CREDIT_CARD, accountJurisdiction, 60)),
                List.of(debtorJurisdictions)).packs();
    }

    private static Decision lateCall(String accountJurisdiction, String... debtorJurisdictions) {
        Debtor debtor = Debtor.builder("D1").zones(inNewYork().timeZones()).jurisdictions(debtorJurisdictions).build();
        return ENGINE.decide(DecisionRequest.builder().id("late").debtor(debtor)
                .account(Account.of("A1", Product.CREDIT_CARD, accountJurisdiction, 60))
                .action(call(ny("2026-03-10T22:00"), "A1").build()).build());
    }

    @Test
    void stateWithoutAnOverlayIsDecidedByTheFederalPackWhichSaysWhichStateBroughtItIn() {
        assertEquals(List.of("us-regf"), packsFor("US-FL"));
        Decision d = lateCall("US-FL");
        Reason hours = d.reasons().stream().filter(r -> r.ruleId().equals("US-REGF-HOURS-01")).findFirst().orElseThrow();
        assertEquals("US-FL", hours.jurisdiction());
    }

    @Test
    void newYorkCityAccountBringsTheCityOverlayOnTopOfTheFederalPack() {
        assertEquals(List.of("us-regf", "us-nyc"), packsFor("US-NYC"));
    }

    @Test
    void debtorLivingInMassachusettsBringsTheMassachusettsOverlayForAFederalAccount() {
        assertEquals(List.of("us-regf", "us-ma"), packsFor("US", "US-MA"));
        assertEquals(List.of("us-regf"), packsFor("US", "US-FL"));
    }

    @Test
    void debtorLivingWhereNoLoadedPackAppliesIsInputInvalidNamingTheField() {
        Decision d = lateCall("US", "UK");
        assertEquals(List.of(Reason.INPUT_INVALID), d.ruleIds());
        assertTrue(d.reasons().get(0).message().startsWith("debtor.jurisdictions[0]:"), d::toString);
    }

    @Test
    void chineseProvinceCodeStacksOnChina() {
        assertEquals(List.of("cn"), packsFor("CN-31"));
    }
}
