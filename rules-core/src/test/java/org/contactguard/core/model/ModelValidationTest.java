package org.contactguard.core.model;

import static org.contactguard.core.model.Fixtures.MOBILE;
import static org.contactguard.core.model.Fixtures.NOON;
import static org.contactguard.core.model.Fixtures.ONE_HOUR_AFTER_NOON;
import static org.contactguard.core.model.Fixtures.ONE_HOUR_BEFORE_NOON;
import static org.contactguard.core.model.Fixtures.TWO_STAFF_VISIT;
import static org.contactguard.core.model.Fixtures.assertInvalid;
import static org.contactguard.core.model.Fixtures.callToDebtor;
import static org.contactguard.core.model.Fixtures.pastCallToDebtor;
import static org.contactguard.core.model.Fixtures.requestAboutA1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ModelValidationTest {

    @Nested
    class SharedContactFields {

        @Test
        void actionWithoutChannelIsRejected() {
            assertInvalid("channel: is required", () -> callToDebtor().channel(null).build());
        }

        @Test
        void actionWithoutMomentIsRejected() {
            assertInvalid("at: is required", () -> callToDebtor().at(null).build());
        }

        @Test
        void actionWithoutRecipientIsRejected() {
            assertInvalid("recipient: is required", () -> callToDebtor().recipient(null).build());
        }

        @Test
        void contactWithAThirdPartyMustNameIt() {
            assertInvalid("thirdPartyId: is required when recipient is SPOUSE",
                    () -> callToDebtor().recipient(Recipient.SPOUSE).build());
        }

        @Test
        void contactWithTheDebtorMustNotNameAThirdParty() {
            assertInvalid("thirdPartyId: is only allowed when recipient is not DEBTOR",
                    () -> callToDebtor().thirdPartyId("T1").build());
        }

        @Test
        void blankThirdPartyIdIsRejected() {
            assertInvalid("thirdPartyId: must not be blank",
                    () -> callToDebtor().recipient(Recipient.EMPLOYER).thirdPartyId(" ").build());
        }

        @ParameterizedTest
        @EnumSource(value = Channel.class, names = {"CALL", "SMS", "EMAIL", "IM"})
        void electronicAndPhoneContactsNeedAContactPoint(Channel channel) {
            assertInvalid("contactPoint: is required for channel " + channel,
                    () -> callToDebtor().channel(channel).contactPoint(null).build());
        }

        @Test
        void letterWithoutContactPointIsAccepted() {
            ProposedAction letter = callToDebtor().channel(Channel.LETTER).contactPoint(null).build();
            assertNull(letter.contactPoint());
        }

        @Test
        void actionWithoutAccountIdsIsRejected() {
            assertInvalid("accountIds: is required", () -> callToDebtor().accountIds((List<String>) null).build());
        }

        @Test
        void actionWithAnEmptyAccountListIsRejected() {
            assertInvalid("accountIds: must hold at least one id", () -> callToDebtor().accountIds(List.of()).build());
        }

        @Test
        void nullAccountIdIsRejectedWithItsIndex() {
            assertInvalid("accountIds[1]: must not be null", () -> callToDebtor().accountIds("A1", null).build());
        }

        @Test
        void blankAccountIdIsRejectedWithItsIndex() {
            assertInvalid("accountIds[0]: must not be blank", () -> callToDebtor().accountIds("").build());
        }

        @Test
        void repeatedAccountIdIsRejected() {
            assertInvalid("accountIds[2]: duplicate id \"A1\"",
                    () -> callToDebtor().accountIds("A1", "A2", "A1").build());
        }

        @Test
        void visitWithoutVisitDetailsIsRejected() {
            assertInvalid("visit: is required for channel VISIT",
                    () -> callToDebtor().channel(Channel.VISIT).contactPoint(null).build());
        }

        @Test
        void visitDetailsOnACallAreRejected() {
            assertInvalid("visit: is only allowed when channel is VISIT",
                    () -> callToDebtor().visit(TWO_STAFF_VISIT).build());
        }

        @Test
        void proposedVisitCannotClaimThePersonWasContacted() {
            VisitDetails met = new VisitDetails(1, true, false, false, false, true);
            assertInvalid("visit.personContacted: is only known for history entries",
                    () -> callToDebtor().channel(Channel.VISIT).contactPoint(null).visit(met).build());
        }

        @Test
        void pastVisitMayRecordThatThePersonWasContacted() {
            VisitDetails met = new VisitDetails(1, true, false, false, false, true);
            ContactAttempt visit = pastCallToDebtor().channel(Channel.VISIT).contactPoint(null).visit(met)
                    .outcome(Outcome.MET).build();
            assertTrue(visit.visit().personContacted());
        }

        @Test
        void historyEntriesAreValidatedLikeActions() {
            assertInvalid("thirdPartyId: is required when recipient is NEIGHBOUR",
                    () -> pastCallToDebtor().recipient(Recipient.NEIGHBOUR).build());
            assertInvalid("contactPoint: is required for channel SMS",
                    () -> pastCallToDebtor().channel(Channel.SMS).contactPoint(null).build());
            assertInvalid("accountIds: must hold at least one id",
                    () -> pastCallToDebtor().accountIds(new String[0]).build());
        }

        @Test
        void messageLeftIsOnlyAllowedOnVoicemail() {
            assertInvalid("messageLeft: is only allowed when outcome is VOICEMAIL",
                    () -> pastCallToDebtor().outcome(Outcome.NO_ANSWER).messageLeft(true).build());
            assertInvalid("messageLeft: is only allowed when outcome is VOICEMAIL",
                    () -> pastCallToDebtor().outcome(null).messageLeft(true).build());
            assertTrue(pastCallToDebtor().outcome(Outcome.VOICEMAIL).messageLeft(true).build().messageLeft());
        }

        @Test
        void blankCollectorIdIsRejected() {
            assertInvalid("collectorId: must not be blank when present",
                    () -> pastCallToDebtor().collectorId("").build());
        }

        @Test
        void contactKnowsWhichAccountsItIsAbout() {
            Contact contact = callToDebtor().accountIds("A1", "A2").build();
            assertTrue(contact.isAbout("A2"));
            assertFalse(contact.isAbout("A3"));
        }

        @Test
        void negativeStaffCountIsRejected() {
            assertInvalid("staffCount: must be >= 0, was -3", () -> new VisitDetails(-3, false, false, false, false, false));
        }
    }

    @Nested
    class Defaults {

        @Test
        void omittedOptionalActionFieldsTakeTheContractDefaults() {
            ProposedAction action = new ProposedAction(Channel.CALL, NOON, Recipient.DEBTOR, null, MOBILE, null,
                    List.of("A1"), null, null, false, false, false, null, null, false, true, false, null);
            assertEquals(Place.OTHER, action.place());
            assertEquals(Purpose.COLLECTION, action.purpose());
            assertEquals(Initiator.COLLECTOR, action.initiatedBy());
            assertEquals(Visibility.PRIVATE, action.visibility());
        }

        @Test
        void builderAssumesTheCallerIdentifiesThemselves() {
            ProposedAction action = callToDebtor().build();
            assertTrue(action.identifiesCaller());
            assertFalse(action.automated());
            assertFalse(action.viaPersonalDevice());
            assertFalse(action.leavesMessage());
            assertFalse(action.disclosesDebt());
            assertEquals(Place.OTHER, action.place());
        }

        @Test
        void omittedOptionalAttemptFieldsTakeTheContractDefaults() {
            ContactAttempt attempt = ContactAttempt.call(NOON, "A1", MOBILE, null);
            assertEquals(Channel.CALL, attempt.channel());
            assertEquals(Recipient.DEBTOR, attempt.recipient());
            assertEquals(List.of("A1"), attempt.accountIds());
            assertEquals(Place.OTHER, attempt.place());
            assertEquals(Purpose.COLLECTION, attempt.purpose());
            assertEquals(Initiator.COLLECTOR, attempt.initiatedBy());
            assertEquals(Visibility.PRIVATE, attempt.visibility());
            assertTrue(attempt.identifiesCaller());
            assertNull(attempt.collectorId());
            assertNull(attempt.outcome());
        }

        @Test
        void contactPointOfUnknownOriginHasSourceUnknown() {
            assertEquals(ContactPointSource.UNKNOWN, new ContactPoint("P1", ContactPointKind.EMAIL, false, null, false).source());
            assertEquals(ContactPointSource.UNKNOWN, ContactPoint.of("P1", ContactPointKind.EMAIL).source());
        }

        @Test
        void requestWithoutCollectorIsFromAThirdPartyCollector() {
            DecisionRequest request = new DecisionRequest(null, null, null, callToDebtor().build(),
                    Debtor.of("D1"), List.of(Account.of("A1", Product.MEDICAL, "US", 0)), null, null);
            assertEquals(Collector.defaultCollector(), request.collector());
            assertEquals(CollectorKind.THIRD_PARTY_COLLECTOR, request.collector().kind());
            assertNull(request.collector().id());
            assertEquals(List.of(), request.collector().licensedIn());
            assertFalse(request.collector().personalDevicesApproved());
            assertEquals(List.of(), request.packs());
            assertEquals(List.of(), request.thirdParties());
            assertEquals(List.of(), request.history());
        }

        @Test
        void debtorWithoutListsHasEmptyListsAndNoKnownZone() {
            Debtor debtor = new Debtor("D1", null, false, null, null, null);
            assertEquals(List.of(), debtor.timeZones());
            assertEquals(List.of(), debtor.restrictions());
            assertEquals(List.of(), debtor.consents());
            assertFalse(debtor.zoneKnown());
            assertTrue(Debtor.of("D1", "Asia/Shanghai").zoneKnown());
        }

        @Test
        void collectorWithoutLicenceListHasAnEmptyOne() {
            assertEquals(List.of(), new Collector(CollectorKind.CREDITOR, "C1", null, false).licensedIn());
        }
    }

    @Nested
    class Parties {

        @Test
        void contactPointWithoutIdIsRejected() {
            assertInvalid("id: is required", () -> ContactPoint.of(null, ContactPointKind.MOBILE));
            assertInvalid("id: must not be blank", () -> ContactPoint.of(" ", ContactPointKind.MOBILE));
        }

        @Test
        void contactPointWithoutKindIsRejected() {
            assertInvalid("kind: is required", () -> ContactPoint.of("P1", null));
        }

        @Test
        void accountFieldsAreRequired() {
            assertInvalid("id: is required", () -> Account.of(null, Product.OTHER, "CN", 0));
            assertInvalid("product: is required", () -> Account.of("A1", null, "CN", 0));
            assertInvalid("jurisdiction: must not be blank", () -> Account.of("A1", Product.OTHER, "", 0));
            assertInvalid("daysPastDue: must be >= 0, was -1", () -> Account.of("A1", Product.OTHER, "CN", -1));
        }

        @Test
        void jurisdictionIsKeptTrimmedAndInUpperCaseSoPacksAndOverlaysMatchIt() {
            assertEquals("US-MA", Account.of("A1", Product.OTHER, " us-Ma ", 0).jurisdiction());
            assertEquals("US-MA", Account.of("A1", Product.OTHER, "US-MA", 0).jurisdiction());
        }

        @Test
        void blankServicingAccountNumberIsRejectedBecauseItWouldMergeDebts() {
            assertInvalid("servicingAccountNumber: must not be blank when present",
                    () -> new Account("A1", Product.STUDENT_LOAN, "US", 0, "", false, null, null));
        }

        @Test
        void thirdPartyCannotBeTheDebtor() {
            assertInvalid("relation: must not be DEBTOR", () -> new ThirdParty("T1", Recipient.DEBTOR, false, null, false));
        }

        @Test
        void thirdPartyFieldsAreRequired() {
            assertInvalid("id: is required", () -> new ThirdParty(null, Recipient.SPOUSE, false, null, false));
            assertInvalid("relation: is required", () -> new ThirdParty("T1", null, false, null, false));
        }

        @Test
        void collectorWithoutKindIsRejected() {
            assertInvalid("kind: is required", () -> Collector.of(null));
        }

        @Test
        void collectorLicenceMustNotBeBlank() {
            assertInvalid("licensedIn[1]: must not be blank",
                    () -> new Collector(CollectorKind.CREDITOR, null, List.of("US", " "), false));
        }

        @Test
        void debtorWithoutIdIsRejected() {
            assertInvalid("id: is required", () -> Debtor.of(null));
        }

        @Test
        void repeatedZoneIsRejected() {
            assertInvalid("timeZones[1]: duplicate zone America/New_York",
                    () -> Debtor.of("D1", "America/New_York", "America/New_York"));
        }

        @Test
        void unknownZoneIsRejectedWithItsIndex() {
            InvalidInputException e = assertInvalid("timeZones[1]: unknown zone \"Mars/Olympus\"; zones are IANA region ids Area/Location"
                    + " (e.g. America/New_York), UTC or Etc/UTC",
                    () -> Debtor.of("D1", "Europe/London", "Mars/Olympus"));
            assertEquals("timeZones[1]", e.field());
        }

        @Test
        void nullRestrictionIsRejectedWithItsIndex() {
            assertInvalid("restrictions[1]: must not be null", () -> Debtor.builder("D1")
                    .restriction(Restriction.of(RestrictionKind.DISPUTED)).restriction(null).build());
        }

        @Test
        void nullZoneIsRejectedWithItsIndex() {
            assertInvalid("timeZones[0]: must not be null", () -> Debtor.builder("D1").zone((ZoneId) null).build());
        }
    }

    @Nested
    class Restrictions {

        @Test
        void restrictionWithoutKindIsRejected() {
            assertInvalid("kind: is required", () -> Restriction.of(null));
        }

        @Test
        void restrictionEndingBeforeItStartsIsRejected() {
            assertInvalid("until: must be after since 2026-01-02T12:00:00Z, was 2026-01-02T11:00:00Z",
                    () -> Restriction.of(RestrictionKind.DISPUTED, NOON, ONE_HOUR_BEFORE_NOON));
            assertInvalid("until: must be after since 2026-01-02T12:00:00Z, was 2026-01-02T12:00:00Z",
                    () -> Restriction.of(RestrictionKind.DISPUTED, NOON, NOON));
        }

        // The constructions are deferred: built eagerly, they would throw inside the argument provider.
        @ParameterizedTest(name = "{0}")
        @MethodSource("wrongKindCases")
        void kindSpecificFieldOnTheWrongKindIsRejected(String expectedMessage, RestrictionCall call) {
            assertInvalid(expectedMessage, call::make);
        }

        static Stream<Arguments> wrongKindCases() {
            LocalTime nine = LocalTime.of(9, 0);
            LocalTime five = LocalTime.of(17, 0);
            RestrictionKind other = RestrictionKind.DISPUTED;
            return Stream.of(
                    Arguments.of("written: is only allowed when kind is CEASE_COMMUNICATION, NO_CONTACT_AT_WORK or DISPUTED",
                            (RestrictionCall) () -> new Restriction(RestrictionKind.ATTORNEY_REPRESENTED, null, null,
                                    true, false, null, null, null, null, null, null)),
                    Arguments.of("attorneyKnown: is only allowed when kind is ATTORNEY_REPRESENTED",
                            (RestrictionCall) () -> new Restriction(RestrictionKind.CEASE_COMMUNICATION, null, null,
                                    false, true, null, null, null, null, null, null)),
                    Arguments.of("channel: is only allowed when kind is OPT_OUT",
                            (RestrictionCall) () -> new Restriction(other, null, null,
                                    false, false, Channel.SMS, null, null, null, null, null)),
                    Arguments.of("contactPointId: is only allowed when kind is OPT_OUT",
                            (RestrictionCall) () -> new Restriction(other, null, null,
                                    false, false, null, "P1", null, null, null, null)),
                    Arguments.of("from: is only allowed when kind is INCONVENIENT_TIME",
                            (RestrictionCall) () -> new Restriction(other, null, null,
                                    false, false, null, null, nine, five, null, null)),
                    Arguments.of("to: is only allowed when kind is INCONVENIENT_TIME",
                            (RestrictionCall) () -> new Restriction(other, null, null,
                                    false, false, null, null, null, five, null, null)),
                    Arguments.of("place: is only allowed when kind is INCONVENIENT_PLACE",
                            (RestrictionCall) () -> new Restriction(RestrictionKind.NO_CONTACT_AT_WORK, null, null,
                                    false, false, null, null, null, null, Place.WORK, null)),
                    Arguments.of("confirmedInWritingAt: is only allowed when kind is NO_CONTACT_AT_WORK",
                            (RestrictionCall) () -> new Restriction(RestrictionKind.CEASE_COMMUNICATION, null, null,
                                    true, false, null, null, null, null, null, NOON)),
                    Arguments.of("withinValidationPeriod: is only allowed when kind is DISPUTED",
                            (RestrictionCall) () -> new Restriction(RestrictionKind.BANKRUPTCY, null, null, false, false,
                                    null, null, null, null, null, null, true, null, null, false, List.of())),
                    Arguments.of("verificationSentAt: is only allowed when kind is DISPUTED",
                            (RestrictionCall) () -> new Restriction(RestrictionKind.CEASE_COMMUNICATION, null, null, true,
                                    false, null, null, null, null, null, null, false, NOON, null, false, List.of())),
                    Arguments.of("status: is only allowed when kind is BANKRUPTCY",
                            (RestrictionCall) () -> new Restriction(other, null, null, false, false, null, null, null,
                                    null, null, null, false, null, BankruptcyStatus.DISCHARGED, false, List.of())),
                    Arguments.of("mentalHealthCrisis: is only allowed when kind is BREATHING_SPACE",
                            (RestrictionCall) () -> new Restriction(RestrictionKind.VULNERABLE, null, null, false, false,
                                    null, null, null, null, null, null, false, null, null, true, List.of())),
                    Arguments.of("accountIds[1]: duplicate id \"A1\"",
                            (RestrictionCall) () -> Restriction.of(other).forAccounts("A1", "A1")),
                    Arguments.of("accountIds[0]: must not be blank",
                            (RestrictionCall) () -> Restriction.of(other).forAccounts(" ")));
        }

        @Test
        void optOutWithoutChannelIsRejected() {
            assertInvalid("channel: is required when kind is OPT_OUT", () -> Restriction.optOut(null, "P1"));
        }

        @Test
        void inconvenientTimeNeedsBothEndsThatDiffer() {
            assertInvalid("from: is required when kind is INCONVENIENT_TIME",
                    () -> Restriction.inconvenientTime(null, LocalTime.NOON));
            assertInvalid("to: is required when kind is INCONVENIENT_TIME",
                    () -> Restriction.inconvenientTime(LocalTime.NOON, null));
            assertInvalid("to: must differ from from",
                    () -> Restriction.inconvenientTime(LocalTime.NOON, LocalTime.NOON));
        }

        @Test
        void inconvenientPlaceWithoutPlaceIsRejected() {
            assertInvalid("place: is required when kind is INCONVENIENT_PLACE", () -> Restriction.inconvenientPlace(null));
        }

        @ParameterizedTest
        @EnumSource(value = RestrictionKind.class, names = {"OPT_OUT", "INCONVENIENT_TIME", "INCONVENIENT_PLACE"})
        void kindsThatNeedExtraFieldsCannotBeMadeWithoutThem(RestrictionKind kind) {
            assertThrows(InvalidInputException.class, () -> Restriction.of(kind));
        }

        @ParameterizedTest
        @EnumSource(value = RestrictionKind.class, names = {"OPT_OUT", "INCONVENIENT_TIME", "INCONVENIENT_PLACE"},
                mode = EnumSource.Mode.EXCLUDE)
        void kindsWithoutRequiredExtrasCanBeMadePlain(RestrictionKind kind) {
            assertEquals(kind, Restriction.of(kind).kind());
        }

        @Test
        void factoriesFillTheirKindsFields() {
            Restriction optOut = Restriction.optOut(Channel.SMS, "P1");
            assertEquals(RestrictionKind.OPT_OUT, optOut.kind());
            assertEquals(Channel.SMS, optOut.channel());
            assertEquals("P1", optOut.contactPointId());
            assertTrue(Restriction.cease(NOON, true).written());
            assertTrue(Restriction.attorneyRepresented(NOON, true).attorneyKnown());
            assertEquals(Place.HOME, Restriction.inconvenientPlace(Place.HOME).place());
            Restriction work = Restriction.noContactAtWork(true, NOON);
            assertTrue(work.written());
            assertEquals(NOON, work.confirmedInWritingAt());
        }

        @Test
        void onlyInconvenientTimeHasAWindow() {
            assertEquals(new LocalTimeWindow(LocalTime.of(12, 0), LocalTime.of(14, 0)),
                    Restriction.inconvenientTime(LocalTime.of(12, 0), LocalTime.of(14, 0)).window());
            assertNull(Restriction.cease(null, false).window());
        }

        @Test
        void debtorFindsRestrictionsAndConsentsByKind() {
            Restriction optOutSms = Restriction.optOut(Channel.SMS, null);
            Restriction optOutEmail = Restriction.optOut(Channel.EMAIL, null);
            Consent callback = Consent.callback(NOON, null);
            Debtor debtor = Debtor.builder("D1").restriction(optOutSms)
                    .restriction(Restriction.of(RestrictionKind.DISPUTED)).restriction(optOutEmail)
                    .consent(callback).build();
            assertEquals(List.of(optOutSms, optOutEmail), debtor.restrictionsOf(RestrictionKind.OPT_OUT));
            assertEquals(List.of(), debtor.restrictionsOf(RestrictionKind.BANKRUPTCY));
            assertEquals(List.of(callback), debtor.consentsOf(ConsentKind.CALLBACK));
            assertEquals(List.of(), debtor.consentsOf(ConsentKind.ELECTRONIC));
        }
    }

    /** A restriction construction deferred until the test runs. */
    @FunctionalInterface
    interface RestrictionCall {
        Restriction make();
    }

    @Nested
    class Consents {

        @Test
        void consentWithoutKindOrMomentIsRejected() {
            assertInvalid("kind: is required",
                    () -> new Consent(null, NOON, null, null, null, null, null, null, false));
            assertInvalid("givenAt: is required", () -> Consent.callback(null, null));
        }

        @Test
        void consentExpiringBeforeItWasGivenIsRejected() {
            assertInvalid("validUntil: must be after givenAt 2026-01-02T12:00:00Z, was 2026-01-02T12:00:00Z",
                    () -> Consent.callback(NOON, NOON));
        }

        @Test
        void consentRenewedBeforeItWasGivenIsRejected() {
            assertInvalid("renewedAt: must not be before givenAt 2026-01-02T12:00:00Z, was 2026-01-02T11:00:00Z",
                    () -> new Consent(ConsentKind.MORE_VISITS, NOON, null, null, null, ONE_HOUR_BEFORE_NOON,
                            null, null, true));
            assertEquals(NOON, new Consent(ConsentKind.MORE_VISITS, NOON, null, null, null, NOON,
                    null, null, true).renewedAt());
        }

        @Test
        void contactTimeConsentNeedsItsHours() {
            assertInvalid("from: is required when kind is CONTACT_TIME",
                    () -> Consent.contactTime(NOON, null, LocalTime.of(22, 0)));
            assertInvalid("to: is required when kind is CONTACT_TIME",
                    () -> Consent.contactTime(NOON, LocalTime.of(21, 0), null));
            assertInvalid("to: must differ from from",
                    () -> Consent.contactTime(NOON, LocalTime.of(21, 0), LocalTime.of(21, 0)));
        }

        @Test
        void consentHoursComeInPairs() {
            assertInvalid("to: is required when from is set", () -> new Consent(ConsentKind.CALLBACK, NOON,
                    null, null, null, null, LocalTime.of(9, 0), null, false));
            assertInvalid("from: is required when to is set", () -> new Consent(ConsentKind.CALLBACK, NOON,
                    null, null, null, null, null, LocalTime.of(9, 0), false));
        }

        @Test
        void consentWindowIsPresentOnlyWithHours() {
            assertEquals(new LocalTimeWindow(LocalTime.of(21, 0), LocalTime.of(22, 0)),
                    Consent.contactTime(NOON, LocalTime.of(21, 0), LocalTime.of(22, 0)).window());
            assertNull(Consent.electronic(NOON, Channel.EMAIL, "P1").window());
        }
    }

    @Nested
    class Requests {

        @Test
        void requestWithoutActionOrDebtorIsRejected() {
            assertInvalid("action: is required", () -> requestAboutA1().action(null).build());
            assertInvalid("debtor: is required", () -> requestAboutA1().debtor(null).build());
        }

        @Test
        void requestWithoutAccountsIsRejected() {
            assertInvalid("accounts: must hold at least one account",
                    () -> DecisionRequest.builder().action(callToDebtor().build()).debtor(Debtor.of("D1")).build());
            assertInvalid("accounts: is required", () -> new DecisionRequest(null, null, null,
                    callToDebtor().build(), Debtor.of("D1"), null, null, null));
        }

        @Test
        void repeatedAccountIdIsRejected() {
            assertInvalid("accounts[1].id: duplicate id \"A1\"",
                    () -> requestAboutA1().account(Account.of("A1", Product.OTHER, "CN", 3)).build());
        }

        @Test
        void repeatedThirdPartyIdIsRejected() {
            ThirdParty spouse = new ThirdParty("T1", Recipient.SPOUSE, false, null, false);
            assertInvalid("thirdParties[1].id: duplicate id \"T1\"",
                    () -> requestAboutA1().thirdParty(spouse).thirdParty(spouse).build());
        }

        @Test
        void blankOrRepeatedPackIsRejected() {
            assertInvalid("packs[1]: must not be blank", () -> requestAboutA1().packs("cn", " ").build());
            assertInvalid("packs[1]: duplicate pack \"cn\"", () -> requestAboutA1().packs("cn", "cn").build());
        }

        @Test
        void nullHistoryEntryIsRejectedWithItsIndex() {
            assertInvalid("history[0]: must not be null", () -> requestAboutA1().attempt(null).build());
        }

        @Test
        void withActionReplacesOnlyTheAction() {
            DecisionRequest request = requestAboutA1().id("R1").packs("us-regf").build();
            ProposedAction later = request.action().withAt(ONE_HOUR_AFTER_NOON);
            DecisionRequest moved = request.withAction(later);
            assertEquals(ONE_HOUR_AFTER_NOON, moved.action().at());
            assertEquals(request.action().withAt(NOON), request.action());
            assertEquals(request.debtor(), moved.debtor());
            assertEquals(request.packs(), moved.packs());
            assertEquals("R1", moved.id());
        }
    }

    @Nested
    class ImmutableCopies {

        @Test
        void changingTheCallersAccountIdListDoesNotChangeTheAction() {
            List<String> ids = new ArrayList<>(List.of("A1"));
            ProposedAction action = callToDebtor().accountIds(ids).build();
            ids.add("A2");
            assertEquals(List.of("A1"), action.accountIds());
            assertThrows(UnsupportedOperationException.class, () -> action.accountIds().add("A3"));
        }

        @Test
        void changingTheCallersListsDoesNotChangeTheDebtor() {
            List<ZoneId> zones = new ArrayList<>(List.of(ZoneId.of("Asia/Shanghai")));
            List<Restriction> restrictions = new ArrayList<>();
            List<Consent> consents = new ArrayList<>();
            Debtor debtor = new Debtor("D1", zones, false, null, restrictions, consents);
            zones.add(ZoneId.of("Asia/Tokyo"));
            restrictions.add(Restriction.of(RestrictionKind.DECEASED));
            consents.add(Consent.callback(NOON, null));
            assertEquals(List.of(ZoneId.of("Asia/Shanghai")), debtor.timeZones());
            assertEquals(List.of(), debtor.restrictions());
            assertEquals(List.of(), debtor.consents());
            assertThrows(UnsupportedOperationException.class, () -> debtor.restrictions().add(Restriction.of(RestrictionKind.DECEASED)));
        }

        @Test
        void changingTheCallersListsDoesNotChangeTheRequest() {
            List<String> packs = new ArrayList<>(List.of("cn"));
            List<Account> accounts = new ArrayList<>(List.of(Account.of("A1", Product.OTHER, "CN", 1)));
            List<ThirdParty> thirdParties = new ArrayList<>();
            List<ContactAttempt> history = new ArrayList<>();
            DecisionRequest request = new DecisionRequest("R1", packs, null, callToDebtor().build(),
                    Debtor.of("D1"), accounts, thirdParties, history);
            packs.clear();
            accounts.add(Account.of("A2", Product.OTHER, "CN", 1));
            thirdParties.add(new ThirdParty("T1", Recipient.SPOUSE, false, null, false));
            history.add(pastCallToDebtor().build());
            assertEquals(List.of("cn"), request.packs());
            assertEquals(1, request.accounts().size());
            assertEquals(List.of(), request.thirdParties());
            assertEquals(List.of(), request.history());
            assertThrows(UnsupportedOperationException.class, () -> request.history().add(pastCallToDebtor().build()));
        }

        @Test
        void changingTheCallersLicenceListDoesNotChangeTheCollector() {
            List<String> licences = new ArrayList<>(List.of("US-MA"));
            Collector collector = new Collector(CollectorKind.DEBT_BUYER, "C1", licences, false);
            licences.add("US-WA");
            assertEquals(List.of("US-MA"), collector.licensedIn());
        }

        @Test
        void reusingABuilderDoesNotChangeWhatItBuiltBefore() {
            DecisionRequest.Builder builder = requestAboutA1();
            DecisionRequest first = builder.build();
            builder.account(Account.of("A2", Product.OTHER, "CN", 1));
            assertEquals(1, first.accounts().size());
        }
    }

    @Nested
    class Outcomes {

        @ParameterizedTest
        @EnumSource(value = Outcome.class, names = {"BUSY", "NOT_IN_SERVICE", "FAILED"})
        void attemptsThatNeverReachedTheNumberDoNotCountAsConnected(Outcome outcome) {
            assertFalse(outcome.connectedToNumber());
            assertFalse(ContactAttempt.call(NOON, "A1", MOBILE, outcome).connectedToNumber());
        }

        @ParameterizedTest
        @EnumSource(value = Outcome.class, names = {"BUSY", "NOT_IN_SERVICE", "FAILED"}, mode = EnumSource.Mode.EXCLUDE)
        void everyOtherOutcomeCountsAsConnected(Outcome outcome) {
            assertTrue(outcome.connectedToNumber());
        }

        @Test
        void attemptWithUnknownOutcomeCountsAsConnected() {
            assertTrue(ContactAttempt.call(NOON, "A1", MOBILE, null).connectedToNumber());
        }
    }

    @Nested
    class Errors {

        @Test
        void errorNamesFieldAndProblem() {
            InvalidInputException e = new InvalidInputException("visit.staffCount", "must be >= 0, was -3");
            assertEquals("visit.staffCount", e.field());
            assertEquals("must be >= 0, was -3", e.problem());
            assertEquals("visit.staffCount: must be >= 0, was -3", e.getMessage());
        }

        @Test
        void prefixingJoinsNamesWithADotAndIndexesWithout() {
            InvalidInputException named = new InvalidInputException("staffCount", "is required").prefixed("visit");
            assertEquals("visit.staffCount: is required", named.getMessage());
            InvalidInputException indexed = new InvalidInputException("[1].at", "is required").prefixed("history");
            assertEquals("history[1].at", indexed.field());
            assertEquals("is required", indexed.problem());
        }
    }
}
