package org.contactguard.core.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit table's schema as numbered SQL scripts ({@code db/V<n>__<name>.sql} next to this class),
 * applied in order at start and recorded in {@code cg_audit_schema_version}: the contact ledger's
 * way, with a version table of its own so the two schemas evolve apart in one database.
 */
final class AuditSchema {

    /** Script names in version order; version n is element n-1. */
    static final List<String> SCRIPTS = List.of("V1__decision_audit.sql", "V2__history_entries.sql");
    static final int LATEST = SCRIPTS.size();
    /** Arbitrary constant, not the ledger's: the advisory lock serialising audit migrations on PostgreSQL. */
    static final long MIGRATION_LOCK_KEY = 0x4347417564697431L;

    private static final Logger LOG = LoggerFactory.getLogger(AuditSchema.class);

    private AuditSchema() {
    }

    /** Whether {@code connection} is to PostgreSQL (else H2, the other database the scripts run on). */
    static boolean isPostgres(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return true;
        }
        if (product.contains("h2")) {
            return false;
        }
        throw new SQLException("the JDBC audit sink supports PostgreSQL and H2, not " + product);
    }

    /** Applies the scripts the database does not have yet; safe when several processes start at once. */
    static void migrate(Connection connection) throws SQLException {
        boolean postgres = isPostgres(connection);
        for (int attempt = 1;; attempt++) {
            connection.setAutoCommit(false);
            try {
                if (postgres) {
                    try (Statement lock = connection.createStatement()) {
                        lock.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK_KEY + ")");
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE IF NOT EXISTS cg_audit_schema_version (version INTEGER PRIMARY KEY, "
                            + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                }
                int found = version(connection);
                refuseNewer(found);
                for (int v = found + 1; v <= LATEST; v++) {
                    String script = SCRIPTS.get(v - 1);
                    try (Statement statement = connection.createStatement()) {
                        for (String sql : statements(read(script))) {
                            statement.execute(sql);
                        }
                    }
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO cg_audit_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                        insert.setInt(1, v);
                        insert.setString(2, script);
                        insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                    LOG.info("Decision audit schema migrated to version {} ({})", v, script);
                }
                connection.commit();
                return;
            } catch (SQLException e) {
                connection.rollback();
                // H2 runs DDL outside the transaction: another process recorded the version first. Once more.
                if (attempt >= 2 || !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Refuses a schema a newer library made: it may keep records in a form this one reads wrongly
     * (version 2 moved history entries out of the request; a library without it would show the
     * requests without their history).
     *
     * @throws SQLException when {@code version} is above {@link #LATEST}
     */
    static void refuseNewer(int version) throws SQLException {
        if (version > LATEST) {
            throw new SQLException("the audit schema is at version " + version + ", newer than this library's "
                    + LATEST + ": a newer Contactguard wrote it; use that version or a later one");
        }
    }

    /** The highest version recorded, 0 when none. */
    static int version(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT COALESCE(MAX(version), 0) FROM cg_audit_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String read(String name) {
        try (InputStream in = AuditSchema.class.getResourceAsStream("db/" + name)) {
            if (in == null) {
                throw new IllegalStateException("audit schema script db/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of a script: {@code --} comment lines dropped, split at semicolons ending a line. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }
}
