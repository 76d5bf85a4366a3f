package org.contactguard.core.audit;

import static org.contactguard.core.audit.AuditFixtures.NOON_IN_NEW_YORK;
import static org.contactguard.core.audit.AuditFixtures.TEN_PM_IN_NEW_YORK;
import static org.contactguard.core.audit.AuditFixtures.call;
import static org.contactguard.core.audit.AuditFixtures.engine;
import static org.contactguard.core.audit.AuditFixtures.listenTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.contactguard.core.audit.AuditFixtures.ControlledSink;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every decision reaches the sink, or is denied with AUDIT-UNAVAILABLE; none is dropped. */
class AuditTrailTest {

    private static final Instant DECIDED_AT = Instant.parse("2026-01-14T16:59:58Z");
    private static final Clock FIXED = Clock.fixed(DECIDED_AT, ZoneOffset.UTC);

    @AfterEach
    void stopListening() {
        listenTo(null);
    }

    /** Waits (bounded) until the trail has written {@code count} records. */
    private static void awaitWritten(AuditTrail trail, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (trail.written() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + trail.written() + " of " + count + " written");
            Thread.sleep(5);
        }
    }

    @Nested
    class TheRecord {

        @Test
        void holdsTheRequestAsCanonicalJsonTheDecisionVersionsPacksAndTimes() throws Exception {
            ControlledSink sink = new ControlledSink();
            try (AuditTrail trail = AuditTrail.builder(sink).clock(FIXED).build()) {
                listenTo(trail);
                DecisionRequest request = call("R-7", "D1", NOON_IN_NEW_YORK);
                Decision decision = engine().decide(request);
                awaitWritten(trail, 1);

                AuditRecord record = sink.records.get(0);
                assertEquals(DECIDED_AT, record.decidedAt());
                assertEquals("D1", record.debtorId());
                assertEquals("R-7", record.requestId());
                assertEquals(NOON_IN_NEW_YORK, record.actionAt());
                assertEquals(decision, record.decision());
                assertEquals(engine().version(), record.ruleSetVersion());
                assertEquals(List.of("probe"), record.packs());
                assertEquals(LibraryVersion.VERSION, record.libraryVersion());
                assertTrue(record.duration().toNanos() > 0);
                assertEquals(DecisionJson.writeRequest(request), record.requestJson());
                assertEquals(request, DecisionJson.parseRequest(record.requestJson()));
            }
        }

        @Test
        void leavesTheTenantEmptyWhileRequestsNameNone() throws Exception {
            ControlledSink sink = new ControlledSink();
            try (AuditTrail trail = AuditTrail.builder(sink).build()) {
                listenTo(trail);
                engine().decide(call("R-8", "D1", NOON_IN_NEW_YORK));
                awaitWritten(trail, 1);
                assertEquals(null, sink.records.get(0).tenant());
            }
        }

        @Test
        void recordsTheTenantTheRequestNames() throws Exception {
            ControlledSink sink = new ControlledSink();
            try (AuditTrail trail = AuditTrail.builder(sink).build()) {
                listenTo(trail);
                DecisionRequest request = call("R-9", "D1", NOON_IN_NEW_YORK);
                engine().decide(new DecisionRequest(request.id(), "portfolio-7", request.packs(), request.collector(),
                        request.action(), request.debtor(), request.accounts(), request.thirdParties(), request.history()));
                awaitWritten(trail, 1);
                assertEquals("portfolio-7", sink.records.get(0).tenant());
            }
        }

        @Test
        void isKeptForDenialsAndForAMissingRequest() throws Exception {
            ControlledSink sink = new ControlledSink();
            try (AuditTrail trail = AuditTrail.builder(sink).build()) {
                listenTo(trail);
                engine().decide(call("R-late", "D1", TEN_PM_IN_NEW_YORK));
                engine().decide(null);
                awaitWritten(trail, 2);
                assertEquals(List.of("PROBE-HOURS-01"), sink.records.get(0).decision().ruleIds());
                assertEquals(List.of(Reason.INPUT_INVALID), sink.records.get(1).decision().ruleIds());
                assertEquals(null, sink.records.get(1).requestJson());
            }
        }

        @Test
        void theLibraryVersionIsTheBuildsNotAPlaceholder() {
            assertFalse(LibraryVersion.VERSION.contains("${"), LibraryVersion.VERSION);
        }
    }

    @Nested
    class AFullQueue {

        @Test
        void withPolicyDenyDeniesAtOnceWithAuditUnavailable() throws Exception {
            ControlledSink sink = new ControlledSink();
            sink.hold();
            try (AuditTrail trail = AuditTrail.builder(sink).capacity(1).whenFull(FullQueuePolicy.DENY).build()) {
                listenTo(trail);
                fillQueue(trail);

                Decision denied = engine().decide(call("R-2", "D1", NOON_IN_NEW_YORK));

                assertEquals(List.of(Reason.AUDIT_UNAVAILABLE), denied.ruleIds());
                assertEquals(1, trail.denied());
                sink.open();
                awaitWritten(trail, 2);
                assertEquals(List.of("R-0", "R-1"), sink.requestIds());
            }
        }

        @Test
        void withPolicyWaitWaitsForRoomAndThenAllows() throws Exception {
            ControlledSink sink = new ControlledSink();
            sink.hold();
            try (AuditTrail trail = AuditTrail.builder(sink).capacity(1).whenFull(FullQueuePolicy.WAIT)
                    .maxWait(Duration.ofSeconds(30)).build()) {
                listenTo(trail);
                fillQueue(trail);
                CompletableFuture<Decision> waiting = CompletableFuture.supplyAsync(
                        () -> engine().decide(call("R-2", "D1", NOON_IN_NEW_YORK)));
                Thread.sleep(100);
                assertFalse(waiting.isDone(), "the third decision waits for room");

                sink.open();

                assertEquals(Verdict.ALLOW, waiting.get(30, TimeUnit.SECONDS).verdict());
                awaitWritten(trail, 3);
                assertEquals(List.of("R-0", "R-1", "R-2"), sink.requestIds());
            }
        }

        @Test
        void withPolicyWaitDeniesWhenNoRoomComesWithinMaxWait() throws Exception {
            ControlledSink sink = new ControlledSink();
            sink.hold();
            try (AuditTrail trail = AuditTrail.builder(sink).capacity(1).whenFull(FullQueuePolicy.WAIT)
                    .maxWait(Duration.ofMillis(50)).build()) {
                listenTo(trail);
                fillQueue(trail);

                Decision third = engine().decide(call("R-2", "D1", NOON_IN_NEW_YORK));

                assertEquals(List.of(Reason.AUDIT_UNAVAILABLE), third.ruleIds());
                assertTrue(third.reasons().get(0).message().contains("stayed full"), third.reasons().get(0).message());
                sink.open();
            }
        }

        /**
         * With capacity 1 and the sink held: R-0 is taken by the writer, which blocks on the sink, and
         * R-1 fills the queue. Both are allowed.
         */
        private void fillQueue(AuditTrail trail) throws InterruptedException {
            assertEquals(Verdict.ALLOW, engine().decide(call("R-0", "D1", NOON_IN_NEW_YORK)).verdict());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (trail.queued() > 0) {
                assertTrue(System.nanoTime() < deadline, "the writer never took R-0");
                Thread.sleep(2);
            }
            assertEquals(Verdict.ALLOW, engine().decide(call("R-1", "D1", NOON_IN_NEW_YORK)).verdict());
        }
    }

    @Nested
    class AFailingSink {

        @Test
        void isRetriedWithTheSameRecordsUntilItSucceeds() throws Exception {
            ControlledSink sink = new ControlledSink();
            sink.failuresLeft.set(3);
            try (AuditTrail trail = AuditTrail.builder(sink).build()) {
                listenTo(trail);
                engine().decide(call("R-0", "D1", NOON_IN_NEW_YORK));
                awaitWritten(trail, 1);
                assertEquals(List.of("R-0"), sink.requestIds());
                assertTrue(sink.writes.get() >= 4, "three failures, then the write that succeeded");
            }
        }

        @Test
        void makesCloseSayHowManyRecordsItCouldNotWrite() {
            ControlledSink sink = new ControlledSink();
            sink.failuresLeft.set(Integer.MAX_VALUE);
            AuditTrail trail = AuditTrail.builder(sink).closeTimeout(Duration.ofMillis(200)).build();
            listenTo(trail);
            engine().decide(call("R-0", "D1", NOON_IN_NEW_YORK));

            IllegalStateException e = assertThrows(IllegalStateException.class, trail::close);

            assertTrue(e.getMessage().startsWith("1 audit records could not be written"), e.getMessage());
            assertTrue(sink.closed);
        }
    }

    @Test
    void afterCloseDecisionsAreDeniedRatherThanMadeWithoutARecord() {
        ControlledSink sink = new ControlledSink();
        AuditTrail trail = AuditTrail.builder(sink).build();
        listenTo(trail);
        trail.close();

        Decision decision = engine().decide(call("R-0", "D1", NOON_IN_NEW_YORK));

        assertEquals(List.of(Reason.AUDIT_UNAVAILABLE), decision.ruleIds());
    }
}
