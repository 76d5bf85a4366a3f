package org.contactguard.core.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger held in this JVM's memory: for tests and for a single service instance that is the only
 * one deciding about its debtors. Decisions lock the debtor, then the action's accounts in sorted
 * order (so a cap per account holds across the debtors of a joint account); decisions about
 * different debtors and accounts run in parallel. Everything is lost when the JVM ends; use
 * {@link JdbcContactLedger} when that matters or when several processes decide. It has no clock
 * shared with other processes, so it does not bound {@code action.at}.
 */
public final class InMemoryContactLedger implements ContactLedger {

    private static final Comparator<RecordedAttempt> OLDEST_FIRST =
            Comparator.comparing((RecordedAttempt r) -> r.attempt().at()).thenComparingLong(RecordedAttempt::id);

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryContactLedger.class);

    private final ComplianceEngine engine;
    private final LedgerLimits limits;
    private final Clock clock = Clock.systemUTC();
    /** Every attempt by id; an entry is replaced, never changed, when its outcome arrives. */
    private final Map<Long, Entry> attempts = new ConcurrentHashMap<>();
    /** Attempt ids per debtor ("d:" + id) and per account ("a:" + id), each list guarded by its key's lock. */
    private final Map<String, List<Long>> index = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
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
        this.limits = LedgerLimits.defaults(historyWindow, null);
    }

    /** An attempt with what the ledger knows about its recording. */
    private record Entry(RecordedAttempt recorded, String requestId, String ruleSetVersion, Instant recordedAt) {
    }

    private static String debtorKey(String debtorId) {
        return "d:" + debtorId;
    }

    private static String accountKey(String accountId) {
        return "a:" + accountId;
    }

    /** Locks the debtor, then the accounts in sorted order; returns the keys locked, to unlock. */
    private List<String> lock(String debtorId, List<String> sortedAccounts) {
        List<String> keys = new ArrayList<>(sortedAccounts.size() + 1);
        keys.add(debtorKey(debtorId));
        sortedAccounts.forEach(account -> keys.add(accountKey(account)));
        for (String key : keys) {
            locks.computeIfAbsent(key, k -> new ReentrantLock()).lock();
        }
        return keys;
    }

    private void unlock(List<String> keys) {
        for (int i = keys.size() - 1; i >= 0; i--) {
            locks.get(keys.get(i)).unlock();
        }
    }

    @Override
    public LedgerDecision decideAndRecord(DecisionRequest request) {
        if (request == null) {
            return LedgerDecision.denied(engine.decide(null));
        }
        long start = System.nanoTime();
        RuleSet rules = engine.rules();
        String debtorId = request.debtor().id();
        try {
            LedgerInput.checkRequest(request, limits.maxAccounts());
        } catch (InvalidInputException e) {
            return LedgerDecider.invalid(engine, rules, request, e, start);
        }
        List<List<String>> held = new ArrayList<>(1);
        try {
            return LedgerDecider.decide(engine, rules, limits, request, new LedgerDecider.DebtorTransaction() {
                @Override
                public Instant now() {
                    return null;
                }

                @Override
                public void lock(String debtor, List<String> accountIds) {
                    held.add(InMemoryContactLedger.this.lock(debtor, accountIds));
                }

                @Override
                public Optional<LedgerDecider.Prior> prior(String debtor, String requestId) {
                    for (Entry entry : entries(debtorKey(debtor))) {
                        if (requestId.equals(entry.requestId())) {
                            ContactAttempt a = entry.recorded().attempt();
                            return Optional.of(new LedgerDecider.Prior(entry.recorded().id(), a.at(), a.channel(),
                                    entry.ruleSetVersion()));
                        }
                    }
                    return Optional.empty();
                }

                @Override
                public List<RecordedAttempt> loadAfter(String debtor, List<String> accountIds, Instant start,
                        int limit) {
                    TreeSet<Long> found = new TreeSet<>();
                    collectAfter(debtorKey(debtor), start, found);
                    accountIds.forEach(account -> collectAfter(accountKey(account), start, found));
                    List<RecordedAttempt> loaded = new ArrayList<>(found.size());
                    for (long id : found) {
                        Entry entry = attempts.get(id);
                        if (entry != null) {
                            loaded.add(entry.recorded());
                        }
                    }
                    loaded.sort(OLDEST_FIRST);
                    return loaded.size() > limit ? loaded.subList(0, limit) : loaded;
                }

                @Override
                public long reserve(String debtor, ContactAttempt attempt, String requestId, String ruleSetVersion) {
                    return append(debtor, attempt, requestId, ruleSetVersion);
                }
            });
        } catch (RuntimeException e) {
            // The engine itself never throws; whatever else broke, the answer is still not ALLOW.
            LOG.error("Contact ledger failed deciding request {} for debtor {}; denied", request.id(), debtorId, e);
            return LedgerDecider.deniedWithoutRules(engine, rules, request, Reason.engineError(LedgerDecider.bounded(
                    e.getClass().getSimpleName() + ": " + e.getMessage())), start);
        } finally {
            held.forEach(this::unlock);
        }
    }

    /** The entries under {@code key}; the caller holds the key's lock. */
    private List<Entry> entries(String key) {
        List<Entry> found = new ArrayList<>();
        for (long id : index.getOrDefault(key, List.of())) {
            Entry entry = attempts.get(id);
            if (entry != null) {
                found.add(entry);
            }
        }
        return found;
    }

    private void collectAfter(String key, Instant start, TreeSet<Long> found) {
        for (Entry entry : entries(key)) {
            if (entry.recorded().attempt().at().isAfter(start)) {
                found.add(entry.recorded().id());
            }
        }
    }

    @Override
    public long record(String debtorId, ContactAttempt attempt) {
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(attempt, "attempt");
        LedgerInput.checkAttempt(debtorId, "debtorId", attempt, "attempt");
        List<String> keys = lock(debtorId, new ArrayList<>(new TreeSet<>(attempt.accountIds())));
        try {
            return append(debtorId, attempt, null, null);
        } finally {
            unlock(keys);
        }
    }

    /** Adds an attempt; the caller holds the locks of the debtor and of every account of the attempt. */
    private long append(String debtorId, ContactAttempt attempt, String requestId, String ruleSetVersion) {
        long id = ids.incrementAndGet();
        attempts.put(id, new Entry(new RecordedAttempt(id, debtorId, attempt), requestId, ruleSetVersion,
                clock.instant()));
        index.computeIfAbsent(debtorKey(debtorId), k -> new ArrayList<>()).add(id);
        for (String account : new TreeSet<>(attempt.accountIds())) {
            index.computeIfAbsent(accountKey(account), k -> new ArrayList<>()).add(id);
        }
        return id;
    }

    @Override
    public boolean updateOutcome(long attemptId, Outcome outcome, boolean messageLeft) {
        Objects.requireNonNull(outcome, "outcome");
        if (messageLeft && outcome != Outcome.VOICEMAIL) {
            throw new InvalidInputException("messageLeft", "may only be true when outcome is VOICEMAIL");
        }
        String[] standing = new String[1];
        Entry updated = attempts.computeIfPresent(attemptId, (id, entry) -> {
            ContactAttempt a = entry.recorded().attempt();
            if (a.outcome() != null) {
                standing[0] = a.outcome().name() + (a.messageLeft() ? " (message left)" : "");
                return entry;
            }
            return new Entry(new RecordedAttempt(id, entry.recorded().debtorId(),
                    Attempts.withOutcome(a, outcome, messageLeft)), entry.requestId(), entry.ruleSetVersion(),
                    entry.recordedAt());
        });
        if (updated == null) {
            throw new NoSuchElementException("no attempt with id " + attemptId + " in the ledger");
        }
        if (standing[0] == null) {
            return true;
        }
        String asked = outcome.name() + (messageLeft ? " (message left)" : "");
        if (standing[0].equals(asked)) {
            return false;
        }
        throw new OutcomeConflictException(attemptId, standing[0], asked);
    }

    @Override
    public List<RecordedAttempt> history(String debtorId, Instant from, Instant until) {
        List<String> keys = lock(Objects.requireNonNull(debtorId, "debtorId"), List.of());
        List<RecordedAttempt> found = new ArrayList<>();
        try {
            for (Entry entry : entries(debtorKey(debtorId))) {
                Instant at = entry.recorded().attempt().at();
                if (!at.isBefore(from) && at.isBefore(until)) {
                    found.add(entry.recorded());
                }
            }
        } finally {
            unlock(keys);
        }
        found.sort(OLDEST_FIRST);
        return found;
    }

    @Override
    public List<PendingReservation> pending(Duration olderThan) {
        Instant before = clock.instant().minus(Objects.requireNonNull(olderThan, "olderThan"));
        List<PendingReservation> found = new ArrayList<>();
        for (Entry entry : attempts.values()) {
            if (entry.recorded().pending() && entry.recordedAt().isBefore(before)) {
                found.add(new PendingReservation(entry.recorded(), entry.requestId(), null, entry.recordedAt()));
            }
        }
        found.sort(Comparator.comparing(PendingReservation::recordedAt)
                .thenComparingLong(p -> p.recorded().id()));
        return found;
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        long purged = 0;
        for (Entry entry : List.copyOf(attempts.values())) {
            if (entry.recorded().attempt().at().isBefore(cutoff) && attempts.remove(entry.recorded().id()) != null) {
                purged++;
            }
        }
        // The indexes still name the purged ids; each list is cleaned under its own lock.
        for (String key : List.copyOf(index.keySet())) {
            ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
            lock.lock();
            try {
                index.get(key).removeIf(id -> !attempts.containsKey(id));
            } finally {
                lock.unlock();
            }
        }
        return purged;
    }

    /** As for the JDBC ledger, {@code now} counts only up to this JVM's clock. */
    @Override
    public long purgeExpired(Instant now) {
        Instant mine = clock.instant();
        Instant earlier = Objects.requireNonNull(now, "now").isBefore(mine) ? now : mine;
        return purgeBefore(earlier.minus(historyWindow()));
    }

    @Override
    public Duration historyWindow() {
        return LedgerDecider.historyWindow(engine.rules(), limits.historyWindow());
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
