package org.contactguard.core.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.contactguard.core.engine.TestPacks;
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
import org.contactguard.core.model.VisitDetails;

/**
 * Whatever the base packs deny stays denied under any valid tenant overlay: the dated pack is
 * loaded with {@value #TENANTS} overlays whose every value is drawn at random on the strict side of
 * the pack's values at every date (a lower cap, a longer window, later and earlier visit hours,
 * sometimes a dated value, sometimes an advisory made a denial), and random requests around the
 * pack's dates are decided with and without each.
 */
class TenantTighteningProperties {

    static final int TENANTS = 12;
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final long SPAN_MINUTES = Duration.between(FROM, Instant.parse("2027-04-01T00:00:00Z")).toMinutes();
    private static final List<String> ZONES = List.of("America/Los_Angeles", "America/New_York", "Pacific/Honolulu");
    private static final List<Channel> CHANNELS = List.of(Channel.CALL, Channel.CALL, Channel.SMS, Channel.EMAIL,
            Channel.VISIT);
    private static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    private static final ContactPoint INBOX = ContactPoint.of("E1", ContactPointKind.EMAIL);

    private static Path root;
    private static ComplianceEngine engine;

    @BeforeContainer
    static void loadRandomlyTightenedOverlays() throws IOException {
        root = Files.createTempDirectory("contactguard-tenants");
        Path pack = TestPacks.copy(TestPacks.DATED, root);
        // A fixed seed: the overlays are random but the same on every run, so a failure reproduces.
        Random random = new Random(18);
        for (int i = 0; i < TENANTS; i++) {
            TestPacks.write(pack.resolve("tenants/t" + i + ".properties"), overlay(random));
        }
        engine = ComplianceEngine.builder().rulesDirectory(root).build();
    }

    /** One overlay, every value as strict as the pack's at every date or stricter. */
    static String overlay(Random random) {
        StringBuilder text = new StringBuilder();
        int cap = random.nextInt(6);
        text.append("callCap = ").append(cap).append('\n');
        if (random.nextBoolean()) {
            text.append("callCap@2027-02-01 = ").append(random.nextInt(cap + 1)).append('\n');
        }
        text.append("callWindow = ").append(168 + random.nextInt(200)).append("h\n");
        LocalTime start = LocalTime.of(8, 0).plusMinutes(random.nextInt(240));
        LocalTime end = LocalTime.of(21, 0).minusMinutes(random.nextInt(300));
        text.append(String.format(Locale.ROOT, "visitStart = %02d:%02d%n", start.getHour(), start.getMinute()));
        text.append(String.format(Locale.ROOT, "visitEnd = %02d:%02d%n", end.getHour(), end.getMinute()));
        if (random.nextBoolean()) {
            text.append("effect.DATED-AUTO-01 = DENY\n");
        }
        return text.toString();
    }

    @AfterContainer
    static void removeTheFolder() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Property(tries = 300)
    void whatTheBasePacksDenyStaysDeniedUnderEveryOverlay(@ForAll long seed) {
        Random random = new Random(seed);
        DecisionRequest.Builder request = request(random);
        Decision base = engine.decide(request.build());
        String tenant = "t" + random.nextInt(TENANTS);
        Decision tightened = engine.decide(request.tenant(tenant).build());
        if (base.verdict() == Verdict.DENY) {
            assertEquals(Verdict.DENY, tightened.verdict(), () -> tenant + " allowed what the pack denies: " + base);
            assertTrue(tightened.ruleIds().containsAll(base.ruleIds()), () -> tenant + ": " + tightened + " vs " + base);
        }
    }

    @net.jqwik.api.Example
    void theSampleHasDenialsOfEveryRuleAndTenantsDenyingWhatThePackAllows() {
        java.util.Set<String> denied = new java.util.TreeSet<>();
        int tightenedOnly = 0;
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            DecisionRequest.Builder request = request(random);
            Decision base = engine.decide(request.build());
            Decision tightened = engine.decide(request.tenant("t" + random.nextInt(TENANTS)).build());
            denied.addAll(base.ruleIds());
            if (base.verdict() == Verdict.ALLOW && tightened.verdict() == Verdict.DENY) {
                tightenedOnly++;
            }
        }
        assertEquals(java.util.Set.of("DATED-CAP-01", "DATED-VISIT-01", "DATED-SMS-01", "DATED-EMAIL-01"), denied);
        assertTrue(tightenedOnly > 0, "no overlay denied anything the pack allows");
    }

    static DecisionRequest.Builder request(Random random) {
        Instant at = FROM.plus(Duration.ofMinutes(random.nextLong(SPAN_MINUTES)));
        Channel channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
        ProposedAction.Builder action = ProposedAction.builder().channel(channel).at(at).recipient(Recipient.DEBTOR)
                .accountIds("A1").automated(random.nextInt(4) == 0);
        if (channel == Channel.VISIT) {
            action.visit(new VisitDetails(1, true, true, false, false, false));
        } else {
            action.contactPoint(channel == Channel.EMAIL ? INBOX : MOBILE);
        }
        List<ContactAttempt> history = new ArrayList<>();
        int calls = random.nextInt(10);
        for (int i = 0; i < calls; i++) {
            history.add(ContactAttempt.call(at.minus(Duration.ofMinutes(1 + random.nextInt(8 * 24 * 60))), "A1", MOBILE,
                    random.nextInt(5) == 0 ? Outcome.BUSY : Outcome.NO_ANSWER));
        }
        return DecisionRequest.builder().id("P-1").action(action.build())
                .debtor(Debtor.of("D1", ZONES.get(random.nextInt(ZONES.size()))))
                .account(Account.of("A1", Product.CREDIT_CARD, "US", 30)).history(history);
    }
}
