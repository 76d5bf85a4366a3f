package org.contactguard.core.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.DecisionListener;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.Recipient;

/**
 * Named facts for the audit tests, against the engine test pack {@code probe}: hours [08:00, 21:00)
 * in the debtor's zone.
 */
final class AuditFixtures {

    /** 12:00 in New York (EST): inside probe hours. */
    static final Instant NOON_IN_NEW_YORK = Instant.parse("2026-01-14T17:00:00Z");
    /** 22:00 in New York: outside probe hours. */
    static final Instant TEN_PM_IN_NEW_YORK = Instant.parse("2026-01-15T03:00:00Z");
    /** A contact point whose value must never reach a log. */
    static final ContactPoint MOBILE = ContactPoint.of("+1-212-555-0147", ContactPointKind.MOBILE);
    static final Account A1 = Account.of("A1", Product.CREDIT_CARD, "US", 45);

    private AuditFixtures() {
    }

    /** A call to {@code debtorId} in New York at {@code at} about A1, with request id {@code id}. */
    static DecisionRequest call(String id, String debtorId, Instant at) {
        return call(id, debtorId, at, List.of());
    }

    /** {@link #call(String, String, Instant)} with {@code history}. */
    static DecisionRequest call(String id, String debtorId, Instant at, List<ContactAttempt> history) {
        ProposedAction action = ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR)
                .contactPoint(MOBILE).accountIds("A1").build();
        return DecisionRequest.builder().id(id).action(action).debtor(Debtor.of(debtorId, "America/New_York"))
                .account(A1).history(history).build();
    }

    /** A call at noon in New York about A1 to a debtor called {@code calls} times before, a day apart. */
    static DecisionRequest callWithHistory(String id, String debtorId, int calls) {
        List<ContactAttempt> history = new ArrayList<>();
        for (int i = 1; i <= calls; i++) {
            history.add(ContactAttempt.call(NOON_IN_NEW_YORK.minus(java.time.Duration.ofDays(i)), "A1", MOBILE,
                    i % 2 == 0 ? Outcome.NO_ANSWER : Outcome.CONNECTED));
        }
        return call(id, debtorId, NOON_IN_NEW_YORK, history);
    }

    /** The record the trail would hand a history-keeping sink for {@code request}, decided at {@code decidedAt}. */
    static Decided decided(DecisionRequest request, Instant decidedAt) {
        AuditRecord head = new AuditRecord(decidedAt, request.debtor().id(), request.id(), null,
                request.action().at(), null, engine().decide(request), LibraryVersion.VERSION, List.of("probe"),
                java.time.Duration.ofNanos(41_000));
        return new Decided(head, request);
    }

    /** One probe engine for all audit tests in a JVM, whose listener is whatever {@link #listenTo} set. */
    static ComplianceEngine engine() {
        return EngineHolder.ENGINE;
    }

    /** Makes {@code listener} the one the shared engine reports to (null: none). */
    static void listenTo(DecisionListener listener) {
        EngineHolder.FORWARD.target = listener;
        if (listener != null) {
            listener.onStart(EngineHolder.ENGINE.rules());
        }
    }

    /** Forwards to a listener chosen per test, so that compiling the probe pack happens once. */
    private static final class Forward implements DecisionListener {
        volatile DecisionListener target;

        @Override
        public void onDecision(DecisionRequest request, Decision decision, java.time.Duration duration) {
            DecisionListener t = target;
            if (t != null) {
                t.onDecision(request, decision, duration);
            }
        }

        @Override
        public void onDecision(DecisionRequest request, Decision decision, java.time.Duration duration,
                java.sql.Connection transaction) {
            DecisionListener t = target;
            if (t != null) {
                t.onDecision(request, decision, duration, transaction);
            }
        }

        @Override
        public void onReload(RuleSet previous, RuleSet current) {
            DecisionListener t = target;
            if (t != null) {
                t.onReload(previous, current);
            }
        }
    }

    private static final class EngineHolder {
        static final Forward FORWARD = new Forward();
        static final ComplianceEngine ENGINE = ComplianceEngine.builder().pack("probe").listener(FORWARD).build();
    }

    /**
     * A sink in memory that can be held shut (writes block until opened) and made to fail a number of
     * times, to fill the queue and to see records retried.
     */
    static class ControlledSink implements AuditSink {
        final List<AuditRecord> records = Collections.synchronizedList(new ArrayList<>());
        private final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        volatile boolean closed;

        /** Writes block from now on until {@link #open()}. */
        void hold() {
            gate.drainPermits();
        }

        void open() {
            gate.release(Integer.MAX_VALUE / 2);
        }

        @Override
        public void write(List<AuditRecord> batch) throws IOException {
            gate.acquireUninterruptibly();
            gate.release();
            writes.incrementAndGet();
            if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                throw new IOException("sink failing on purpose");
            }
            records.addAll(batch);
        }

        @Override
        public List<AuditRecord> find(String debtorId, Instant from, Instant until) {
            synchronized (records) {
                return records.stream().filter(r -> debtorId.equals(r.debtorId())
                        && !r.decidedAt().isBefore(from) && r.decidedAt().isBefore(until)).toList();
            }
        }

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public void close() {
            closed = true;
        }

        List<String> requestIds() {
            synchronized (records) {
                return records.stream().map(AuditRecord::requestId).toList();
            }
        }
    }
}
