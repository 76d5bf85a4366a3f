package org.contactguard.core.audit;

import static org.contactguard.core.audit.AuditFixtures.NOON_IN_NEW_YORK;
import static org.contactguard.core.audit.AuditFixtures.call;
import static org.contactguard.core.audit.AuditFixtures.engine;
import static org.contactguard.core.audit.AuditFixtures.listenTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.contactguard.core.audit.AuditFixtures.ControlledSink;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.constraints.IntRange;

/**
 * Under any queue size, policy, number of deciding threads and a sink that is slow and fails now and
 * then: every decision's record is written exactly once, or the decision was denied with
 * AUDIT-UNAVAILABLE. Nothing is dropped silently.
 */
class AuditNeverDroppedProperties {

    /** A sink that takes a while and fails the first few writes. */
    private static final class SlowSink extends AuditFixtures.ControlledSink {
        private final int pauseMicros;

        SlowSink(int pauseMicros, int failures) {
            this.pauseMicros = pauseMicros;
            failuresLeft.set(failures);
        }

        @Override
        public void write(List<AuditRecord> batch) throws IOException {
            try {
                TimeUnit.MICROSECONDS.sleep(pauseMicros);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            super.write(batch);
        }
    }

    @AfterTry
    void stopListening() {
        listenTo(null);
    }

    @Property(tries = 40)
    void everyDecisionIsRecordedOnceOrDeniedWithAuditUnavailable(@ForAll @IntRange(min = 1, max = 4) int capacity,
            @ForAll FullQueuePolicy policy, @ForAll @IntRange(min = 0, max = 3) int waitMillis,
            @ForAll @IntRange(min = 1, max = 4) int threads, @ForAll @IntRange(min = 1, max = 25) int perThread,
            @ForAll @IntRange(min = 0, max = 2_000) int pauseMicros, @ForAll @IntRange(min = 0, max = 3) int failures)
            throws Exception {
        ControlledSink sink = new SlowSink(pauseMicros, failures);
        AuditTrail trail = AuditTrail.builder(sink).capacity(capacity).whenFull(policy)
                .maxWait(Duration.ofMillis(waitMillis)).build();
        listenTo(trail);
        ConcurrentHashMap<String, Decision> given = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String id = "T" + thread + "-" + i;
                        given.put(id, engine().decide(call(id, "D" + thread, NOON_IN_NEW_YORK)));
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        trail.close();

        Set<String> vetoed = new HashSet<>();
        given.forEach((id, decision) -> {
            if (decision.ruleIds().contains(Reason.AUDIT_UNAVAILABLE)) {
                vetoed.add(id);
            }
        });
        Set<String> expected = new HashSet<>(given.keySet());
        expected.removeAll(vetoed);
        List<String> written = sink.requestIds();
        assertEquals(expected, new HashSet<>(written), "written = decided minus denied for want of an audit record");
        assertEquals(written.size(), new HashSet<>(written).size(), "no record written twice");
        assertEquals(vetoed.size(), trail.denied());
        assertEquals(threads * perThread, given.size());
    }
}
