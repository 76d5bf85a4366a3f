package org.contactguard.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.contactguard.core.model.ContactAttempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many dialers at once: {@value #THREADS} threads in this JVM and, for the databases, {@value #CHILDREN}
 * more JVMs with {@value #CHILD_THREADS} threads each, all calling {@code decideAndRecord} about the same
 * {@value StressPlan#DEBTORS} debtors. Afterwards no window holds more calls than the cap, and exactly
 * as many calls were allowed as the cap lets through: none lost, none extra.
 */
class ConcurrencyStressTest {

    static final int THREADS = 16;
    static final int DECISIONS = 60;
    static final int CHILDREN = 2;
    static final int CHILD_THREADS = 4;

    @TempDir
    Path tmp;

    @Test
    void inMemoryLedgerLetsNoCapBeBrokenBySixteenThreads() throws Exception {
        StressPlan plan = new StressPlan("mem-" + UUID.randomUUID());
        try (InMemoryContactLedger ledger = new InMemoryContactLedger(LedgerFixtures.engine())) {
            int allowed = hammer(ledger, plan);

            assertEquals(plan.expectedAllowed(Map.of(0, new int[] {THREADS, DECISIONS})), allowed);
            int stored = 0;
            for (int d = 0; d < StressPlan.DEBTORS; d++) {
                List<RecordedAttempt> history = ledger.history(plan.debtor(d), Instant.EPOCH, Instant.MAX);
                stored += history.size();
                for (String local : List.of("A1", "A2")) {
                    String account = LedgerFixtures.account(plan.debtor(d), local);
                    List<ContactAttempt> calls = history.stream().map(RecordedAttempt::attempt)
                            .filter(a -> a.isAbout(account)).toList();
                    for (ContactAttempt end : calls) {
                        long inWindow = calls.stream().filter(a -> !a.at().isAfter(end.at())
                                && a.at().isAfter(end.at().minus(LedgerFixtures.WINDOW))).count();
                        assertTrue(inWindow <= LedgerFixtures.CAP, plan.debtor(d) + "/" + account + ": " + inWindow);
                    }
                }
            }
            assertEquals(allowed, stored);
        }
    }

    @Test
    void h2LedgerLetsNoCapBeBrokenByThreadsAndProcesses() throws Exception {
        try (H2ServerProcess server = new H2ServerProcess(tmp)) {
            server.start();
            acrossProcesses(server.url("stress"), null, null);
        }
    }

    @Test
    void postgresLedgerLetsNoCapBeBrokenByThreadsAndProcesses() throws Exception {
        TestPostgres.assumeAvailable();
        acrossProcesses(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD);
    }

    private void acrossProcesses(String url, String user, String password) throws Exception {
        StressPlan plan = new StressPlan("stress-" + UUID.randomUUID());
        Map<Integer, int[]> shape = new HashMap<>();
        shape.put(0, new int[] {THREADS, DECISIONS});
        List<ChildWorker> children = new ArrayList<>();
        try (JdbcContactLedger ledger = LedgerFixtures.jdbc().url(url).user(user)
                .password(password).poolSize(THREADS).connectionTimeout(Duration.ofSeconds(20))
                .lockTimeout(Duration.ofSeconds(20))
                .statementTimeout(Duration.ofSeconds(30)).build()) {
            for (int w = 1; w <= CHILDREN; w++) {
                shape.put(w, new int[] {CHILD_THREADS, DECISIONS});
                children.add(new ChildWorker(tmp, "stress", url, user == null ? "-" : user,
                        password == null ? "-" : password, plan.prefix(), String.valueOf(w),
                        String.valueOf(CHILD_THREADS), String.valueOf(DECISIONS)));
            }
            children.forEach(ChildWorker::awaitReady);
            children.forEach(ChildWorker::go);
            int allowed = hammer(ledger, plan);
            List<Long> childAllowed = new ArrayList<>();
            for (ChildWorker child : children) {
                child.finish();
                childAllowed.addAll(child.allowed());
                assertTrue(child.denied().stream().allMatch("PROBE-CAP-01"::equals), child.denied()::toString);
            }

            assertEquals(plan.expectedAllowed(shape), allowed + childAllowed.size());
            try (Connection c = LedgerChecks.connect(url, user, password)) {
                LedgerChecks.assertNoWindowExceedsTheCap(c, plan.prefix());
                LedgerChecks.assertEveryAttemptIsWhole(c, plan.prefix());
                Set<Long> stored = LedgerChecks.attemptIds(c, plan.prefix());
                assertEquals(allowed + childAllowed.size(), stored.size());
                assertTrue(stored.containsAll(childAllowed));
            }
        } finally {
            children.forEach(ChildWorker::close);
        }
    }

    /** Runs worker 0's part of the plan on {@value #THREADS} threads; returns how many were allowed. */
    private static int hammer(ContactLedger ledger, StressPlan plan) throws Exception {
        AtomicInteger allowed = new AtomicInteger();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    for (int j = 0; j < DECISIONS; j++) {
                        LedgerDecision d = ledger.decideAndRecord(plan.request(0, thread, j));
                        if (d.decision().isAllowed()) {
                            allowed.incrementAndGet();
                        } else if (!d.decision().ruleIds().equals(List.of("PROBE-CAP-01"))) {
                            unexpected.add(d.decision().toString());
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of(), List.copyOf(unexpected), "denials other than the cap");
        return allowed.get();
    }
}
