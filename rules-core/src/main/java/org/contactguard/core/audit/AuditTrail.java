package org.contactguard.core.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.DecisionListener;
import org.contactguard.core.decision.DecisionVetoedException;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.RequestTenant;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.DecisionRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link AuditRecord} of every decision in an {@link AuditSink}, written asynchronously by
 * one writer thread from a bounded queue, so that deciding does not wait for disk or database.
 *
 * <p>A record is never dropped silently. A decision whose record finds the queue full waits for room
 * or is denied with {@code AUDIT-UNAVAILABLE}, as {@link FullQueuePolicy} configures; a sink that
 * fails is retried with the same records until it succeeds (meanwhile the queue fills and the policy
 * applies); {@link #close()} writes what is queued and says how many records it could not write.
 * What the queue holds when the process dies is lost with it: for a record committed with the
 * decision, use a {@link JdbcAuditSink} beside a JDBC contact ledger, whose {@code decideAndRecord}
 * then writes the record in its own transaction.
 *
 * <pre>{@code
 * AuditTrail audit = AuditTrail.builder(new JsonLinesAuditSink(folder)).whenFull(FullQueuePolicy.DENY).build();
 * ComplianceEngine engine = ComplianceEngine.builder().listener(audit).build();
 * }</pre>
 */
public final class AuditTrail implements DecisionListener, AutoCloseable {

    /** Records handed to the sink in one {@link AuditSink#write} at most. */
    static final int BATCH = 256;
    /** How long the writer lets records gather after it emptied the queue. */
    static final Duration LINGER = Duration.ofMillis(1);
    /** Longest pause between attempts to write to a failing sink. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditSink sink;
    private final int capacity;
    private final FullQueuePolicy policy;
    private final Duration maxWait;
    private final Duration closeTimeout;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final AtomicReference<RuleSet> rules = new AtomicReference<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong denied = new AtomicLong();
    /** Records taken from the queue but not yet written (the writer's current batch). */
    private final AtomicLong inFlight = new AtomicLong();
    private volatile boolean closing;
    private volatile String lastFailure;

    /** A decision waiting for its record to be made and written; the JSON is made on the writer thread. */
    private record Pending(Instant decidedAt, DecisionRequest request, Decision decision, Duration duration,
            RuleSet rules) {
    }

    private AuditTrail(Builder b) {
        this.sink = b.sink;
        this.capacity = b.capacity;
        this.policy = b.policy;
        this.maxWait = b.maxWait;
        this.closeTimeout = b.closeTimeout;
        this.clock = b.clock;
        this.queue = new ArrayBlockingQueue<>(b.capacity);
        this.writer = new Thread(this::writeLoop, "contactguard-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Starts configuring a trail that writes to {@code sink} (and closes it on {@link #close()}). */
    public static Builder builder(AuditSink sink) {
        return new Builder(sink);
    }

    @Override
    public void onStart(RuleSet loaded) {
        rules.set(loaded);
    }

    @Override
    public void onReload(RuleSet previous, RuleSet current) {
        rules.set(current);
    }

    /**
     * Queues the decision's record.
     *
     * @throws DecisionVetoedException with {@code AUDIT-UNAVAILABLE} when the queue is full (policy
     *     DENY, or still full after {@code maxWait} with WAIT), the trail is closed, or the thread was
     *     interrupted while waiting
     */
    @Override
    public void onDecision(DecisionRequest request, Decision decision, Duration duration) {
        Pending pending = new Pending(clock.instant(), request, decision, duration, rules.get());
        if (closing) {
            throw veto("the audit trail is closed");
        }
        if (queue.offer(pending)) {
            return;
        }
        if (policy == FullQueuePolicy.WAIT) {
            try {
                if (queue.offer(pending, maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw veto("interrupted while waiting for room in the audit queue");
            }
            throw veto("the audit queue stayed full (" + capacity + " records) for " + maxWait + failureNote());
        }
        throw veto("the audit queue is full (" + capacity + " records)" + failureNote());
    }

    /**
     * Inside a JDBC contact ledger's transaction: the record of an ALLOW, with a {@link JdbcAuditSink}
     * on the ledger's database, is written there at once, so it commits with the reservation (or
     * neither does). A DENY reserves nothing and the ledger rolls its transaction back, so its record,
     * like every record of another sink, is queued as {@link #onDecision(DecisionRequest, Decision,
     * Duration)} does.
     *
     * @throws DecisionVetoedException with {@code AUDIT-UNAVAILABLE} when the record could not be written
     */
    @Override
    public void onDecision(DecisionRequest request, Decision decision, Duration duration, Connection transaction) {
        if (!decision.isAllowed() || !(sink instanceof JdbcAuditSink jdbc) || !jdbc.isSameDatabase(transaction)) {
            onDecision(request, decision, duration);
            return;
        }
        if (closing) {
            throw veto("the audit trail is closed");
        }
        AuditRecord record = record(new Pending(clock.instant(), request, decision, duration, rules.get()));
        try {
            jdbc.insert(transaction, List.of(record));
            written.incrementAndGet();
        } catch (SQLException e) {
            denied.incrementAndGet();
            throw new DecisionVetoedException(Reason.auditUnavailable("could not write the audit record in the "
                    + "ledger's transaction (SQLState " + e.getSQLState() + "): " + e.getMessage()), e);
        }
    }

    private DecisionVetoedException veto(String problem) {
        denied.incrementAndGet();
        return new DecisionVetoedException(Reason.auditUnavailable(problem + "; the contact is not made without an "
                + "audit record"));
    }

    private String failureNote() {
        String failure = lastFailure;
        return failure == null ? "" : "; the audit sink " + sink.describe() + " is failing: " + failure;
    }

    /** Takes batches off the queue and writes each until the sink takes it; ends once closing and empty. */
    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(BATCH);
        long backoffMillis = 10;
        while (true) {
            if (batch.isEmpty()) {
                Pending first;
                try {
                    first = queue.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // Only close() interrupts, after its timeout: what is left is counted there.
                    return;
                }
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                inFlight.set(batch.size());
            }
            try {
                write(batch);
                written.addAndGet(batch.size());
                boolean drained = batch.size() < BATCH;
                batch.clear();
                inFlight.set(0);
                if (lastFailure != null) {
                    LOG.info("Audit sink {} writes again", sink.describe());
                    lastFailure = null;
                }
                backoffMillis = 10;
                if (drained && !closing) {
                    // Let the next batch gather: a writer waiting on the empty queue is woken by every
                    // decision's offer, a system call that cost the deciding thread a fifth of a decision.
                    LockSupport.parkNanos(LINGER.toNanos());
                }
            } catch (IOException | RuntimeException e) {
                if (lastFailure == null) {
                    LOG.warn("Audit sink {} failed; {} records kept and retried until it succeeds (further failures "
                            + "at DEBUG)", sink.describe(), batch.size(), e);
                } else {
                    LOG.debug("Audit sink {} failed again: {}", sink.describe(), e.toString());
                }
                lastFailure = e.toString();
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException stop) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    /**
     * Hands a batch to the sink: a sink that keeps history entries once gets the requests themselves,
     * any other the records with each request's JSON.
     */
    private void write(List<Pending> batch) throws IOException {
        if (sink instanceof HistoryKeepingSink keeping) {
            List<Decided> decided = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                decided.add(new Decided(record(pending, null), pending.request()));
            }
            keeping.writeDecided(decided);
            return;
        }
        List<AuditRecord> records = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            records.add(record(pending));
        }
        sink.write(records);
    }

    /** The record of a pending decision, with the request's canonical JSON. */
    private static AuditRecord record(Pending p) {
        DecisionRequest request = p.request();
        String json = null;
        if (request != null) {
            try {
                json = DecisionJson.writeRequest(request);
            } catch (RuntimeException e) {
                AuditJson.requestNotWritten(request.id(), e);
            }
        }
        return record(p, json);
    }

    private static AuditRecord record(Pending p, String json) {
        DecisionRequest request = p.request();
        return new AuditRecord(p.decidedAt(), request == null ? null : request.debtor().id(),
                request == null ? null : request.id(), RequestTenant.of(request),
                request == null ? null : request.action().at(), json, p.decision(), LibraryVersion.VERSION,
                packs(request, p.rules()), p.duration());
    }

    /** The packs that applied: as the engine selects them, or as named when that cannot be known. */
    private static List<String> packs(DecisionRequest request, RuleSet rules) {
        if (request == null) {
            return List.of();
        }
        if (rules == null) {
            return request.packs();
        }
        try {
            return rules.selection().select(request.packs(), request.accounts()).packs();
        } catch (RuntimeException e) {
            // A request naming an unknown pack was denied INPUT-INVALID; its record shows what it named.
            LOG.debug("Packs of request {} not selectable ({}); recording those named", request.id(), e.toString());
            return request.packs();
        }
    }

    /** Records written to the sink so far. */
    public long written() {
        return written.get();
    }

    /** Records queued or being written, not yet in the sink. */
    public long pending() {
        return queue.size() + inFlight.get();
    }

    /** Records in the queue, not yet taken by the writer. */
    int queued() {
        return queue.size();
    }

    /** Decisions denied with {@code AUDIT-UNAVAILABLE} so far. */
    public long denied() {
        return denied.get();
    }

    /** The sink records go to. */
    public AuditSink sink() {
        return sink;
    }

    /**
     * Stops taking records (later decisions are denied with {@code AUDIT-UNAVAILABLE}), writes what is
     * queued, waiting up to the close timeout, and closes the sink.
     *
     * @throws IllegalStateException when records could not be written in time: how many and why (they
     *     are lost with the process, so this must not pass unnoticed)
     */
    @Override
    public void close() {
        closing = true;
        boolean interrupted = false;
        try {
            writer.join(closeTimeout.toMillis());
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (writer.isAlive()) {
            writer.interrupt();
            try {
                writer.join(1_000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        long unwritten = pending();
        try {
            sink.close();
        } catch (IOException e) {
            LOG.warn("Closing audit sink {} failed", sink.describe(), e);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (unwritten > 0) {
            String message = unwritten + " audit records could not be written to " + sink.describe() + " before close"
                    + (lastFailure == null ? "" : ": " + lastFailure);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** Configures an {@link AuditTrail}. */
    public static final class Builder {
        private final AuditSink sink;
        private int capacity = 10_000;
        private FullQueuePolicy policy = FullQueuePolicy.WAIT;
        private Duration maxWait = Duration.ofSeconds(5);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(AuditSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** Records the queue holds before the full-queue policy applies; default 10,000. */
        public Builder capacity(int records) {
            if (records < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, was " + records);
            }
            this.capacity = records;
            return this;
        }

        /** What a decision does when the queue is full; default {@link FullQueuePolicy#WAIT}. */
        public Builder whenFull(FullQueuePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** With {@link FullQueuePolicy#WAIT}: how long a decision waits for room before it is denied; default 5 s. */
        public Builder maxWait(Duration wait) {
            if (Objects.requireNonNull(wait, "maxWait").isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative, was " + wait);
            }
            this.maxWait = wait;
            return this;
        }

        /** How long {@link AuditTrail#close()} waits for the queue to be written; default 30 s. */
        public Builder closeTimeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "closeTimeout").isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative, was " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /** The clock that stamps {@link AuditRecord#decidedAt()}; default UTC system time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Starts the writer thread. */
        public AuditTrail build() {
            return new AuditTrail(this);
        }
    }
}
