package org.contactguard.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The versioned schema: applied once however often and by however many processes, and its index used. */
class LedgerSchemaTest {

    @Test
    void scriptsSplitIntoStatementsWithoutComments() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i\n    ON a (x)"),
                LedgerSchema.statements("-- a comment\nCREATE TABLE a (x INT);\n\n  -- another\nCREATE INDEX i\n    ON a (x);\n"));
        // Three tables, two indices.
        assertEquals(5, LedgerSchema.statements(LedgerSchema.read("V1__contact_ledger.sql")).size());
    }

    @Test
    void openingALedgerTwiceMigratesOnce() throws SQLException {
        String url = "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        LedgerFixtures.jdbc().url(url).build().close();
        LedgerFixtures.jdbc().url(url).build().close();

        try (Connection c = LedgerChecks.connect(url, null, null)) {
            assertEquals(List.of("1 V1__contact_ledger.sql", "2 V2__accounts_requests.sql", "3 V3__prerecorded.sql"), versions(c));
        }
    }

    @Test
    void aLedgerThatMayNotMigrateRefusesAnEmptyDatabase() {
        String url = "jdbc:h2:mem:empty-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        LedgerUnavailableException e = assertThrows(LedgerUnavailableException.class,
                () -> LedgerFixtures.jdbc().url(url).migrate(false).build());

        assertTrue(e.getMessage().contains("V1__contact_ledger.sql"), e.getMessage());
    }

    @Test
    void postgresProcessesStartingAtOnceOnAFreshDatabaseMigrateItOnce() throws Exception {
        TestPostgres.assumeAvailable();
        String database = "cg_migrate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = LedgerChecks.connect(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
            String url = TestPostgres.URL.substring(0, TestPostgres.URL.lastIndexOf('/') + 1) + database;
            try {
                ExecutorService starters = Executors.newFixedThreadPool(4);
                try {
                    List<Future<Void>> started = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        started.add(starters.submit((Callable<Void>) () -> {
                            LedgerFixtures.jdbc().url(url).user(TestPostgres.USER)
                                    .password(TestPostgres.PASSWORD).build().close();
                            return null;
                        }));
                    }
                    for (Future<Void> f : started) {
                        f.get();
                    }
                } finally {
                    starters.shutdown();
                }
                try (Connection c = LedgerChecks.connect(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
                    assertEquals(List.of("1 V1__contact_ledger.sql", "2 V2__accounts_requests.sql", "3 V3__prerecorded.sql"), versions(c));
                }
            } finally {
                sql.execute("DROP DATABASE " + database);
            }
        }
    }

    @Test
    void postgresLooksUpADebtorsWindowThroughTheDebtorAndTimeIndexAndItsAccountsThroughTheAccountIndex() throws Exception {
        TestPostgres.assumeAvailable();
        TestPostgres.ledger().build().close();
        try (Connection c = LedgerChecks.connect(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD)) {
            c.setAutoCommit(false);
            try (Statement sql = c.createStatement()) {
                // The test table is small, where a scan is cheapest; with scans priced out the planner
                // shows which index the query can use, as it would choose on a table of 100M rows.
                sql.execute("SET LOCAL enable_seqscan = off");
                sql.execute("SET LOCAL enable_bitmapscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + AttemptRows.selectAfter(1))) {
                explain.setString(1, "D-1");
                explain.setObject(2, AttemptRows.timestamp(LedgerFixtures.NOON_IN_NEW_YORK));
                explain.setString(3, "A-1");
                explain.setObject(4, AttemptRows.timestamp(LedgerFixtures.NOON_IN_NEW_YORK));
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();
            // On a table this small either index leading with debtor_id is as cheap as the other; with
            // cg_attempt_debtor_at the time bound joins the condition, so its parentheses nest once more.
            assertTrue(plan.toString().matches("(?s).*using cg_attempt_debtor_(at|request) on cg_attempt d.*"
                    + "Index Cond: \\(+\\(debtor_id\\)::text = 'D-1'::text\\).*"), plan::toString);
            assertTrue(plan.toString().contains("using cg_attempt_account_id on cg_attempt_account"), plan::toString);
        }
    }

    private static List<String> versions(Connection c) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement sql = c.createStatement();
                ResultSet rs = sql.executeQuery("SELECT version, description FROM cg_schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return versions;
    }
}
