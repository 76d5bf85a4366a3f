package org.contactguard.core.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/** What differs between the databases the JDBC ledger runs on. */
enum SqlDialect {

    POSTGRESQL {
        @Override
        Instant begin(Connection connection, Duration lockTimeout, Duration statementTimeout, Duration idleTimeout)
                throws SQLException {
            // Transaction-scoped (is_local = true): they end with the transaction, so a pooled connection
            // handed to other code keeps its own settings. The idle timeout makes the server end a
            // transaction whose client stalled (a paused JVM, a lost network) and so release its locks.
            try (PreparedStatement set = connection.prepareStatement(
                    "SELECT set_config('lock_timeout', ?, true), set_config('statement_timeout', ?, true), "
                            + "set_config('idle_in_transaction_session_timeout', ?, true), CURRENT_TIMESTAMP")) {
                set.setString(1, lockTimeout.toMillis() + "ms");
                set.setString(2, statementTimeout.toMillis() + "ms");
                set.setString(3, idleTimeout.toMillis() + "ms");
                return now(set, 4);
            }
        }

        @Override
        String insertKey(String table, String column) {
            return "INSERT INTO " + table + " (" + column + ") VALUES (?) ON CONFLICT DO NOTHING";
        }

        @Override
        boolean isTimeout(SQLException e) {
            // 55P03 lock_not_available (lock_timeout), 57014 query_canceled (statement_timeout).
            return "55P03".equals(e.getSQLState()) || "57014".equals(e.getSQLState());
        }

        @Override
        boolean isRetryable(SQLException e) {
            // 40001 serialization_failure, 40P01 deadlock_detected.
            return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
        }

        @Override
        void makeCommitsDurable(Connection connection) {
            // PostgreSQL writes its WAL at commit (synchronous_commit, on by default): nothing to do.
        }

        @Override
        void lockMigrations(Connection connection) throws SQLException {
            // Two processes starting at once must not both migrate; released at commit.
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK_KEY + ")");
            }
        }
    },

    H2 {
        @Override
        Instant begin(Connection connection, Duration lockTimeout, Duration statementTimeout, Duration idleTimeout)
                throws SQLException {
            // Session settings, set again at the start of every transaction (the values are numbers we
            // computed, so building the text is safe). H2's query timeout does not interrupt a lock
            // wait, so the lock wait is bounded by the shorter of the two. H2 has no idle-in-transaction
            // timeout: a stalled client keeps its locks until its connection closes.
            try (Statement set = connection.createStatement()) {
                set.execute("SET LOCK_TIMEOUT " + Math.min(lockTimeout.toMillis(), statementTimeout.toMillis()));
                set.execute("SET QUERY_TIMEOUT " + statementTimeout.toMillis());
            }
            try (PreparedStatement now = connection.prepareStatement("SELECT CURRENT_TIMESTAMP")) {
                return now(now, 1);
            }
        }

        @Override
        String insertKey(String table, String column) {
            // A concurrent insert of the same new key fails with 23505; the transaction is retried.
            return "INSERT INTO " + table + " (" + column + ") VALUES (?)";
        }

        @Override
        boolean isTimeout(SQLException e) {
            // 50200 LOCK_TIMEOUT_1, 57014 STATEMENT_WAS_CANCELED.
            return e.getErrorCode() == 50200 || "57014".equals(e.getSQLState());
        }

        @Override
        boolean isRetryable(SQLException e) {
            // 23505 duplicate key (two first decisions for one debtor), 40001 deadlock,
            // 90131 concurrent update of one row.
            return "23505".equals(e.getSQLState()) || "40001".equals(e.getSQLState()) || e.getErrorCode() == 90131;
        }

        @Override
        void makeCommitsDurable(Connection connection) throws SQLException {
            // H2's MVStore has no write-ahead log: by default a background thread writes committed
            // changes to the file every 500 ms, so a process killed in between loses commits it already
            // acknowledged (the crash test sees exactly that). WRITE_DELAY 0 writes the store at every
            // commit. The setting is persistent and needs the admin rights the creator of a database has.
            try (Statement set = connection.createStatement()) {
                set.execute("SET WRITE_DELAY 0");
            }
        }

        @Override
        void lockMigrations(Connection connection) {
            // H2 runs DDL one statement at a time under its own exclusive lock; the scripts are
            // idempotent and a second process recording the same version is caught by its primary key.
        }
    };

    /** Arbitrary constant: the advisory lock key that serialises schema migrations on PostgreSQL. */
    static final long MIGRATION_LOCK_KEY = 0x436f6e7447756172L;

    /**
     * Sets the lock, statement and (where the database has one) idle-in-transaction timeouts for the
     * transaction just begun, and returns the database's clock at its start.
     */
    abstract Instant begin(Connection connection, Duration lockTimeout, Duration statementTimeout,
            Duration idleTimeout) throws SQLException;

    /** Inserts a row holding only a key ({@code cg_debtor}, {@code cg_account}); on PostgreSQL a no-op if it exists. */
    abstract String insertKey(String table, String column);

    /**
     * Whether the connection that raised {@code e} is still sound: a timeout, a conflict, or a
     * problem with the data of the statement (SQLState classes 22 and 23) says nothing against it.
     */
    boolean keepsConnection(SQLException e) {
        String state = e.getSQLState();
        return isTimeout(e) || isRetryable(e) || e instanceof SQLTimeoutException
                || (state != null && (state.startsWith("22") || state.startsWith("23")));
    }

    private static Instant now(PreparedStatement query, int column) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the database did not return its clock");
            }
            return rs.getObject(column, OffsetDateTime.class).toInstant();
        }
    }

    /** Whether {@code e} is a lock or statement timeout. */
    abstract boolean isTimeout(SQLException e);

    /** Whether {@code e} is a conflict between transactions that trying again resolves. */
    abstract boolean isRetryable(SQLException e);

    /** Makes every commit reach the database's files before it returns, for a process crash. */
    abstract void makeCommitsDurable(Connection connection) throws SQLException;

    /** Takes the lock that keeps two processes from migrating at once, until the transaction ends. */
    abstract void lockMigrations(Connection connection) throws SQLException;

    /** The dialect of the database {@code connection} is connected to. */
    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new SQLException("the contact ledger supports PostgreSQL and H2, not " + product);
    }
}
