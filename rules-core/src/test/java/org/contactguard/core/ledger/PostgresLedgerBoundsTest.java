package org.contactguard.core.ledger;

import static org.contactguard.core.ledger.LedgerFixtures.MOBILE;
import static org.contactguard.core.ledger.LedgerFixtures.NOON_IN_NEW_YORK;
import static org.contactguard.core.ledger.LedgerFixtures.account;
import static org.contactguard.core.ledger.LedgerFixtures.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bounds the JDBC ledger puts on a decision, on the real PostgreSQL (issue 14, items 4, 7, 8, 11):
 * the database's clock against {@code action.at}, the decision deadline, the idle-in-transaction
 * timeout, the request and history sizes, and the clocks purging and recording trust.
 */
class PostgresLedgerBoundsTest {

    static final Duration SKEW = Duration.ofMinutes(5);

    private String debtor;

    @BeforeAll
    static void needsPostgres() {
        TestPostgres.assumeAvailable();
    }

    @BeforeEach
    void freshDebtor() {
        debtor = "bounds-" + UUID.randomUUID();
    }

    private static JdbcContactLedger.Builder ledger() {
        return JdbcContactLedger.builder(LedgerFixtures.engine()).url(TestPostgres.URL).user(TestPostgres.USER)
                .password(TestPostgres.PASSWORD);
    }

    private static Connection connect() throws SQLException {
        return LedgerChecks.connect(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD);
    }

    /** The database's clock, to the second (every moment below is at least a minute from an edge). */
    private static Instant databaseNow() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /**
     * Region zones without daylight saving at whole-hour offsets -11 to +11 (the contract takes region
     * ids only, not Etc/GMT offsets).
     */
    private static final String[] ZONE_AT_OFFSET = {"Pacific/Pago_Pago", "Pacific/Honolulu", "Pacific/Gambier",
        "Pacific/Pitcairn", "America/Phoenix", "America/Regina", "America/Bogota", "America/La_Paz",
        "America/Sao_Paulo", "America/Noronha", "Atlantic/Cape_Verde", "UTC", "Africa/Lagos", "Africa/Johannesburg",
        "Europe/Moscow", "Asia/Dubai", "Asia/Tashkent", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo",
        "Australia/Brisbane", "Pacific/Guadalcanal"};

    /**
     * A call at {@code at} to a debtor in a zone where {@code at} is about 14:00, inside the probe's
     * hours whenever the test runs.
     */
    private DecisionRequest callAt(Instant at) {
        int utcHour = at.atOffset(java.time.ZoneOffset.UTC).getHour();
        int offset = Math.max(-11, Math.floorMod(14 - utcHour + 12, 24) - 12);
        String zone = ZONE_AT_OFFSET[offset + 11];
        DecisionRequest request = call(debtor, "A1", at);
        return new DecisionRequest(request.id(), request.tenant(), request.packs(), request.collector(), request.action(),
                org.contactguard.core.model.Debtor.of(debtor, zone), request.accounts(), request.thirdParties(),
                request.history());
    }

    @Test
    void anActionEightDaysAheadOfTheDatabaseClockIsInvalidInput() throws SQLException {
        try (JdbcContactLedger ledger = ledger().maxClockSkew(SKEW).build()) {
            LedgerDecision d = ledger.decideAndRecord(callAt(databaseNow().plus(Duration.ofDays(8))));

            ContactLedgerContract.assertInvalid(d, "action.at");
            assertTrue(d.decision().reasons().get(0).message().contains("ahead of the contact ledger's clock"),
                    d.decision().reasons().get(0)::message);
        }
    }

    @Test
    void anActionBehindTheDatabaseClockBeyondTheBoundIsInvalidInput() throws SQLException {
        try (JdbcContactLedger ledger = ledger().maxClockSkew(SKEW).build()) {
            ContactLedgerContract.assertInvalid(ledger.decideAndRecord(callAt(databaseNow().minus(SKEW).minusSeconds(60))),
                    "action.at");
        }
    }

    @Test
    void anActionWithinTheBoundIsDecidedAndRecordedWithTheDatabaseClock() throws SQLException {
        Instant now = databaseNow();
        try (JdbcContactLedger ledger = ledger().maxClockSkew(SKEW).instanceId("dialer-7").build()) {
            LedgerDecision d = ledger.decideAndRecord(callAt(now.plus(SKEW).minusSeconds(60)));

            assertTrue(d.decision().isAllowed(), d.decision()::toString);
            try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                    "SELECT recorded_at, decided_by, request_id FROM cg_attempt WHERE attempt_id = ?")) {
                q.setLong(1, d.attemptId().getAsLong());
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    Instant recorded = rs.getObject(1, OffsetDateTime.class).toInstant();
                    assertTrue(Duration.between(now, recorded).abs().compareTo(Duration.ofMinutes(1)) < 0,
                            () -> "recorded_at " + recorded + " is not the database's clock " + now);
                    assertEquals("dialer-7", rs.getString(2));
                    assertEquals(callAt(now.plus(SKEW).minusSeconds(60)).id(), rs.getString(3));
                }
            }
        }
    }

    @Test
    void aDecisionThatOutlastsItsDeadlineIsRolledBackAndDenied() {
        try (JdbcContactLedger ledger = TestPostgres.ledger().decisionTimeout(Duration.ofMillis(1)).build()) {
            LedgerDecision d = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK));

            assertEquals(List.of(Reason.LEDGER_UNAVAILABLE), d.decision().ruleIds(), d.decision()::toString);
            // Whichever comes first: the ledger's own deadline, or the server ending the transaction
            // that sat idle (between two statements) longer than the same bound.
            String message = d.decision().reasons().get(0).message();
            assertTrue(message.contains("deadline") || message.contains("SQLState 25P03"), message);
        }
        try (JdbcContactLedger reader = TestPostgres.ledger().build()) {
            assertTrue(reader.history(debtor, Instant.EPOCH, Instant.MAX).isEmpty());
        }
    }

    @Test
    void theDeadlineHoldsWhereTheDatabaseHasNoIdleTimeout() {
        String url = "jdbc:h2:mem:deadline-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (JdbcContactLedger ledger = LedgerFixtures.jdbc().url(url).decisionTimeout(Duration.ofMillis(1)).build()) {
            LedgerDecision d = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK));

            assertEquals(List.of(Reason.LEDGER_UNAVAILABLE), d.decision().ruleIds(), d.decision()::toString);
            assertTrue(d.decision().reasons().get(0).message().contains("deadline of PT0.001S (decisionTimeout)"),
                    d.decision()::toString);
            assertTrue(ledger.history(debtor, Instant.EPOCH, Instant.MAX).isEmpty());
        }
        try (JdbcContactLedger ledger = LedgerFixtures.jdbc().url(url).build()) {
            assertTrue(ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)).decision().isAllowed(),
                    "within the default deadline");
        }
    }

    @Test
    void aTransactionLeftIdleByAStalledClientIsEndedByTheServer() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            SqlDialect.POSTGRESQL.begin(c, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(200));
            try (Statement lock = c.createStatement()) {
                lock.execute("SELECT 1");
            }
            Thread.sleep(1_500); // the stall: longer than the idle timeout
            SQLException ended = assertThrows(SQLException.class, () -> {
                try (Statement next = c.createStatement()) {
                    next.execute("SELECT 1");
                }
            });
            assertTrue(ended.getMessage().contains("idle") || "25P03".equals(ended.getSQLState())
                    || (ended.getSQLState() != null && ended.getSQLState().startsWith("08")), ended::toString);
        }
    }

    @Test
    void aRequestWithMoreAccountsThanTheBoundIsInvalidInput() {
        try (JdbcContactLedger ledger = TestPostgres.ledger().maxAccounts(3).build()) {
            DecisionRequest base = call(debtor, "A1", NOON_IN_NEW_YORK);
            List<Account> accounts = new ArrayList<>(base.accounts());
            accounts.add(Account.of(account(debtor, "A3"), Product.CREDIT_CARD, "US", 30));
            accounts.add(Account.of(account(debtor, "A4"), Product.CREDIT_CARD, "US", 30));
            DecisionRequest large = new DecisionRequest(base.id(), base.packs(), base.collector(), base.action(),
                    base.debtor(), accounts, base.thirdParties(), base.history());

            ContactLedgerContract.assertInvalid(ledger.decideAndRecord(large), "accounts");
        }
    }

    @Test
    void aDebtorWithMoreHistoryThanTheBoundIsDeniedNotDecidedOnPartOfIt() {
        try (JdbcContactLedger ledger = TestPostgres.ledger().maxHistory(3).build()) {
            for (int i = 1; i <= 4; i++) {
                ledger.record(debtor, ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(3600L * i), account(debtor, "A2"),
                        MOBILE, Outcome.BUSY));
            }

            LedgerDecision d = ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK));

            assertEquals(List.of(Reason.LEDGER_UNAVAILABLE), d.decision().ruleIds(), d.decision()::toString);
            assertTrue(d.decision().reasons().get(0).message().contains("maxHistory"), d.decision()::toString);
        }
    }

    @Test
    void aDebtorAtTheHistoryBoundIsDecided() {
        try (JdbcContactLedger ledger = TestPostgres.ledger().maxHistory(3).build()) {
            for (int i = 1; i <= 3; i++) {
                ledger.record(debtor, ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(3600L * i), account(debtor, "A2"),
                        MOBILE, Outcome.BUSY));
            }

            assertTrue(ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)).decision().isAllowed());
        }
    }

    @Test
    void purgingWithACallersClockFarAheadKeepsWhatDecisionsStillNeed() throws SQLException {
        Instant now = databaseNow();
        try (JdbcContactLedger ledger = ledger().build()) {
            long kept = ledger.record(debtor, ContactAttempt.call(now.minus(Duration.ofDays(1)), account(debtor, "A1"),
                    MOBILE, Outcome.CONNECTED));

            ledger.purgeExpired(now.plus(Duration.ofDays(3650)));

            assertEquals(List.of(kept), ledger.history(debtor, Instant.EPOCH, Instant.MAX).stream()
                    .map(RecordedAttempt::id).toList());
        }
    }

    @Test
    void aServerShutdownOfTheConnectionReadsAsAShutdownNotADatabaseError() throws Exception {
        try (JdbcContactLedger ledger = TestPostgres.ledger().poolSize(1).build()) {
            assertTrue(ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)).decision().isAllowed());
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                        + "'contactguard-ledger' AND pid <> pg_backend_pid()");
            }

            LedgerDecision d = ledger.decideAndRecord(call(debtor, "A2", NOON_IN_NEW_YORK));

            if (!d.decision().isAllowed()) {
                // The pool may already have replaced the connection; when it has not, the reason says why.
                assertEquals(List.of(Reason.LEDGER_UNAVAILABLE), d.decision().ruleIds(), d.decision()::toString);
                String message = d.decision().reasons().get(0).message();
                assertTrue(message.contains("the database closed the connection") || message.contains("cannot reach"),
                        message);
            }
        }
    }
}
