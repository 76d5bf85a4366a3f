package org.contactguard.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meters an engine with a Micrometer registry publishes, read from a SimpleMeterRegistry. */
class MicrometerDecisionListenerTest {

    /** 12:00 in New York: inside the probe pack's hours. */
    private static final Instant NOON_IN_NEW_YORK = Instant.parse("2026-01-14T17:00:00Z");
    /** 22:00 in New York: outside them. */
    private static final Instant TEN_PM_IN_NEW_YORK = Instant.parse("2026-01-15T03:00:00Z");

    @TempDir
    Path root;
    private Path probe;
    private SimpleMeterRegistry registry;
    private ComplianceEngine engine;

    @BeforeEach
    void engineWithMeters() throws java.io.IOException {
        probe = TestPacks.copy(TestPacks.PROBE, root);
        // The tenant the tagging test names: an overlay that changes nothing (an unknown tenant is INPUT-INVALID).
        java.nio.file.Files.createDirectories(probe.resolve("tenants"));
        TestPacks.write(probe.resolve("tenants/portfolio-7.properties"), "# no values: the probe pack's own\n");
        registry = new SimpleMeterRegistry();
        engine = ComplianceEngine.builder().rulesDirectory(root).listener(new MicrometerDecisionListener(registry)).build();
    }

    private static DecisionRequest callAt(Instant at) {
        ProposedAction action = ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR)
                .contactPoint(ContactPoint.of("P1", ContactPointKind.MOBILE)).accountIds("A1").build();
        return DecisionRequest.builder().id("R-" + at).action(action).debtor(Debtor.of("D1", "America/New_York"))
                .account(Account.of("A1", Product.CREDIT_CARD, "US", 45)).build();
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void decisionsAreCountedByVerdictPackAndTenant() {
        engine.decide(callAt(NOON_IN_NEW_YORK));
        engine.decide(callAt(NOON_IN_NEW_YORK));
        engine.decide(callAt(TEN_PM_IN_NEW_YORK));

        assertEquals(2, count("contactguard.decisions", "verdict", "ALLOW", "pack", "default", "tenant", "none"));
        assertEquals(1, count("contactguard.decisions", "verdict", "DENY", "pack", "default", "tenant", "none"));
    }

    @Test
    void aTenantTheRequestNamesTagsItsDecisions() {
        DecisionRequest r = callAt(NOON_IN_NEW_YORK);
        engine.decide(new DecisionRequest(r.id(), "portfolio-7", r.packs(), r.collector(), r.action(), r.debtor(),
                r.accounts(), r.thirdParties(), r.history()));
        assertEquals(1, count("contactguard.decisions", "verdict", "ALLOW", "pack", "default", "tenant", "portfolio-7"));
    }

    @Test
    void denialsAreCountedByRuleId() {
        engine.decide(callAt(TEN_PM_IN_NEW_YORK));
        engine.decide(callAt(NOON_IN_NEW_YORK));

        assertEquals(1, count("contactguard.denials", "rule", "PROBE-HOURS-01", "pack", "probe"));
        assertEquals(1, registry.find("contactguard.denials").counters().size());
    }

    @Test
    void theDecideTimerCountsEveryDecisionAndPublishesPercentiles() {
        for (int i = 0; i < 5; i++) {
            engine.decide(callAt(NOON_IN_NEW_YORK));
        }
        engine.decideAll(List.of(callAt(NOON_IN_NEW_YORK), callAt(TEN_PM_IN_NEW_YORK)));

        Timer timer = registry.find("contactguard.decide").timer();
        assertNotNull(timer);
        assertEquals(7, timer.count());
        List<Double> percentiles = new ArrayList<>();
        for (ValueAtPercentile p : timer.takeSnapshot().percentileValues()) {
            percentiles.add(p.percentile());
        }
        assertEquals(List.of(0.5, 0.95, 0.99), percentiles);
    }

    @Test
    void ledgerUnavailableDenialsAreLedgerErrors() {
        engine.report(callAt(NOON_IN_NEW_YORK), Decision.denied("R-1", Reason.ledgerUnavailable("database down"),
                engine.version()), Duration.ofMillis(2));
        engine.decide(callAt(TEN_PM_IN_NEW_YORK));

        assertEquals(1, registry.find("contactguard.ledger.errors").counter().count());
    }

    @Test
    void reloadsAreCountedAndTheRulesGaugeCarriesTheVersionNowDeciding() {
        String first = engine.version();
        assertNotNull(registry.find("contactguard.rules").tag("version", first).gauge());

        TestPacks.edit(probe.resolve("pack.properties"), "callCap = 2", "callCap = 3");
        engine.reload();
        TestPacks.edit(probe.resolve("pack.properties"), "callCap = 3", "callCap = -1");
        assertThrows(RuleLoadException.class, engine::reload);

        assertEquals(1, count("contactguard.rules.reloads", "result", "success"));
        assertEquals(1, count("contactguard.rules.reloads", "result", "failure"));
        assertNull(registry.find("contactguard.rules").tag("version", first).gauge(), "the old version's gauge is gone");
        var now = registry.find("contactguard.rules").tag("version", engine.version()).gauge();
        assertNotNull(now);
        assertEquals(engine.rules().rules().size(), now.value());
    }

    /**
     * Only this package may use Micrometer: every other class of the library must load without it
     * (it is an optional dependency), so no compiled class elsewhere names an {@code io/micrometer} type.
     */
    @Test
    void noClassOutsideTheMetricsPackageReferencesMicrometer() throws IOException {
        Path classes = Path.of("target", "classes", "org", "contactguard");
        assertTrue(Files.isDirectory(classes), classes.toAbsolutePath().toString());
        List<Path> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                boolean inMetrics = file.toString().replace('\\', '/').contains("/core/metrics/");
                String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (!inMetrics && bytes.contains("io/micrometer")) {
                    offenders.add(file);
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
