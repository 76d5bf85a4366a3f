package org.contactguard.core.ledger;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact ledger in a relational database: PostgreSQL in production, H2 embedded for examples,
 * tests and the command line. Every process that decides about the same debtors points at the same
 * database; decisions about one debtor are serialised by a row lock on that debtor's {@code cg_debtor}
 * row, which holds across processes and machines.
 *
 * <h2>How a decision runs</h2>
 * One transaction at READ COMMITTED: set the lock, statement and idle-in-transaction timeouts and
 * read the database's clock (an {@code action.at} too far from it is refused); {@code SELECT ... FOR
 * UPDATE} the debtor's row, then the rows of the action's accounts in sorted order (inserting each
 * first if it is new); return the first decision if the debtor's request id already reserved an
 * attempt; load the attempts of the debtor and of the accounts within {@link #historyWindow()};
 * decide on the rule set taken at the start; if allowed and within the decision's deadline insert
 * the reserved attempt; commit.
 * READ COMMITTED is deliberate: each statement sees everything committed before it started, so the
 * history query, which runs after the lock is granted, sees every attempt the previous holder of the
 * lock committed. (Under REPEATABLE READ the snapshot could predate the lock and miss them.)
 *
 * <h2>Failing closed</h2>
 * If no connection is free within the connection timeout, the lock is not granted within the lock
 * timeout, a statement outlasts the statement timeout, or the database cannot be reached, the decision
 * is DENY with {@code LEDGER-UNAVAILABLE}; the transaction is rolled back, so nothing of it is
 * recorded, and nothing committed before is touched. The answer ALLOW is given only after the commit
 * succeeded, so every attempt a caller was told was recorded is in the ledger. If the commit itself
 * fails in a way that leaves its fate unknown (connection lost mid-commit), the answer is DENY and the
 * reservation may still be in the ledger: it then counts against the caps without having happened,
 * which errs on the safe side.
 */
public final class JdbcContactLedger implements ContactLedger {

    /** Decisions retried after a conflict between transactions (deadlock, first-insert race). */
    static final int MAX_TRIES = 3;
    /** Attempts deleted per transaction when purging, so a purge never holds locks for long. */
    static final int PURGE_BATCH = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcContactLedger.class);

    private final ComplianceEngine engine;
    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final SqlDialect dialect;
    private final LedgerLimits limits;
    private final Duration lockTimeout;
    private final Duration statementTimeout;
    private final String instanceId;
    /** Whether the last decision found the ledger unavailable: an outage is logged once, not per decision. */
    private final AtomicBoolean unavailable = new AtomicBoolean();

    private JdbcContactLedger(Builder b, DataSource dataSource, HikariDataSource ownedPool, SqlDialect dialect) {
        this.engine = b.engine;
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.limits = new LedgerLimits(b.historyWindow, b.maxClockSkew, b.pendingExpiry, b.maxHistory, b.maxAccounts,
                b.decisionTimeout);
        this.lockTimeout = b.lockTimeout;
        this.statementTimeout = b.statementTimeout;
        this.instanceId = b.instanceId != null ? b.instanceId : defaultInstanceId();
    }

    /** Starts configuring a ledger that decides with {@code engine}. */
    public static Builder builder(ComplianceEngine engine) {
        return new Builder(engine);
    }

    /** Work done in one transaction, given its connection and the database's clock at its start. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection, Instant databaseNow) throws SQLException;
    }

    /** A decision that outlasted {@link Builder#decisionTimeout}: rolled back, never committed as ALLOW. */
    private static final class DeadlineExceeded extends SQLTimeoutException {
        private static final long serialVersionUID = 1L;

        DeadlineExceeded(String message) {
            super(message);
        }
    }

    /** A SQLException carried through code that cannot throw checked exceptions. */
    private static final class WrappedSqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrappedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /**
     * Runs {@code work} in one READ COMMITTED transaction with the timeouts set, committing on success
     * and rolling back on any failure; retries conflicts up to {@link #MAX_TRIES} times.
     */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    connection.setAutoCommit(false);
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    Instant now = dialect.begin(connection, lockTimeout, statementTimeout, limits.decisionTimeout());
                    T result = work.run(connection, now);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(connection);
                    SQLException failure = e instanceof WrappedSqlException w ? w.getCause()
                            : e instanceof SQLException q ? q : null;
                    if (failure != null && !dialect.keepsConnection(failure) && ownedPool != null) {
                        // The connection may be broken in a way the pool does not recognise (H2 reports a
                        // restarted server as "database is already closed", not as a connection error):
                        // never hand it out again. The next decision gets a fresh one.
                        ownedPool.evictConnection(connection);
                    }
                    if (failure != null) {
                        throw failure;
                    }
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt >= MAX_TRIES || !dialect.isRetryable(e)) {
                    throw e;
                }
                LOG.debug("Ledger transaction conflict ({}), trying again", e.getSQLState());
            }
        }
    }

    /** Rolls back; a failure to do so (connection already gone) is logged, since the original failure matters more. */
    private static void rollback(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // The connection is usually gone with the database; the failure that led here is what matters.
            LOG.warn("Rollback failed ({}); the database discards the transaction when the connection closes",
                    e.toString());
        }
    }

    /** Locks the debtor's row, then each account's in the order given, creating rows met for the first time. */
    private void lock(Connection connection, String debtorId, List<String> accountIds) throws SQLException {
        lockKey(connection, "cg_debtor", "debtor_id", debtorId);
        for (String account : accountIds) {
            lockKey(connection, "cg_account", "account_id", account);
        }
    }

    /** Locks the row of {@code key} in {@code table} until the transaction ends, creating it if missing. */
    private void lockKey(Connection connection, String table, String column, String key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT " + column + " FROM " + table + " WHERE " + column + " = ? FOR UPDATE")) {
            lock.setString(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(dialect.insertKey(table, column))) {
                insert.setString(1, key);
                insert.executeUpdate();
            }
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException(table + " row " + key + " vanished while being locked");
                }
            }
        }
    }

    private static List<RecordedAttempt> loadAfter(Connection connection, String debtorId, List<String> accountIds,
            Instant start, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(AttemptRows.selectAfter(accountIds.size()))) {
            int i = 0;
            query.setString(++i, debtorId);
            query.setObject(++i, AttemptRows.timestamp(start));
            if (!accountIds.isEmpty()) {
                for (String account : accountIds) {
                    query.setString(++i, account);
                }
                query.setObject(++i, AttemptRows.timestamp(start));
            }
            // Fetched in batches (the transaction is open), so reading stops soon after the limit.
            query.setFetchSize(Math.min(limit, 1_000));
            try (ResultSet rs = query.executeQuery()) {
                return AttemptRows.attempts(AttemptRows.read(rs, limit));
            }
        }
    }

    private static Optional<LedgerDecider.Prior> prior(Connection connection, String debtorId, String requestId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(AttemptRows.SELECT_BY_REQUEST)) {
            query.setString(1, debtorId);
            query.setString(2, requestId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LedgerDecider.Prior(rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), Channel.valueOf(rs.getString(3)),
                        rs.getString(4)));
            }
        }
    }

    @Override
    public LedgerDecision decideAndRecord(DecisionRequest request) {
        if (request == null) {
            return LedgerDecision.denied(engine.decide(null));
        }
        long start = System.nanoTime();
        // One rule set for the whole decision: the history window and the verdict both come from it.
        RuleSet rules = engine.rules();
        String debtorId = request.debtor().id();
        try {
            LedgerInput.checkRequest(request, limits.maxAccounts());
        } catch (InvalidInputException e) {
            return LedgerDecider.invalid(engine, rules, request, e, start);
        }
        long deadline = System.nanoTime() + limits.decisionTimeout().toNanos();
        try {
            LedgerDecision result = inTransaction((connection, databaseNow) -> {
                LedgerDecision decision = LedgerDecider.decide(engine, rules, limits, request,
                        new LedgerDecider.DebtorTransaction() {
                            @Override
                            public Instant now() {
                                return databaseNow;
                            }

                            @Override
                            public void lock(String debtor, List<String> accountIds) {
                                try {
                                    JdbcContactLedger.this.lock(connection, debtor, accountIds);
                                } catch (SQLException e) {
                                    throw new WrappedSqlException(e);
                                }
                            }

                            @Override
                            public Optional<LedgerDecider.Prior> prior(String debtor, String requestId) {
                                try {
                                    return JdbcContactLedger.prior(connection, debtor, requestId);
                                } catch (SQLException e) {
                                    throw new WrappedSqlException(e);
                                }
                            }

                            @Override
                            public List<RecordedAttempt> loadAfter(String debtor, List<String> accountIds, Instant start,
                                    int limit) {
                                try {
                                    return JdbcContactLedger.loadAfter(connection, debtor, accountIds, start, limit);
                                } catch (SQLException e) {
                                    throw new WrappedSqlException(e);
                                }
                            }

                            @Override
                            public long reserve(String debtor, ContactAttempt attempt, String requestId,
                                    String ruleSetVersion) {
                                try {
                                    checkDeadline(deadline);
                                    return AttemptRows.insert(connection, debtor, attempt, requestId, instanceId,
                                            ruleSetVersion);
                                } catch (SQLException e) {
                                    throw new WrappedSqlException(e);
                                }
                            }

                            @Override
                            public Decision decide(ComplianceEngine deciding, RuleSet snapshot, DecisionRequest decided) {
                                // The audit trail may write its record here, committed with the reservation.
                                return deciding.decide(snapshot, decided, connection);
                            }
                        });
                if (!decision.decision().isAllowed()) {
                    // Nothing to keep; the rollback also drops debtor and account rows created just now.
                    connection.rollback();
                } else {
                    // Checked again just before the commit: an ALLOW that took too long may rest on a
                    // history another process could no longer wait for.
                    checkDeadline(deadline);
                }
                return decision;
            });
            if (unavailable.compareAndSet(true, false)) {
                LOG.info("Contact ledger available again");
            }
            return result;
        } catch (SQLException e) {
            String problem = LedgerDecider.bounded(describe(e));
            if (unavailable.compareAndSet(false, true)) {
                LOG.warn("Contact ledger unavailable deciding request {} for debtor {}; denied: {} (further failures are "
                        + "logged at DEBUG until a decision succeeds)", request.id(), debtorId, problem);
            } else {
                LOG.debug("Contact ledger unavailable deciding request {} for debtor {}; denied: {}", request.id(),
                        debtorId, problem);
            }
            return LedgerDecider.deniedWithoutRules(engine, rules, request, Reason.ledgerUnavailable(problem), start);
        } catch (RuntimeException e) {
            // Not a database failure (the engine itself never throws): still no ALLOW, and the cause is logged.
            LOG.error("Contact ledger failed deciding request {} for debtor {}; denied", request.id(), debtorId, e);
            return LedgerDecider.deniedWithoutRules(engine, rules, request, Reason.engineError(
                    LedgerDecider.bounded(e.getClass().getSimpleName() + ": " + e.getMessage())), start);
        }
    }

    private void checkDeadline(long deadline) throws DeadlineExceeded {
        if (System.nanoTime() - deadline > 0) {
            throw new DeadlineExceeded("the decision took longer than its deadline of " + limits.decisionTimeout()
                    + " (decisionTimeout); rolled back");
        }
    }

    /** {@code pid@host}, which names the process in logs and in {@code cg_attempt.decided_by}. */
    private static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                // No name for this host: the pid alone still tells the instances of one machine apart.
                LOG.debug("No host name for the ledger's instance id ({})", e.toString());
                host = "unknown-host";
            }
        }
        String id = ProcessHandle.current().pid() + "@" + host;
        return id.length() > LedgerInput.MAX_ID_LENGTH ? id.substring(0, LedgerInput.MAX_ID_LENGTH) : id;
    }

    /** What went wrong, in the words a caller and an operator need. */
    private String describe(SQLException e) {
        if (e instanceof DeadlineExceeded) {
            return e.getMessage();
        }
        String state = e.getSQLState();
        String kind = dialect.isTimeout(e) ? "timed out waiting for the debtor's lock or the database"
                : e instanceof SQLTransientConnectionException ? "timed out waiting for a database connection"
                : state != null && (state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))
                        ? "the database closed the connection (shut down, restarting, or ended by an administrator)"
                : state != null && state.equals("25P03") ? "the database ended a transaction that stalled"
                : e.getSQLState() != null && e.getSQLState().startsWith("08") ? "cannot reach the database"
                : "database error";
        return kind + " (SQLState " + e.getSQLState() + "): " + e.getMessage();
    }

    @Override
    public long record(String debtorId, ContactAttempt attempt) {
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(attempt, "attempt");
        LedgerInput.checkAttempt(debtorId, "debtorId", attempt, "attempt");
        List<String> accounts = new ArrayList<>(new TreeSet<>(attempt.accountIds()));
        try {
            return inTransaction((connection, now) -> {
                lock(connection, debtorId, accounts);
                return AttemptRows.insert(connection, debtorId, attempt, null, instanceId, null);
            });
        } catch (SQLException e) {
            throw new LedgerUnavailableException("could not record an attempt of debtor " + debtorId + ": "
                    + LedgerDecider.bounded(describe(e)), e);
        }
    }

    @Override
    public boolean updateOutcome(long attemptId, Outcome outcome, boolean messageLeft) {
        Objects.requireNonNull(outcome, "outcome");
        if (messageLeft && outcome != Outcome.VOICEMAIL) {
            throw new InvalidInputException("messageLeft", "may only be true when outcome is VOICEMAIL");
        }
        String refused;
        try {
            // No debtor lock: only a reservation (outcome NULL, counted as placed and connected) is
            // updated, so the update can only lower what the caps count, and the row's own lock makes
            // two updates of one reservation take effect once.
            refused = inTransaction((connection, now) -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE cg_attempt SET outcome = ?, "
                        + "message_left = ?, outcome_at = CURRENT_TIMESTAMP WHERE attempt_id = ? AND outcome IS NULL")) {
                    update.setString(1, outcome.name());
                    update.setBoolean(2, messageLeft);
                    update.setLong(3, attemptId);
                    if (update.executeUpdate() == 1) {
                        return null;
                    }
                }
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT outcome, message_left FROM cg_attempt WHERE attempt_id = ?")) {
                    query.setLong(1, attemptId);
                    try (ResultSet rs = query.executeQuery()) {
                        if (!rs.next()) {
                            throw new NoSuchElementException("no attempt with id " + attemptId + " in the ledger");
                        }
                        return rs.getString(1) + (rs.getBoolean(2) ? " (message left)" : "");
                    }
                }
            });
        } catch (SQLException e) {
            throw new LedgerUnavailableException("could not update attempt " + attemptId + ": "
                    + LedgerDecider.bounded(describe(e)), e);
        }
        if (refused == null) {
            return true;
        }
        String asked = outcome.name() + (messageLeft ? " (message left)" : "");
        if (refused.equals(asked)) {
            return false;
        }
        throw new OutcomeConflictException(attemptId, refused, asked);
    }

    @Override
    public List<RecordedAttempt> history(String debtorId, Instant from, Instant until) {
        Objects.requireNonNull(debtorId, "debtorId");
        try {
            return inTransaction((connection, now) -> {
                try (PreparedStatement query = connection.prepareStatement(AttemptRows.SELECT_RANGE)) {
                    query.setString(1, debtorId);
                    query.setObject(2, AttemptRows.timestamp(clamp(from)));
                    query.setObject(3, AttemptRows.timestamp(clamp(until)));
                    try (ResultSet rs = query.executeQuery()) {
                        return AttemptRows.attempts(AttemptRows.read(rs, Integer.MAX_VALUE));
                    }
                }
            });
        } catch (SQLException e) {
            throw new LedgerUnavailableException("could not read the history of debtor " + debtorId + ": "
                    + LedgerDecider.bounded(describe(e)), e);
        }
    }

    @Override
    public List<PendingReservation> pending(Duration olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        try {
            return inTransaction((connection, now) -> {
                try (PreparedStatement query = connection.prepareStatement(AttemptRows.SELECT_PENDING)) {
                    query.setObject(1, AttemptRows.timestamp(clamp(now.minus(olderThan))));
                    try (ResultSet rs = query.executeQuery()) {
                        List<PendingReservation> pending = new ArrayList<>();
                        for (AttemptRows.Stored row : AttemptRows.read(rs, Integer.MAX_VALUE)) {
                            pending.add(new PendingReservation(row.recorded(), row.requestId(), row.decidedBy(),
                                    row.recordedAt()));
                        }
                        return pending;
                    }
                }
            });
        } catch (SQLException e) {
            throw new LedgerUnavailableException("could not list pending reservations: "
                    + LedgerDecider.bounded(describe(e)), e);
        }
    }

    /** Databases store years 1 to 9999 at most; Instant.MIN/MAX and the like mean "no bound". */
    private static Instant clamp(Instant at) {
        return at.isBefore(LedgerInput.EARLIEST) ? LedgerInput.EARLIEST
                : at.isAfter(LedgerInput.LATEST) ? LedgerInput.LATEST : at;
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        long purged = 0;
        try {
            while (true) {
                int deleted = inTransaction((connection, now) -> {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM cg_attempt WHERE attempt_id "
                            + "IN (SELECT attempt_id FROM cg_attempt WHERE attempted_at < ? ORDER BY attempted_at "
                            + "FETCH FIRST " + PURGE_BATCH + " ROWS ONLY)")) {
                        delete.setObject(1, AttemptRows.timestamp(clamp(cutoff)));
                        return delete.executeUpdate();
                    }
                });
                purged += deleted;
                if (deleted < PURGE_BATCH) {
                    LOG.info("Purged {} contact attempts before {}", purged, cutoff);
                    return purged;
                }
            }
        } catch (SQLException e) {
            throw new LedgerUnavailableException("purge stopped after " + purged + " attempts: "
                    + LedgerDecider.bounded(describe(e)), e);
        }
    }

    /**
     * Deletes the attempts older than {@link #historyWindow()} before {@code now} or before the
     * database's clock, whichever is earlier: a caller whose clock runs ahead cannot purge history that
     * decisions still need.
     */
    @Override
    public long purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        Instant databaseNow;
        try {
            databaseNow = inTransaction((connection, at) -> at);
        } catch (SQLException e) {
            throw new LedgerUnavailableException("could not read the database's clock to purge: "
                    + LedgerDecider.bounded(describe(e)), e);
        }
        Instant earlier = now.isBefore(databaseNow) ? now : databaseNow;
        return purgeBefore(earlier.minus(historyWindow()));
    }

    @Override
    public Duration historyWindow() {
        return LedgerDecider.historyWindow(engine.rules(), limits.historyWindow());
    }

    /** Closes the connection pool the ledger opened; a data source given to the builder is left open. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    /**
     * Configures a {@link JdbcContactLedger}: either a JDBC URL (the ledger opens its own HikariCP pool)
     * or a {@link DataSource} the application already pools.
     */
    public static final class Builder {
        private final ComplianceEngine engine;
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private int poolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(2);
        private Duration lockTimeout = Duration.ofSeconds(2);
        private Duration statementTimeout = Duration.ofSeconds(5);
        private Duration historyWindow;
        private Duration maxClockSkew = LedgerLimits.DEFAULT_MAX_CLOCK_SKEW;
        private Duration pendingExpiry = LedgerLimits.DEFAULT_PENDING_EXPIRY;
        private int maxHistory = LedgerLimits.DEFAULT_MAX_HISTORY;
        private int maxAccounts = LedgerLimits.DEFAULT_MAX_ACCOUNTS;
        private Duration decisionTimeout = LedgerLimits.DEFAULT_DECISION_TIMEOUT;
        private String instanceId;
        private boolean migrate = true;

        private Builder(ComplianceEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** {@code jdbc:postgresql://host:5432/db} or {@code jdbc:h2:file:/path/ledger} (or {@code jdbc:h2:mem:name}). */
        public Builder url(String jdbcUrl) {
            this.url = Objects.requireNonNull(jdbcUrl, "url");
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Uses the application's pool instead of opening one; timeouts other than lock and statement are then its own. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** Connections in the ledger's own pool; default 10. */
        public Builder poolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, was " + size);
            }
            this.poolSize = size;
            return this;
        }

        /**
         * How long a decision waits for a connection from the ledger's own pool (also bounds connecting to
         * an unreachable database); default 2 s, at least 250 ms (HikariCP's minimum).
         */
        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = atLeast(timeout, Duration.ofMillis(250), "connectionTimeout");
            return this;
        }

        /** How long a decision waits for another decision about the same debtor to finish; default 2 s. */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = atLeast(timeout, Duration.ofMillis(1), "lockTimeout");
            return this;
        }

        /** How long any one statement may run; default 5 s. */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = atLeast(timeout, Duration.ofMillis(1), "statementTimeout");
            return this;
        }

        /**
         * How far back decisions load history; default: the engine's longest pack window plus two days.
         * Set it when a pack reads history further back than any of its duration parameters.
         */
        public Builder historyWindow(Duration window) {
            this.historyWindow = atLeast(window, Duration.ZERO, "historyWindow");
            return this;
        }

        /**
         * How far {@code action.at} may lie ahead of or behind the database's clock; default 5 minutes.
         * A request beyond it is denied {@code INPUT-INVALID} naming {@code action.at}: a dialer whose
         * clock runs days ahead would otherwise find today's calls outside its windows. Replaying
         * past requests (tests, the command line on recorded files) needs a larger bound.
         */
        public Builder maxClockSkew(Duration skew) {
            this.maxClockSkew = atLeast(skew, Duration.ZERO, "maxClockSkew");
            return this;
        }

        /**
         * How long after its moment a reservation whose outcome never arrived (the dialer crashed
         * between decision and dial) still counts as a possible conversation; default 2 hours. After
         * that it counts as an attempt that was not a conversation. See {@link ContactLedger#pending}.
         */
        public Builder pendingExpiry(Duration expiry) {
            this.pendingExpiry = atLeast(expiry, Duration.ZERO, "pendingExpiry");
            return this;
        }

        /**
         * The most attempts one decision loads (the debtor's and its accounts' within the history
         * window); default 10,000. A debtor with more is denied {@code LEDGER-UNAVAILABLE}.
         */
        public Builder maxHistory(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxHistory must be at least 1, was " + attempts);
            }
            this.maxHistory = attempts;
            return this;
        }

        /** The most accounts (and third parties) one request may hold; default 100. */
        public Builder maxAccounts(int accounts) {
            if (accounts < 1) {
                throw new IllegalArgumentException("maxAccounts must be at least 1, was " + accounts);
            }
            this.maxAccounts = accounts;
            return this;
        }

        /**
         * The longest a decision may take from its start to its commit; default 10 s. A decision that
         * takes longer is rolled back and denied {@code LEDGER-UNAVAILABLE}. On PostgreSQL it is also the
         * {@code idle_in_transaction_session_timeout} of the ledger's transactions, so the server ends a
         * transaction whose process stalled and releases the debtor's lock.
         */
        public Builder decisionTimeout(Duration timeout) {
            this.decisionTimeout = atLeast(timeout, Duration.ofMillis(1), "decisionTimeout");
            return this;
        }

        /**
         * The name of this process stored with each attempt it records ({@code decided_by}), to trace
         * a reservation whose outcome never arrived; default {@code pid@host}; at most 255 characters.
         */
        public Builder instanceId(String id) {
            LedgerInput.text(Objects.requireNonNull(id, "instanceId"), "instanceId", LedgerInput.MAX_ID_LENGTH);
            this.instanceId = id;
            return this;
        }

        /**
         * Whether to create or upgrade the schema at start (default true: the user needs the right to
         * create tables). When false, the schema must already be at the current version.
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        private static Duration atLeast(Duration value, Duration minimum, String name) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(minimum) < 0) {
                throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
            }
            return value;
        }

        /**
         * Opens the pool, checks the database and migrates the schema.
         *
         * @throws LedgerUnavailableException when the database cannot be reached or its schema is not usable
         */
        public JdbcContactLedger build() {
            if ((url == null) == (dataSource == null)) {
                throw new IllegalStateException("give either url(...) or dataSource(...)");
            }
            HikariDataSource pool;
            try {
                pool = dataSource == null ? JdbcLedgerPool.open(url, user, password, poolSize, connectionTimeout,
                        statementTimeout) : null;
            } catch (RuntimeException e) {
                // HikariCP's PoolInitializationException: the database could not be reached at all.
                throw new LedgerUnavailableException("cannot open the contact ledger at " + url + ": " + e.getMessage(),
                        e);
            }
            DataSource source = pool != null ? pool : dataSource;
            try (Connection connection = source.getConnection()) {
                SqlDialect dialect = SqlDialect.of(connection);
                dialect.makeCommitsDurable(connection);
                if (migrate) {
                    LedgerSchema.migrate(connection, dialect);
                } else {
                    int version;
                    try {
                        version = LedgerSchema.version(connection);
                    } catch (SQLException e) {
                        throw new SQLException("no ledger schema found (" + e.getMessage() + "); apply "
                                + LedgerSchema.SCRIPTS + " or build with migrate(true)", e);
                    }
                    if (version < LedgerSchema.LATEST) {
                        throw new SQLException("the ledger schema is at version " + version + ", this library needs "
                                + LedgerSchema.LATEST + "; apply " + LedgerSchema.SCRIPTS + " or build with migrate(true)");
                    }
                }
                return new JdbcContactLedger(this, source, pool, dialect);
            } catch (SQLException e) {
                if (pool != null) {
                    pool.close();
                }
                throw new LedgerUnavailableException("cannot open the contact ledger at "
                        + (url != null ? url : "the given data source") + ": " + e.getMessage(), e);
            }
        }
    }
}
