package org.contactguard.core.model;

import static org.contactguard.core.model.Fixtures.MOBILE;
import static org.contactguard.core.model.Fixtures.NOON;
import static org.contactguard.core.model.Fixtures.ONE_HOUR_BEFORE_NOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The 2026-12-03 additions and corrections to contract v1, each field on both sides of its edge. */
class ContractAdditionsTest {

    private static InvalidInputException invalid(String field, Runnable build) {
        InvalidInputException e = assertThrows(InvalidInputException.class, build::run);
        assertEquals(field, e.field(), e::getMessage);
        return e;
    }

    private static DecisionRequest.Builder requestAbout(Debtor debtor) {
        return DecisionRequest.builder().debtor(debtor).account(Account.of("A1", Product.CREDIT_CARD, "US", 30))
                .account(Account.of("A2", Product.CREDIT_CARD, "US", 30))
                .action(ProposedAction.builder().channel(Channel.CALL).at(NOON).recipient(Recipient.DEBTOR)
                        .contactPoint(MOBILE).accountIds("A1").build());
    }

    @Nested
    class Zones {

        @Test
        void utcAndEtcUtcAreAccepted() {
            assertEquals(List.of(ZoneId.of("UTC"), ZoneId.of("Etc/UTC")), Debtor.of("D1", "UTC", "Etc/UTC").timeZones());
        }

        @Test
        void fixedOffsetSpeltAsUtcPlusEightIsRefused() {
            InvalidInputException e = invalid("timeZones[0]", () -> Debtor.of("D1", "UTC+8"));
            assertTrue(e.problem().contains("fixed offset"), e::getMessage);
        }

        @Test
        void abbreviationIsRefused() {
            InvalidInputException e = invalid("timeZones[0]", () -> Debtor.of("D1", "CST"));
            assertTrue(e.problem().contains("abbreviation or legacy id"), e::getMessage);
        }

        @Test
        void legacyIdWithASlashIsRefused() {
            invalid("timeZones[0]", () -> Debtor.of("D1", "US/Eastern"));
        }

        @Test
        void zoneOffsetGivenAsAJavaObjectIsRefusedAtBuild() {
            Debtor.Builder builder = Debtor.builder("D1").zone("Asia/Shanghai").zone(ZoneOffset.ofHours(8));
            invalid("timeZones[1]", builder::build);
        }

        @Test
        void offsetZoneGivenAsAJavaObjectIsRefusedByTheRecord() {
            invalid("timeZones[0]", () -> new Debtor("D1", List.of(ZoneId.of("UTC+8")), false, null, null, null));
        }
    }

    @Nested
    class DebtorJurisdictions {

        @Test
        void debtorWithoutJurisdictionsHasNone() {
            assertEquals(List.of(), Debtor.of("D1", "America/New_York").jurisdictions());
        }

        @Test
        void jurisdictionsAreTrimmedAndUpperCased() {
            assertEquals(List.of("US-FL", "CN"), Debtor.builder("D1").jurisdictions(" us-fl", "cn").build().jurisdictions());
        }

        @Test
        void sameJurisdictionSpeltTwiceIsRefused() {
            invalid("jurisdictions[1]", () -> Debtor.builder("D1").jurisdictions("US-FL", "us-fl ").build());
        }

        @Test
        void malformedJurisdictionIsRefusedWithItsIndex() {
            invalid("jurisdictions[0]", () -> Debtor.builder("D1").jurisdiction("US/FL").build());
        }
    }

    @Nested
    class RequestAndCollector {

        @Test
        void requestWithoutTenantHasNone() {
            assertNull(requestAbout(Debtor.of("D1", "UTC")).build().tenant());
        }

        @Test
        void tenantIsKeptAndCarriedByCopies() {
            DecisionRequest r = requestAbout(Debtor.of("D1", "UTC")).tenant("bank-7").build();
            assertEquals("bank-7", r.withHistory(List.of()).withAction(r.action()).tenant());
        }

        @Test
        void blankTenantIsRefused() {
            invalid("tenant", () -> requestAbout(Debtor.of("D1", "UTC")).tenant(" ").build());
        }

        @Test
        void collectorIsNoLawFirmUnlessSaid() {
            assertFalse(Collector.of(CollectorKind.CREDITOR).lawFirm());
            assertFalse(new Collector(CollectorKind.CREDITOR, null, List.of(), true).lawFirm());
            assertTrue(new Collector(CollectorKind.THIRD_PARTY_COLLECTOR, "LF", List.of(), true, false).lawFirm());
        }

        @Test
        void thirdPartyDidNotAskForACallbackUnlessSaid() {
            assertFalse(ThirdParty.of("T1", Recipient.EMERGENCY_CONTACT, false).requestedCallback());
        }

        @Test
        void commandingOfficerIsAThirdPartyRelation() {
            ThirdParty officer = ThirdParty.of("T1", Recipient.COMMANDING_OFFICER, false);
            DecisionRequest r = requestAbout(Debtor.of("D1", "UTC")).thirdParty(officer)
                    .action(ProposedAction.builder().channel(Channel.CALL).at(NOON).recipient(Recipient.COMMANDING_OFFICER)
                            .thirdPartyId("T1").contactPoint(MOBILE).accountIds("A1").build()).build();
            assertEquals(Optional.empty(), r.firstProblem());
        }
    }

    @Nested
    class Prerecorded {

        @Test
        void callIsNotPrerecordedUnlessSaid() {
            assertFalse(ContactAttempt.call(ONE_HOUR_BEFORE_NOON, "A1", MOBILE, Outcome.CONNECTED).prerecorded());
        }

        @Test
        void prerecordedCallIsAccepted() {
            assertTrue(ProposedAction.builder().channel(Channel.CALL).at(NOON).recipient(Recipient.DEBTOR)
                    .contactPoint(MOBILE).accountIds("A1").prerecorded(true).build().prerecorded());
        }

        @Test
        void prerecordedTextIsRefused() {
            invalid("prerecorded", () -> ProposedAction.builder().channel(Channel.SMS).at(NOON).recipient(Recipient.DEBTOR)
                    .contactPoint(MOBILE).accountIds("A1").prerecorded(true).build());
            invalid("prerecorded", () -> ContactAttempt.builder().channel(Channel.LETTER).at(NOON)
                    .recipient(Recipient.DEBTOR).accountIds("A1").prerecorded(true).build());
        }

        @Test
        void aCopyAtAnotherMomentKeepsTheFlag() {
            ProposedAction a = ProposedAction.builder().channel(Channel.CALL).at(NOON).recipient(Recipient.DEBTOR)
                    .contactPoint(MOBILE).accountIds("A1").prerecorded(true).build();
            assertTrue(a.withAt(ONE_HOUR_BEFORE_NOON).prerecorded());
        }
    }

    @Nested
    class ConsentsAndRestrictions {

        @Test
        void automatedContactConsentNamesItsNumber() {
            assertEquals("P1", Consent.automatedContact(NOON, Channel.CALL, "P1").contactPointId());
            invalid("contactPointId", () -> Consent.automatedContact(NOON, Channel.CALL, null));
        }

        @Test
        void restrictionIsAboutEveryAccountUnlessItNamesSome() {
            Restriction cease = Restriction.cease(NOON, true);
            assertTrue(cease.covers("A1") && cease.covers("A2"));
            Restriction aboutA1 = cease.forAccounts("A1");
            assertTrue(aboutA1.covers("A1"));
            assertFalse(aboutA1.covers("A2"));
            assertTrue(aboutA1.written());
        }

        @Test
        void restrictionAboutAnAccountTheRequestDoesNotHoldIsAProblemNamingIt() {
            Debtor debtor = Debtor.builder("D1").zone("UTC").restriction(Restriction.of(RestrictionKind.DECEASED))
                    .restriction(Restriction.disputed(null, true, false, null).forAccounts("A2", "A9")).build();
            InvalidInputException e = requestAbout(debtor).build().firstProblem().orElseThrow();
            assertEquals("debtor.restrictions[1].accountIds[1]", e.field());
            assertEquals("no account with id \"A9\"", e.problem());
        }

        @Test
        void restrictionAboutAnAccountTheRequestHoldsIsNoProblem() {
            Debtor debtor = Debtor.builder("D1").zone("UTC")
                    .restriction(Restriction.disputed(null, true, false, null).forAccounts("A2")).build();
            assertEquals(Optional.empty(), requestAbout(debtor).build().firstProblem());
        }

        @Test
        void disputeCarriesItsFieldsAndDefaultsToNone() {
            Restriction plain = Restriction.of(RestrictionKind.DISPUTED);
            assertFalse(plain.written() || plain.withinValidationPeriod());
            assertNull(plain.verificationSentAt());
            Restriction full = Restriction.disputed(ONE_HOUR_BEFORE_NOON, true, true, NOON);
            assertTrue(full.written() && full.withinValidationPeriod());
            assertEquals(NOON, full.verificationSentAt());
        }

        @Test
        void bankruptcyIsOpenUnlessSaidOtherwise() {
            assertEquals(BankruptcyStatus.OPEN, Restriction.of(RestrictionKind.BANKRUPTCY).status());
            assertEquals(BankruptcyStatus.OPEN, Restriction.bankruptcy(NOON, null).status());
            assertEquals(BankruptcyStatus.DISCHARGED, Restriction.bankruptcy(NOON, BankruptcyStatus.DISCHARGED).status());
            assertNull(Restriction.of(RestrictionKind.DISPUTED).status());
        }

        @Test
        void breathingSpaceIsNoCrisisUnlessSaid() {
            assertFalse(Restriction.of(RestrictionKind.BREATHING_SPACE).mentalHealthCrisis());
            assertTrue(Restriction.breathingSpace(ONE_HOUR_BEFORE_NOON, NOON, true).mentalHealthCrisis());
        }
    }
}
