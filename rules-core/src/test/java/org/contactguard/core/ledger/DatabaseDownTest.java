package org.contactguard.core.ledger;

import static org.contactguard.core.ledger.LedgerFixtures.NOON_IN_NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.contactguard.core.decision.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database stops while dialers are deciding (the H2 server process is killed, PostgreSQL is shut
 * down with {@code pg_ctl stop}): every decision turns DENY {@code LEDGER-UNAVAILABLE}
 * (no exception reaches the caller), decisions recover once the database is back, and nothing committed
 * before, during or after is lost.
 */
class DatabaseDownTest {

    static final int DIALERS = 4;

    @TempDir
    Path tmp;

    @Test
    void h2ServerKilledMidRunDeniesThenRecovers() throws Exception {
        try (H2ServerProcess server = new H2ServerProcess(tmp)) {
            server.start();
            runThroughAnOutage(server.url("down"), null, null, server::kill, server::start);
        }
    }

    @Test
    void postgresStoppedMidRunDeniesThenRecovers() throws Exception {
        TestPostgres.assumeControllable();
        runThroughAnOutage(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD, TestPostgres::pause,
                TestPostgres::resume);
    }

    private static void runThroughAnOutage(String url, String user, String password, Runnable stop, Runnable start)
            throws Exception {
        String prefix = "down-" + UUID.randomUUID();
        List<Long> allowed = new ArrayList<>();
        ConcurrentLinkedQueue<Long> allowedByDialers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger decided = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        try (JdbcContactLedger ledger = LedgerFixtures.jdbc().url(url).user(user)
                .password(password).poolSize(DIALERS + 1).connectionTimeout(Duration.ofMillis(500))
                .lockTimeout(Duration.ofSeconds(1)).statementTimeout(Duration.ofSeconds(2)).build()) {
            LedgerDecision before = ledger.decideAndRecord(LedgerFixtures.call(prefix + "-first", "A1", NOON_IN_NEW_YORK));
            assertTrue(before.decision().isAllowed(), before.decision()::toString);
            allowed.add(before.attemptId().getAsLong());

            ExecutorService dialers = Executors.newFixedThreadPool(DIALERS);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < DIALERS; t++) {
                int thread = t;
                work.add(dialers.submit(() -> {
                    // Each call is about a debtor of its own, so only the database can deny it.
                    for (int j = 0; running.get(); j++) {
                        LedgerDecision d = ledger.decideAndRecord(LedgerFixtures.call(prefix + "-" + thread + "-" + j,
                                "A1", NOON_IN_NEW_YORK));
                        decided.incrementAndGet();
                        if (d.decision().isAllowed()) {
                            allowedByDialers.add(d.attemptId().getAsLong());
                        } else if (d.decision().ruleIds().equals(List.of(Reason.LEDGER_UNAVAILABLE))) {
                            unavailable.incrementAndGet();
                        } else {
                            unexpected.add(d.decision().toString());
                        }
                    }
                }));
            }
            try {
                awaitCount(allowedByDialers::size, 20, "decisions before the outage");
                stop.run();
                LedgerDecision down = ledger.decideAndRecord(LedgerFixtures.call(prefix + "-down", "A1", NOON_IN_NEW_YORK));
                assertEquals(List.of(Reason.LEDGER_UNAVAILABLE), down.decision().ruleIds(), down.decision()::toString);
                awaitCount(unavailable::get, 10, "LEDGER-UNAVAILABLE denials during the outage");
                start.run();
                LedgerDecision back = awaitAllowed(ledger, prefix + "-back");
                allowed.add(back.attemptId().getAsLong());
                int afterRecovery = allowedByDialers.size();
                awaitCount(allowedByDialers::size, afterRecovery + 20, "decisions after the outage");
            } finally {
                running.set(false);
                dialers.shutdown();
                for (Future<?> f : work) {
                    f.get(60, TimeUnit.SECONDS); // an exception escaping decideAndRecord fails here
                }
            }
        }
        assertEquals(List.of(), List.copyOf(unexpected), "denials other than LEDGER-UNAVAILABLE");
        allowed.addAll(allowedByDialers);
        try (Connection c = LedgerChecks.connect(url, user, password)) {
            Set<Long> stored = LedgerChecks.attemptIds(c, prefix);
            assertTrue(stored.containsAll(allowed), () -> "allowed but not stored: "
                    + allowed.stream().filter(id -> !stored.contains(id)).toList());
            LedgerChecks.assertEveryAttemptIsWhole(c, prefix);
        }
    }

    /** Waits (bounded) until {@code count} reaches {@code target}; the wait is for the database, not a speed assertion. */
    private static void awaitCount(java.util.function.IntSupplier count, int target, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (count.getAsInt() < target) {
            if (System.nanoTime() > deadline) {
                fail("only " + count.getAsInt() + " of " + target + " " + what + " within 90 s");
            }
            Thread.sleep(20);
        }
    }

    /** Decides about a fresh debtor until allowed: the pool reconnects on its own once the database is back. */
    private static LedgerDecision awaitAllowed(ContactLedger ledger, String debtor) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            LedgerDecision d = ledger.decideAndRecord(LedgerFixtures.call(debtor, "A1", NOON_IN_NEW_YORK));
            if (d.decision().isAllowed()) {
                return d;
            }
            assertEquals(List.of(Reason.LEDGER_UNAVAILABLE), d.decision().ruleIds(), d.decision()::toString);
            if (System.nanoTime() > deadline) {
                fail("the ledger did not recover within 90 s of the database coming back: " + d.decision());
            }
            Thread.sleep(100);
        }
    }
}
