package org.contactguard.core.ledger;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
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
 * One transaction at READ COMMITTED: set the lock and statement timeouts; {@code SELECT ... FOR UPDATE}
 * the debtor's row (inserting it first if this is the debtor's first decision); load the debtor's
 * attempts within {@link #historyWindow()}; decide; if allowed insert the reserved attempt; commit.
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
    private final Duration configuredWindow;
    private final Duration lockTimeout;
    private final Duration statementTimeout;
    /** Whether the last decision found the ledger unavailable: an outage is logged once, not per decision. */
    private final AtomicBoolean unavailable = new AtomicBoolean();

    private JdbcContactLedger(Builder b, DataSource dataSource, HikariDataSource ownedPool, SqlDialect dialect) {
        this.engine = b.engine;
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.configuredWindow = b.historyWindow;
        this.lockTimeout = b.lockTimeout;
        this.statementTimeout = b.statementTimeout;
    }

    /** Starts configuring a ledger that decides with {@code engine}. */
    public static Builder builder(ComplianceEngine engine) {
        return new Builder(engine);
    }

    /** Work done in one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
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
                    dialect.setTimeouts(connection, lockTimeout, statementTimeout);
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(connection);
                    SQLException failure = e instanceof WrappedSqlException w ? w.getCause()
                            : e instanceof SQLException q ? q : null;
                    if (failure != null && !dialect.isTimeout(failure) && !dialect.isRetryable(failure)
                            && ownedPool != null) {
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

    /** Locks the debtor's row until the transaction ends, creating it on the debtor's first contact. */
    private void lockDebtor(Connection connection, String debtorId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT debtor_id FROM cg_debtor WHERE debtor_id = ? FOR UPDATE")) {
            lock.setString(1, debtorId);
            try (ResultSet rs = lock.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(dialect.insertDebtor())) {
                insert.setString(1, debtorId);
                insert.executeUpdate();
            }
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("debtor row " + debtorId + " vanished while being locked");
                }
            }
        }
    }

    private static List<RecordedAttempt> loadAfter(Connection connection, String debtorId, Instant start)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(AttemptRows.SELECT_AFTER)) {
            query.setString(1, debtorId);
            query.setObject(2, AttemptRows.timestamp(start));
            try (ResultSet rs = query.executeQuery()) {
                return AttemptRows.read(rs);
            }
        }
    }

    @Override
    public LedgerDecision decideAndRecord(DecisionRequest request) {
        if (request == null) {
            return LedgerDecision.denied(engine.decide(null));
        }
        long start = System.nanoTime();
        String debtorId = request.debtor().id();
        try {
            AttemptRows.checkFits(debtorId, "debtor.id", LedgerDecider.reservation(request), "action");
        } catch (InvalidInputException e) {
            return LedgerDecider.deniedWithoutRules(engine, request, Reason.inputInvalid(e.field(), e.problem()), start);
        }
        Duration window = historyWindow();
        try {
            LedgerDecision result = inTransaction(connection -> {
                lockDebtor(connection, debtorId);
                LedgerDecision decision = LedgerDecider.decide(engine, window, request,
                        new LedgerDecider.DebtorTransaction() {
                            @Override
                            public List<RecordedAttempt> loadAfter(Instant start) {
                                try {
                                    return JdbcContactLedger.loadAfter(connection, debtorId, start);
                                } catch (SQLException e) {
                                    throw new WrappedSqlException(e);
                                }
                            }

                            @Override
                            public long reserve(ContactAttempt attempt) {
                                try {
                                    return AttemptRows.insert(connection, debtorId, attempt);
                                } catch (SQLException e) {
                                    throw new WrappedSqlException(e);
                                }
                            }

                            @Override
                            public Decision decide(ComplianceEngine rules, DecisionRequest decided) {
                                // The audit trail may write its record here, committed with the reservation.
                                return rules.decide(decided, connection);
                            }
                        });
                if (!decision.decision().isAllowed()) {
                    // Nothing to keep; the rollback also drops a debtor row created just now.
                    connection.rollback();
                }
                return decision;
            });
            if (unavailable.compareAndSet(true, false)) {
                LOG.info("Contact ledger available again");
            }
            return result;
        } catch (SQLException e) {
            String problem = describe(e);
            if (unavailable.compareAndSet(false, true)) {
                LOG.warn("Contact ledger unavailable deciding request {} for debtor {}; denied: {} (further failures are "
                        + "logged at DEBUG until a decision succeeds)", request.id(), debtorId, problem);
            } else {
                LOG.debug("Contact ledger unavailable deciding request {} for debtor {}; denied: {}", request.id(),
                        debtorId, problem);
            }
            return LedgerDecider.deniedWithoutRules(engine, request, Reason.ledgerUnavailable(problem), start);
        } catch (RuntimeException e) {
            // Not a database failure (the engine itself never throws): still no ALLOW, and the cause is logged.
            LOG.error("Contact ledger failed deciding request {} for debtor {}; denied", request.id(), debtorId, e);
            return LedgerDecider.deniedWithoutRules(engine, request,
                    Reason.engineError(e.getClass().getSimpleName() + ": " + e.getMessage()), start);
        }
    }

    /** What went wrong, in the words a caller and an operator need. */
    private String describe(SQLException e) {
        String kind = dialect.isTimeout(e) ? "timed out waiting for the debtor's lock or the database"
                : e instanceof SQLTransientConnectionException ? "timed out waiting for a database connection"
                : e.getSQLState() != null && e.getSQLState().startsWith("08") ? "cannot reach the database"
                : "database error";
        return kind + " (SQLState " + e.getSQLState() + "): " + e.getMessage();
    }

    @Override
    public long record(String debtorId, ContactAttempt attempt) {
        Objects.requireNonNull(debtorId, "debtorId");
        Objects.requireNonNull(attempt, "attempt");
        AttemptRows.checkFits(debtorId, "debtorId", attempt, "attempt");
        try {
            return inTransaction(connection -> {
                lockDebtor(connection, debtorId);
                return AttemptRows.insert(connection, debtorId, attempt);
            });
        } catch (SQLException e) {
            throw new LedgerUnavailableException("could not record an attempt of debtor " + debtorId + ": "
                    + describe(e), e);
        }
    }

    @Override
    public void updateOutcome(long attemptId, Outcome outcome, boolean messageLeft) {
        Objects.requireNonNull(outcome, "outcome");
        if (messageLeft && outcome != Outcome.VOICEMAIL) {
            throw new InvalidInputException("messageLeft", "may only be true when outcome is VOICEMAIL");
        }
        int updated;
        try {
            // No debtor lock: the update touches one row, and a decision reading concurrently sees the
            // outcome before or after it, both of them states the ledger really was in.
            updated = inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE cg_attempt SET outcome = ?, "
                        + "message_left = ?, outcome_at = ? WHERE attempt_id = ?")) {
                    update.setString(1, outcome.name());
                    update.setBoolean(2, messageLeft);
                    update.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    update.setLong(4, attemptId);
                    return update.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new LedgerUnavailableException("could not update attempt " + attemptId + ": " + describe(e), e);
        }
        if (updated == 0) {
            throw new NoSuchElementException("no attempt with id " + attemptId + " in the ledger");
        }
    }

    @Override
    public List<RecordedAttempt> history(String debtorId, Instant from, Instant until) {
        Objects.requireNonNull(debtorId, "debtorId");
        try {
            return inTransaction(connection -> {
                try (PreparedStatement query = connection.prepareStatement(AttemptRows.SELECT_RANGE)) {
                    query.setString(1, debtorId);
                    query.setObject(2, AttemptRows.timestamp(clamp(from)));
                    query.setObject(3, AttemptRows.timestamp(clamp(until)));
                    try (ResultSet rs = query.executeQuery()) {
                        return AttemptRows.read(rs);
                    }
                }
            });
        } catch (SQLException e) {
            throw new LedgerUnavailableException("could not read the history of debtor " + debtorId + ": "
                    + describe(e), e);
        }
    }

    /** Databases store years 1 to 9999 at most; Instant.MIN/MAX and the like mean "no bound". */
    private static Instant clamp(Instant at) {
        Instant earliest = Instant.parse("0001-01-01T00:00:00Z");
        Instant latest = Instant.parse("9999-12-31T00:00:00Z");
        return at.isBefore(earliest) ? earliest : at.isAfter(latest) ? latest : at;
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        long purged = 0;
        try {
            while (true) {
                int deleted = inTransaction(connection -> {
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
            throw new LedgerUnavailableException("purge stopped after " + purged + " attempts: " + describe(e), e);
        }
    }

    @Override
    public Duration historyWindow() {
        return LedgerDecider.historyWindow(engine, configuredWindow);
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
