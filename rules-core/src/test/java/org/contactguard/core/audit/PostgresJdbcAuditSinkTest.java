package org.contactguard.core.audit;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The JDBC audit sink on a real PostgreSQL: {@code CONTACTGUARD_TEST_PG_URL} (plus {@code _USER},
 * {@code _PASSWORD}) as {@code .ci/postgres.sh start} prints them. Skipped loudly without one, failed
 * without one when {@code CONTACTGUARD_TEST_PG_REQUIRED} or {@code CI} is true.
 */
class PostgresJdbcAuditSinkTest extends JdbcAuditSinkContract {

    private static final String URL = System.getenv("CONTACTGUARD_TEST_PG_URL");
    private static final String USER = System.getenv("CONTACTGUARD_TEST_PG_USER");
    private static final String PASSWORD = System.getenv("CONTACTGUARD_TEST_PG_PASSWORD");

    @BeforeEach
    void emptyDatabase() throws SQLException {
        if (URL == null || URL.isBlank()) {
            String message = "CONTACTGUARD_TEST_PG_URL is not set: the PostgreSQL audit tests are NOT RUN";
            if ("true".equals(System.getenv("CONTACTGUARD_TEST_PG_REQUIRED")) || "true".equals(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("\n*** " + message + " ***\n");
            Assumptions.abort(message);
        }
        // The ledger tests share this database: only the tables these tests own, and the ledger's
        // attempts of the debtors they use, are cleared.
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS cg_audit");
            s.execute("DROP TABLE IF EXISTS cg_audit_away");
            s.execute("DROP TABLE IF EXISTS cg_audit_history_entry");
            s.execute("DROP TABLE IF EXISTS cg_audit_schema_version");
            s.execute("DO $$ BEGIN IF to_regclass('cg_attempt') IS NOT NULL THEN "
                    + "DELETE FROM cg_attempt WHERE debtor_id = 'D1'; DELETE FROM cg_debtor WHERE debtor_id = 'D1'; "
                    + "END IF; END $$");
        }
    }

    @Override
    String url() {
        return URL;
    }

    @Override
    String user() {
        return USER;
    }

    @Override
    String password() {
        return PASSWORD;
    }
}
