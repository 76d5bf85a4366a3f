package org.contactguard.core.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger held in this JVM's memory: for tests and for a single service instance that is the only
 * one deciding about its debtors. Decisions about one debtor are serialised by a lock on that
 * debtor's log; decisions about different debtors run in parallel. Everything is lost when the JVM
 * ends; use {@link JdbcContactLedger} when that matters or when several processes decide.
 */
public final class InMemoryContactLedger implements ContactLedger {

    private static final Comparator<RecordedAttempt> OLDEST_FIRST =
            Comparator.comparing((RecordedAttempt r) -> r.attempt().at()).thenComparingLong(RecordedAttempt::id);

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryContactLedger.class);

    private final ComplianceEngine engine;
    private final Duration configuredWindow;
    private final Map<String, DebtorLog> logs = new ConcurrentHashMap<>();
    private final Map<Long, String> debtorOfAttempt = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A ledger deciding with {@code engine}, loading the history its packs need (see {@link #historyWindow()}). */
    public InMemoryContactLedger(ComplianceEngine engine) {
        this(engine, null);
    }

    /**
     * A ledger deciding with {@code engine} that loads {@code historyWindow} of history for each
     * decision; null: the engine's longest window plus a margin.
     */
    public InMemoryContactLedger(ComplianceEngine engine, Duration historyWindow) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.configuredWindow = historyWindow;
    }

    /** One debtor's attempts; its monitor is the per-debtor lock. */
    private static final class DebtorLog {
        private final List<RecordedAttempt> attempts = new ArrayList<>();
    }

    @Override
    public LedgerDecision decideAndRecord(DecisionRequest request) {
        if (request == null) {
            return LedgerDecision.denied(engine.decide(null));
        }
        String debtorId = request.debtor().id();
        DebtorLog log = logs.computeIfAbsent(debtorId, id -> new DebtorLog());
        synchronized (log) {
            try {
                return decideLocked(request, debtorId, log);
            } catch (RuntimeException e) {
                // The engine itself never throws; whatever else broke, the answer is still not ALLOW.
                LOG.error("Contact ledger failed deciding request {} for debtor {}; denied", request.id(), debtorId, e);
                return LedgerDecider.deniedWithoutRules(engine, request,
                        Reason.engineError(e.getClass().getSimpleName() + ": " + e.getMessage()), System.nanoTime());
            }
        }
    }

    /** Decides with the debtor's lock held. */
    private LedgerDecision decideLocked(DecisionRequest request, String debtorId, DebtorLog log) {
        return LedgerDecider.decide(engine, historyWindow(), request, new LedgerDecider.DebtorTransaction() {
            @Override
            public List<RecordedAttempt> loadAfter(Instant start) {
                List<RecordedAttempt> found = new ArrayList<>();
                for (RecordedAttempt recorded : log.attempts) {
                    if (recorded.attempt().at().isAfter(start)) {
                        found.add(recorded);
                    }
                }
                return found;
            }

            @Override
            public long reserve(ContactAttempt attempt) {
                return append(log, debtorId, attempt);
            }
        });
    }

    @Override
    public long record(String debtorId, ContactAttempt attempt) {
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(attempt, "attempt");
        DebtorLog log = logs.computeIfAbsent(debtorId, id -> new DebtorLog());
        synchronized (log) {
            return append(log, debtorId, attempt);
        }
    }

    private long append(DebtorLog log, String debtorId, ContactAttempt attempt) {
        long id = ids.incrementAndGet();
        log.attempts.add(new RecordedAttempt(id, debtorId, attempt));
        debtorOfAttempt.put(id, debtorId);
        return id;
    }

    @Override
    public void updateOutcome(long attemptId, Outcome outcome, boolean messageLeft) {
        Objects.requireNonNull(outcome, "outcome");
        String debtorId = debtorOfAttempt.get(attemptId);
        DebtorLog log = debtorId == null ? null : logs.get(debtorId);
        if (log != null) {
            synchronized (log) {
                for (int i = 0; i < log.attempts.size(); i++) {
                    RecordedAttempt recorded = log.attempts.get(i);
                    if (recorded.id() == attemptId) {
                        // Built first: an invalid combination (messageLeft without VOICEMAIL) changes nothing.
                        ContactAttempt updated = Attempts.withOutcome(recorded.attempt(), outcome, messageLeft);
                        log.attempts.set(i, new RecordedAttempt(attemptId, debtorId, updated));
                        return;
                    }
                }
            }
        }
        throw new NoSuchElementException("no attempt with id " + attemptId + " in the ledger");
    }

    @Override
    public List<RecordedAttempt> history(String debtorId, Instant from, Instant until) {
        DebtorLog log = logs.get(Objects.requireNonNull(debtorId, "debtorId"));
        List<RecordedAttempt> found = new ArrayList<>();
        if (log != null) {
            synchronized (log) {
                for (RecordedAttempt recorded : log.attempts) {
                    Instant at = recorded.attempt().at();
                    if (!at.isBefore(from) && at.isBefore(until)) {
                        found.add(recorded);
                    }
                }
            }
        }
        found.sort(OLDEST_FIRST);
        return found;
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        long purged = 0;
        for (DebtorLog log : logs.values()) {
            synchronized (log) {
                for (var it = log.attempts.iterator(); it.hasNext();) {
                    RecordedAttempt recorded = it.next();
                    if (recorded.attempt().at().isBefore(cutoff)) {
                        it.remove();
                        debtorOfAttempt.remove(recorded.id());
                        purged++;
                    }
                }
            }
        }
        return purged;
    }

    @Override
    public Duration historyWindow() {
        return LedgerDecider.historyWindow(engine, configuredWindow);
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
