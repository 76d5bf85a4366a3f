package org.contactguard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.contactguard.catalog.cn.CnRandomRequestProperties;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.engine.Effect;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.Consent;
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
import org.contactguard.core.rules.TermList;

/**
 * Whatever the shipped catalog denies stays denied under any valid tenant overlay: the catalog is
 * loaded with {@value #TENANTS} tenants, each moving about three in four of every shipped pack's
 * directed parameters a random distance the stricter way (and sometimes making an advisory deny), and
 * random requests are decided with and without each: China's from {@link CnRandomRequestProperties},
 * starter ones from {@link RandomRequests}, and United States ones drawn near the edges the federal and
 * state parameters set ({@link #usRequest}). Turning one direction in a pack.properties round (a cap
 * declared {@code higher}, say) makes this fail for most parameters; not for an advisory's threshold,
 * which changes a denial only where a tenant also makes the advisory deny.
 */
class ShippedTenantTighteningProperties {

    static final int TENANTS = 40;
    /** What the United States requests' accounts are governed by: federal law alone, or with an overlay. */
    private static final List<String> US_JURISDICTIONS = List.of("US", "US-MA", "US-WA", "US-NYC", "US-CA");
    /** Message texts; tenants add some of their words to term lists, so a longer list has something to find. */
    private static final List<String> CONTENT = List.of("Please call us back about your account.",
            "Pay today or we will sue you.", "This is your final notice.", "Reply STOP to opt out.",
            "您的账单已逾期,请尽快还款", "再不还就 坐 牢");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final List<ContactPoint> PHONES = List.of(ContactPoint.of("P-MOBILE", ContactPointKind.MOBILE),
            ContactPoint.of("P-HOME", ContactPointKind.HOME_PHONE), ContactPoint.of("P-WORK", ContactPointKind.WORK_PHONE));
    private static final ContactPoint INBOX = ContactPoint.of("E-HOME", ContactPointKind.EMAIL);
    private static final ThirdParty NEIGHBOUR = new ThirdParty("T-NEIGHBOUR", Recipient.NEIGHBOUR, false, null, false);
    private static final ContactPoint NEIGHBOUR_PHONE = ContactPoint.of("P-NEIGHBOUR", ContactPointKind.MOBILE);
    private static final ContactPoint NEIGHBOUR_INBOX = ContactPoint.of("E-NEIGHBOUR", ContactPointKind.EMAIL);
    private static final List<Channel> US_CHANNELS = List.of(Channel.CALL, Channel.CALL, Channel.CALL, Channel.SMS,
            Channel.SMS, Channel.EMAIL, Channel.VISIT, Channel.LETTER);
    private static final List<Channel> PAST_CHANNELS = List.of(Channel.CALL, Channel.CALL, Channel.CALL, Channel.SMS,
            Channel.VISIT);
    /** Mostly calls that reached the number without a conversation, which every cap counts and none blocks on. */
    private static final List<Outcome> PAST_OUTCOMES = List.of(Outcome.NO_ANSWER, Outcome.NO_ANSWER, Outcome.NO_ANSWER,
            Outcome.VOICEMAIL, Outcome.VOICEMAIL, Outcome.VOICEMAIL, Outcome.BUSY, Outcome.CONNECTED, Outcome.REFUSED);
    /** Over how many days before the action a history spreads: within and past each overlay's period. */
    private static final List<Integer> HISTORY_DAYS = List.of(2, 6, 7, 8, 29, 30, 31);
    private static final List<String> EXTRA_TERMS = List.of("final notice", "call us back", "尽快还款", "账单");

    private static final ComplianceEngine CATALOG = ComplianceEngine.builder().build();
    private static Path folder;
    private static ComplianceEngine tightened;

    @BeforeContainer
    static void loadTheCatalogWithRandomlyTightenedTenants() throws IOException {
        folder = Files.createTempDirectory("contactguard-shipped-tenants");
        // A fixed seed: the overlays are random but the same on every run, so a failure reproduces.
        Random random = new Random(18);
        ComplianceEngine.Builder builder = ComplianceEngine.builder();
        for (int i = 0; i < TENANTS; i++) {
            Path file = folder.resolve("t" + i + ".properties");
            Files.writeString(file, overlay("t" + i, random));
            builder.tenant("t" + i, file);
        }
        tightened = builder.build();
    }

    /** One tenant file: about three in four of every shipped pack's directed parameters moved the strict way. */
    static String overlay(String tenant, Random random) {
        StringBuilder text = new StringBuilder();
        for (String pack : CATALOG.rules().packIds()) {
            Map<String, Object> values = CATALOG.rules().pack(pack).parameters();
            for (Map.Entry<String, String> direction : PackDirections.directions(pack).entrySet()) {
                // Each parameter in one tenant of three: a tenant that tightened everything would deny by
                // its other values what one looser value let through, and hide it.
                if (random.nextInt(3) != 0) {
                    continue;
                }
                String name = direction.getKey();
                Object base = values.get(name);
                String value = switch (direction.getValue()) {
                    case "more-terms" -> moreTerms(pack, name, (TermList) base, tenant, random);
                    default -> PackDirections.step(pack, name, base, direction.getValue(),
                            steps(base, direction.getValue(), random), folder, tenant + "-" + pack);
                };
                text.append(pack).append('.').append(name).append(" = ").append(value).append('\n');
            }
            for (RuleInfo rule : CATALOG.rules().pack(pack).rules()) {
                if (rule.effect() == Effect.ADVISORY && random.nextInt(4) == 0) {
                    text.append(pack).append(".effect.").append(rule.id()).append(" = DENY\n");
                }
            }
        }
        return text.toString();
    }

    /**
     * How far to move a value: a cap down by one or two (not below 0), a count up by one or two (one step is
     * where a tighter value first decides otherwise), an hour by up to two hours (which keeps every shipped
     * window's start and end apart: the engine checks each hour against the pack's, not the start against
     * the end), a duration by up to half of itself.
     */
    private static int steps(Object base, String direction, Random random) {
        return switch (direction) {
            case "lower" -> Math.min(((Number) base).intValue(), 1 + random.nextInt(2));
            case "higher" -> 1 + random.nextInt(2);
            case "earlier", "later" -> 1 + random.nextInt(120);
            case "shorter", "longer" -> 1 + random.nextInt((int) ((Duration) base).toMinutes() / 2);
            default -> 1;
        };
    }

    /** The pack's term file with up to two of {@link #EXTRA_TERMS} added. */
    private static String moreTerms(String pack, String name, TermList base, String tenant, Random random) {
        String text = PackDirections.resource("rules/" + pack + "/" + PackDirections.termFile(pack, base));
        StringBuilder added = new StringBuilder(text.endsWith("\n") ? text : text + "\n");
        for (int i = random.nextInt(3); i > 0; i--) {
            added.append(EXTRA_TERMS.get(random.nextInt(EXTRA_TERMS.size()))).append('\n');
        }
        String file = tenant + "-" + pack + "-" + name + ".txt";
        try {
            Files.writeString(folder.resolve(file), added);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @AfterContainer
    static void removeTheFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Property(tries = 8000, seed = "18")
    void whatTheShippedCatalogDeniesStaysDeniedUnderEveryTighteningTenant(@ForAll long seed) {
        Random random = new Random(seed);
        DecisionRequest request = request(random);
        String tenant = "t" + random.nextInt(TENANTS);
        Decision base = tightened.decide(request);
        Decision forTenant = tightened.decide(withTenant(request, tenant));
        Statistics.label("catalog, tenant").collect(base.verdict(), forTenant.verdict());
        if (base.verdict() == Verdict.DENY) {
            assertEquals(Verdict.DENY, forTenant.verdict(), () -> tenant + " allowed what the catalog denies: " + base);
            assertTrue(forTenant.ruleIds().containsAll(base.ruleIds()), () -> tenant + ": " + forTenant + " vs " + base);
        }
    }

    @Example
    void theSampleHasDenialsByEveryPackAndTenantsDenyingWhatTheCatalogAllows() {
        Set<String> denyingPacks = new TreeSet<>();
        Set<String> tightenedOnly = new TreeSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            DecisionRequest request = request(random);
            Decision base = tightened.decide(request);
            Decision forTenant = tightened.decide(withTenant(request, "t" + random.nextInt(TENANTS)));
            base.ruleIds().forEach(id -> denyingPacks.add(packOf(id)));
            if (base.verdict() == Verdict.ALLOW && forTenant.verdict() == Verdict.DENY) {
                forTenant.ruleIds().forEach(id -> tightenedOnly.add(packOf(id)));
            }
        }
        Set<String> every = new TreeSet<>(CATALOG.rules().packIds());
        assertTrue(denyingPacks.containsAll(every), "packs that denied in the sample: " + denyingPacks);
        assertFalse(tightenedOnly.isEmpty(), "no tenant denied anything the catalog allows");
    }

    private static String packOf(String ruleId) {
        RuleInfo rule = CATALOG.rules().rule(ruleId);
        return rule == null ? ruleId : rule.pack();
    }

    /**
     * A China request (a third), one of {@link RandomRequests} (a sixth; half of those for the starter
     * pack alone), or one of {@link #usRequest} under federal law or one of its overlays.
     */
    static DecisionRequest request(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> CnRandomRequestProperties.request(random);
            case 2 -> {
                DecisionRequest r = RandomRequests.requests(random.nextLong(), 1).get(0);
                yield random.nextBoolean() ? r : new DecisionRequest(r.id(), r.tenant(), List.of("starter"),
                        r.collector(), r.action(), r.debtor(), r.accounts(), r.thirdParties(), r.history());
            }
            default -> usRequest(random);
        };
    }

    /**
     * A request about accounts {@code A1} and {@code A2} governed by one of {@link #US_JURISDICTIONS},
     * drawn near the edges the parameters set: mostly close to a morning or evening hour in one zone; a
     * history of calls, texts and visits over the last days (counts on both sides of each cap), sometimes
     * with a dialer's unanswered call on each of five to nine dates before; sometimes a consent to texts
     * given 30 to 100 days before, a callback request, a request not to be contacted at work, a reply to
     * the debtor or a location contact; from a collector or a creditor.
     */
    static DecisionRequest usRequest(Random random) {
        ZoneId zone = random.nextBoolean() ? NEW_YORK : LOS_ANGELES;
        LocalDate date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        // Mostly within an hour and a quarter of a morning or evening edge (07:30, 08:00, 21:00).
        LocalTime time = switch (random.nextInt(5)) {
            case 0 -> LocalTime.of(random.nextInt(24), random.nextInt(60));
            case 1, 2 -> LocalTime.of(6, 45).plusMinutes(random.nextInt(150));
            default -> LocalTime.of(19, 45).plusMinutes(random.nextInt(150));
        };
        Instant at = date.atTime(time).atZone(zone).toInstant();
        ContactPoint phone = PHONES.get(random.nextInt(PHONES.size()));
        Channel channel = US_CHANNELS.get(random.nextInt(US_CHANNELS.size()));
        List<String> accounts = random.nextInt(3) == 0 ? List.of("A1", "A2") : List.of("A1");
        ProposedAction.Builder action = ProposedAction.builder().channel(channel).at(at).recipient(Recipient.DEBTOR)
                .accountIds(accounts);
        switch (channel) {
            case CALL, SMS -> action.contactPoint(phone);
            case EMAIL -> action.contactPoint(INBOX);
            case VISIT -> action.place(random.nextInt(4) == 0 ? Place.WORK : Place.HOME)
                    .visit(new VisitDetails(2, true, true, random.nextInt(4) == 0, false, false));
            default -> {
            }
        }
        if (channel == Channel.SMS || channel == Channel.EMAIL || channel == Channel.LETTER) {
            action.content(CONTENT.get(random.nextInt(CONTENT.size())));
        }
        int purpose = random.nextInt(10);
        if (purpose == 0) {
            action.purpose(Purpose.RESPONSE);
        } else if (purpose == 1 && channel != Channel.VISIT) {
            action.purpose(Purpose.LOCATION_INFO).recipient(Recipient.NEIGHBOUR).thirdPartyId(NEIGHBOUR.id())
                    .contactPoint(channel == Channel.CALL || channel == Channel.SMS ? NEIGHBOUR_PHONE
                            : channel == Channel.EMAIL ? NEIGHBOUR_INBOX : null);
        }
        List<ContactAttempt> history = new ArrayList<>();
        int days = HISTORY_DAYS.get(random.nextInt(HISTORY_DAYS.size()));
        for (int i = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : random.nextInt(20); i > 0; i--) {
            Instant when = at.minus(Duration.ofMinutes(1 + random.nextInt(days * 24 * 60)));
            Channel past = PAST_CHANNELS.get(random.nextInt(PAST_CHANNELS.size()));
            ContactAttempt.Builder attempt = ContactAttempt.builder().channel(past).at(when).recipient(Recipient.DEBTOR)
                    .accountIds(random.nextInt(4) == 0 ? List.of("A2") : List.of("A1"));
            if (past == Channel.VISIT) {
                attempt.place(Place.HOME).visit(new VisitDetails(2, true, true, false, false, false))
                        .outcome(random.nextBoolean() ? Outcome.MET : Outcome.NOBODY_HOME);
            } else {
                attempt.contactPoint(random.nextInt(3) == 0 ? PHONES.get(random.nextInt(PHONES.size())) : phone)
                        .outcome(past == Channel.SMS ? Outcome.DELIVERED
                                : PAST_OUTCOMES.get(random.nextInt(PAST_OUTCOMES.size())));
                if (random.nextInt(10) == 0) {
                    attempt.initiatedBy(Initiator.DEBTOR);
                }
            }
            history.add(attempt.build());
        }
        if (random.nextInt(4) == 0) {
            // A dialer's unanswered calls, one a date on the dates before: Regulation F's seven in seven.
            for (int day = 5 + random.nextInt(5); day > 0; day--) {
                history.add(ContactAttempt.call(at.minus(Duration.ofDays(day)).plusSeconds(random.nextInt(3600)), "A1",
                        phone, random.nextBoolean() ? Outcome.NO_ANSWER : Outcome.VOICEMAIL));
            }
        }
        if (purpose == 1 && channel != Channel.VISIT && random.nextBoolean()) {
            // An earlier location contact with the same neighbour, who answered.
            history.add(ContactAttempt.builder().channel(Channel.CALL).at(at.minus(Duration.ofHours(1 + random.nextInt(30 * 24))))
                    .recipient(Recipient.NEIGHBOUR).thirdPartyId(NEIGHBOUR.id()).contactPoint(NEIGHBOUR_PHONE)
                    .accountIds("A1").purpose(Purpose.LOCATION_INFO).outcome(Outcome.CONNECTED).build());
        }
        history.sort(Comparator.comparing(ContactAttempt::at));
        Debtor.Builder debtor = Debtor.builder("D1").zone(zone);
        if (random.nextInt(5) == 0) {
            // An oral request not to be contacted at work up to twenty days before, sometimes confirmed in
            // writing up to ten days after it: inside and past Massachusetts' ten days and seven days.
            Instant since = at.minus(Duration.ofHours(1 + random.nextInt(20 * 24)));
            Instant confirmed = random.nextBoolean() ? null : since.plus(Duration.ofHours(1 + random.nextInt(10 * 24)));
            debtor.restriction(new Restriction(RestrictionKind.NO_CONTACT_AT_WORK, since, null, false, false, null, null,
                    null, null, null, confirmed));
        }
        if (random.nextBoolean()) {
            // Given 30 to 100 days before: on both sides of Regulation F's 60-day freshness.
            debtor.consent(Consent.electronic(at.minus(Duration.ofHours(30 * 24 + random.nextInt(70 * 24))), null,
                    channel == Channel.EMAIL ? INBOX.id() : phone.id()));
        }
        if (random.nextInt(4) == 0) {
            // A callback request up to twenty days before: the calls placed on its seventh, eighth or ninth
            // date are inside or past Regulation F's seven dates.
            debtor.consent(Consent.callback(at.minus(Duration.ofHours(1 + random.nextInt(20 * 24))), null));
        }
        String jurisdiction = US_JURISDICTIONS.get(random.nextInt(US_JURISDICTIONS.size()));
        // California's frequency and hours rules bind creditors only: there, mostly a creditor.
        boolean creditor = random.nextInt(3) < (jurisdiction.equals("US-CA") ? 2 : 1);
        return DecisionRequest.builder().id("us").collector(Collector.of(creditor
                ? CollectorKind.CREDITOR : CollectorKind.THIRD_PARTY_COLLECTOR)).action(action.build())
                .debtor(debtor.build()).account(Account.of("A1", Product.CREDIT_CARD, jurisdiction, 60))
                .account(Account.of("A2", Product.CONSUMER_LOAN, jurisdiction, 60)).thirdParty(NEIGHBOUR)
                .history(history).build();
    }

    private static DecisionRequest withTenant(DecisionRequest request, String tenant) {
        return new DecisionRequest(request.id(), tenant, request.packs(), request.collector(), request.action(),
                request.debtor(), request.accounts(), request.thirdParties(), request.history());
    }
}
