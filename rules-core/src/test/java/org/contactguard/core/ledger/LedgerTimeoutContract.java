package org.contactguard.core.ledger;

import static org.contactguard.core.ledger.LedgerFixtures.MOBILE;
import static org.contactguard.core.ledger.LedgerFixtures.account;
import static org.contactguard.core.ledger.LedgerFixtures.NOON_IN_NEW_YORK;
import static org.contactguard.core.ledger.LedgerFixtures.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Outcome;
import org.junit.jupiter.api.Test;

/**
 * What a caller sees when the ledger cannot answer in time: another transaction holds the debtor's
 * lock past the lock timeout, a statement outlasts the statement timeout, or every pooled connection is
 * busy past the connection timeout. Each is DENY {@code LEDGER-UNAVAILABLE}, records nothing, and the
 * next decision after the obstacle is gone is allowed.
 */
abstract class LedgerTimeoutContract {

    abstract String url();

    abstract String user();

    abstract String password();

    /** How many sessions are waiting for a lock right now. */
    abstract int sessionsWaitingForALock(Connection connection) throws SQLException;

    private JdbcContactLedger.Builder ledger() {
        return LedgerFixtures.jdbc().url(url()).user(user()).password(password());
    }

    /** A connection of its own holding debtor {@code debtor}'s row lock, as a long decision elsewhere would. */
    private Connection holdLock(String debtor) throws SQLException {
        Connection holder = LedgerChecks.connect(url(), user(), password());
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement(
                "SELECT debtor_id FROM cg_debtor WHERE debtor_id = ? FOR UPDATE")) {
            lock.setString(1, debtor);
            try (ResultSet rs = lock.executeQuery()) {
                assertTrue(rs.next(), "debtor row " + debtor);
            }
        }
        return holder;
    }

    private static void assertUnavailable(LedgerDecision d, String expected) {
        assertEquals(List.of(Reason.LEDGER_UNAVAILABLE), d.decision().ruleIds(), d.decision()::toString);
        assertTrue(d.decision().reasons().get(0).message().contains(expected), d.decision().reasons().get(0)::message);
        assertTrue(d.attemptId().isEmpty());
    }

    @Test
    void aLockHeldPastTheLockTimeoutIsLedgerUnavailableAndRecordsNothing() throws Exception {
        String debtor = "lock-" + UUID.randomUUID();
        try (JdbcContactLedger ledger = ledger().lockTimeout(Duration.ofMillis(300)).build()) {
            ledger.record(debtor, ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(60), account(debtor, "A1"), MOBILE, Outcome.BUSY));
            try (Connection holder = holdLock(debtor)) {
                assertUnavailable(ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)), "timed out");
                holder.rollback();
            }
            assertTrue(ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)).decision().isAllowed());
            assertEquals(2, ledger.history(debtor, Instant.EPOCH, Instant.MAX).size());
        }
    }

    @Test
    void aStatementOutlastingTheStatementTimeoutIsLedgerUnavailable() throws Exception {
        String debtor = "statement-" + UUID.randomUUID();
        try (JdbcContactLedger ledger = ledger().lockTimeout(Duration.ofSeconds(30))
                .statementTimeout(Duration.ofMillis(300)).build()) {
            ledger.record(debtor, ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(60), account(debtor, "A1"), MOBILE, Outcome.BUSY));
            try (Connection holder = holdLock(debtor)) {
                // The lock would be granted within 30 s; the statement waiting for it may not run 300 ms.
                assertUnavailable(ledger.decideAndRecord(call(debtor, "A1", NOON_IN_NEW_YORK)), "timed out");
                holder.rollback();
            }
            assertEquals(1, ledger.history(debtor, Instant.EPOCH, Instant.MAX).size());
        }
    }

    @Test
    void noFreeConnectionWithinTheConnectionTimeoutIsLedgerUnavailable() throws Exception {
        String blocked = "blocked-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        try (JdbcContactLedger ledger = ledger().poolSize(1).connectionTimeout(Duration.ofMillis(250))
                .lockTimeout(Duration.ofSeconds(30)).statementTimeout(Duration.ofSeconds(30)).build()) {
            ledger.record(blocked, ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(60), account(blocked, "A1"), MOBILE, Outcome.BUSY));
            try (Connection holder = holdLock(blocked)) {
                // This decision takes the pool's only connection and waits for the lock.
                CompletableFuture<LedgerDecision> waiting = CompletableFuture.supplyAsync(
                        () -> ledger.decideAndRecord(call(blocked, "A1", NOON_IN_NEW_YORK)));
                awaitALockWaiter(holder);

                assertUnavailable(ledger.decideAndRecord(call(other, "A1", NOON_IN_NEW_YORK)), "timed out");

                holder.rollback();
                assertTrue(waiting.get(60, TimeUnit.SECONDS).decision().isAllowed());
            }
            assertTrue(ledger.decideAndRecord(call(other, "A1", NOON_IN_NEW_YORK)).decision().isAllowed());
        }
    }

    private void awaitALockWaiter(Connection observer) throws Exception {
        try (Connection c = LedgerChecks.connect(url(), user(), password())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sessionsWaitingForALock(c) == 0) {
                if (System.nanoTime() > deadline) {
                    fail("no decision started waiting for the lock within 30 s");
                }
                Thread.sleep(10);
            }
        }
    }
}
