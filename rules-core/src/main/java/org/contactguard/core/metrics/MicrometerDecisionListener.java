package org.contactguard.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.DecisionListener;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.RequestTenant;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.model.DecisionRequest;

/**
 * Micrometer meters for an engine: register it as a listener and every decision and reload is counted.
 * Micrometer is an optional dependency of Contactguard; only this class uses it, so an engine without
 * a registry never loads a Micrometer class.
 *
 * <ul>
 *   <li>{@code contactguard.decisions} counter, tags {@code verdict}, {@code pack} (the packs the request
 *       named, comma-separated, or {@code default}), {@code tenant} ({@code none} when none)</li>
 *   <li>{@code contactguard.denials} counter per denying reason, tags {@code rule} (the rule id) and
 *       {@code pack}</li>
 *   <li>{@code contactguard.decide} timer with 50th, 95th and 99th percentiles</li>
 *   <li>{@code contactguard.ledger.errors} counter: decisions denied with {@code LEDGER-UNAVAILABLE}</li>
 *   <li>{@code contactguard.rules.reloads} counter, tag {@code result} ({@code success}, {@code failure})</li>
 *   <li>{@code contactguard.rules} gauge: the number of loaded rules, tag {@code version} (the
 *       rule-set version now deciding)</li>
 * </ul>
 *
 * <pre>{@code
 * MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * ComplianceEngine engine = ComplianceEngine.builder()
 *         .listener(new MicrometerDecisionListener(registry))
 *         .build();
 * }</pre>
 */
public final class MicrometerDecisionListener implements DecisionListener {

    private final MeterRegistry registry;
    private final Timer decide;
    private final Counter ledgerErrors;
    private final Counter reloadSuccesses;
    private final Counter reloadFailures;
    /** Counters looked up once per distinct tag combination, not per decision. */
    private final ConcurrentMap<List<String>, Counter> decisions = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<String>, Counter> denials = new ConcurrentHashMap<>();
    private final AtomicReference<Gauge> rulesGauge = new AtomicReference<>();

    /** Registers the meters in {@code registry}. */
    public MicrometerDecisionListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.decide = Timer.builder("contactguard.decide").description("Time to decide one request")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.ledgerErrors = Counter.builder("contactguard.ledger.errors")
                .description("Decisions denied because the contact ledger was unavailable").register(registry);
        this.reloadSuccesses = reloads("success");
        this.reloadFailures = reloads("failure");
    }

    private Counter reloads(String result) {
        return Counter.builder("contactguard.rules.reloads").description("Rule reloads").tag("result", result)
                .register(registry);
    }

    @Override
    public void onDecision(DecisionRequest request, Decision decision, Duration duration) {
        decide.record(duration);
        String pack = request == null || request.packs().isEmpty() ? "default" : String.join(",", request.packs());
        String tenant = RequestTenant.of(request);
        String verdict = decision.verdict().name();
        decisions.computeIfAbsent(List.of(verdict, pack, tenant == null ? "none" : tenant),
                key -> Counter.builder("contactguard.decisions").description("Decisions given")
                        .tags("verdict", key.get(0), "pack", key.get(1), "tenant", key.get(2)).register(registry))
                .increment();
        for (Reason reason : decision.reasons()) {
            denials.computeIfAbsent(List.of(reason.ruleId(), reason.pack()),
                    key -> Counter.builder("contactguard.denials").description("Denials by rule")
                            .tags("rule", key.get(0), "pack", key.get(1)).register(registry))
                    .increment();
            if (Reason.LEDGER_UNAVAILABLE.equals(reason.ruleId())) {
                ledgerErrors.increment();
            }
        }
    }

    @Override
    public void onStart(RuleSet rules) {
        showVersion(rules);
    }

    @Override
    public void onReload(RuleSet previous, RuleSet current) {
        reloadSuccesses.increment();
        showVersion(current);
    }

    @Override
    public void onReloadFailed(RuleLoadException failure) {
        reloadFailures.increment();
    }

    /** Replaces the rules gauge by one tagged with {@code rules}' version. */
    private void showVersion(RuleSet rules) {
        int count = rules.rules().size();
        Gauge gauge = Gauge.builder("contactguard.rules", () -> count).description("Loaded rules, by rule-set version")
                .tags(Tags.of("version", rules.defaultVersion())).register(registry);
        Gauge previous = rulesGauge.getAndSet(gauge);
        if (previous != null && !previous.getId().equals(gauge.getId())) {
            registry.remove(previous);
        }
    }
}
