package org.contactguard.core.ledger;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's schema as numbered SQL scripts ({@code db/V<n>__<name>.sql} next to this class), applied
 * in order at start and recorded in {@code cg_schema_version}. Plain versioned SQL rather than a
 * migration library: the schema is three tables, the scripts run unchanged on PostgreSQL and H2, and
 * a DBA can read and apply them by hand.
 */
final class LedgerSchema {

    /** Script names in version order; version n is element n-1. */
    static final List<String> SCRIPTS = List.of("V1__contact_ledger.sql", "V2__accounts_requests.sql",
            "V3__prerecorded.sql");
    static final int LATEST = SCRIPTS.size();

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSchema.class);

    private LedgerSchema() {
    }

    /** Applies the scripts the database does not have yet; safe when several processes start at once. */
    static void migrate(Connection connection, SqlDialect dialect) throws SQLException {
        for (int attempt = 1;; attempt++) {
            connection.setAutoCommit(false);
            try {
                dialect.lockMigrations(connection);
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE IF NOT EXISTS cg_schema_version (version INTEGER PRIMARY KEY, "
                            + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                }
                int current = version(connection);
                for (int v = current + 1; v <= LATEST; v++) {
                    String script = SCRIPTS.get(v - 1);
                    try (Statement statement = connection.createStatement()) {
                        for (String sql : statements(read(script))) {
                            statement.execute(sql);
                        }
                    }
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO cg_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                        insert.setInt(1, v);
                        insert.setString(2, script);
                        insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                    LOG.info("Contact ledger schema migrated to version {} ({})", v, script);
                }
                connection.commit();
                return;
            } catch (SQLException e) {
                connection.rollback();
                // Another process recorded the same version first (H2, where DDL is not transactional):
                // look again, at most once.
                if (attempt >= 2 || !dialect.isRetryable(e)) {
                    throw e;
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** The highest version recorded, 0 when none (or no version table). */
    static int version(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT COALESCE(MAX(version), 0) FROM cg_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The text of script {@code name}. */
    static String read(String name) {
        try (InputStream in = LedgerSchema.class.getResourceAsStream("db/" + name)) {
            if (in == null) {
                throw new IllegalStateException("ledger schema script db/" + name + " is missing from the jar");
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
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
