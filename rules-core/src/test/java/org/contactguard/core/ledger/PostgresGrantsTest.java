package org.contactguard.core.ledger;

import static org.contactguard.core.ledger.LedgerFixtures.NOON_IN_NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.contactguard.core.model.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "Running against your PostgreSQL": a role with exactly the grants it lists can run a
 * ledger built with {@code migrate(false)}, and without them it cannot.
 */
class PostgresGrantsTest {

    /** The grants as the README lists them, for role {@code cg_app}. */
    static final String[] README_GRANTS = {
        "GRANT SELECT, INSERT, UPDATE, DELETE ON cg_debtor, cg_account, cg_attempt, cg_attempt_account TO cg_app",
        "GRANT SELECT ON cg_schema_version TO cg_app",
        "GRANT USAGE ON SEQUENCE cg_attempt_attempt_id_seq TO cg_app",
    };

    @BeforeAll
    static void needsPostgres() {
        TestPostgres.assumeAvailable();
    }

    @Test
    void aRoleWithTheReadmeGrantsRunsAnUnmigratingLedger() throws Exception {
        TestPostgres.ledger().build().close(); // the schema, created by the owner
        String role = "cg_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = UUID.randomUUID().toString();
        try (Connection owner = LedgerChecks.connect(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD);
                Statement sql = owner.createStatement()) {
            sql.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            try {
                for (String grant : README_GRANTS) {
                    sql.execute(grant.replace("cg_app", role));
                }
                String debtor = "grants-" + UUID.randomUUID();
                try (JdbcContactLedger ledger = LedgerFixtures.jdbc().url(TestPostgres.URL)
                        .user(role).password(password).migrate(false).build()) {
                    LedgerDecision d = ledger.decideAndRecord(LedgerFixtures.call(debtor, "A1", NOON_IN_NEW_YORK));
                    assertTrue(d.decision().isAllowed(), d.decision()::toString);
                    ledger.updateOutcome(d.attemptId().getAsLong(), Outcome.NO_ANSWER, false);
                    assertEquals(1, ledger.history(debtor, Instant.EPOCH, Instant.MAX).size());
                    ledger.purgeBefore(Instant.parse("2000-01-01T00:00:00Z"));
                }
                // Without its grants the role cannot even open the ledger.
                sql.execute("REVOKE SELECT ON cg_schema_version FROM " + role);
                assertThrows(LedgerUnavailableException.class, () -> LedgerFixtures.jdbc()
                        .url(TestPostgres.URL).user(role).password(password).migrate(false).build());
            } finally {
                dropRole(sql, role);
            }
        }
    }

    private static void dropRole(Statement sql, String role) throws SQLException {
        sql.execute("DROP OWNED BY " + role);
        sql.execute("DROP ROLE " + role);
    }
}
