package org.contactguard.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on the real PostgreSQL, beside {@link ConcurrencyStressTest} (threads and JVMs on
 * shared debtors), {@link CrashSafetyTest} (SIGKILL of a writer) and {@link DatabaseDownTest} (the
 * database stopped mid-load): two JVMs contesting the caps of joint accounts, a writer on such
 * accounts killed with SIGKILL mid-run, and reloads that change a cap's window while decisions run. Each asserts 0 cap violations and 0 lost records.
 *
 * <p>{@code -Dcontactguard.fault.scale=N} multiplies the decisions (CI runs 1; {@code .ci/fault-run.sh}
 * runs the whole suite longer).
 */
class FaultInjectionTest {

    static final int SCALE = Integer.getInteger("contactguard.fault.scale", 1);
    static final int THREADS = 4;
    static final int DECISIONS = 60 * SCALE;
    /** Reloads at least this many times while the deciders run, and keeps reloading until they end. */
    static final int MIN_RELOADS = 6 * SCALE;
    /** Allowed decisions of the writer before it is killed: it has contested some accounts, not all. */
    static final int KILL_AFTER_ALLOWED = 10;

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsPostgres() {
        TestPostgres.assumeAvailable();
    }

    @Test
    void twoJvmsContestingJointAccountsAllowExactlyTheCapPerAccount() throws Exception {
        StressPlan plan = new StressPlan("joint-" + UUID.randomUUID());
        Map<Integer, int[]> shape = new HashMap<>();
        shape.put(0, new int[] {THREADS, DECISIONS});
        shape.put(1, new int[] {THREADS, DECISIONS});
        try (JdbcContactLedger ledger = TestPostgres.ledger().poolSize(THREADS).lockTimeout(Duration.ofSeconds(20))
                .statementTimeout(Duration.ofSeconds(30)).build();
                ChildWorker child = new ChildWorker(tmp, "joint", TestPostgres.URL, TestPostgres.USER,
                        TestPostgres.PASSWORD, plan.prefix(), "1", String.valueOf(THREADS), String.valueOf(DECISIONS))) {
            child.awaitReady();
            child.go();
            List<Long> allowed = decide(ledger, plan, Set.of("PROBE-CAP-01"), new AtomicBoolean());
            child.finish();
            assertTrue(child.denied().stream().allMatch("PROBE-CAP-01"::equals), child.denied()::toString);

            assertEquals(plan.expectedJointAllowed(shape), allowed.size() + child.allowed().size());
            try (Connection c = LedgerChecks.connect(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD)) {
                LedgerChecks.assertNoAccountWindowExceedsTheCap(c, plan.prefix());
                LedgerChecks.assertEveryAttemptIsWhole(c, plan.prefix());
                Set<Long> stored = LedgerChecks.attemptIds(c, plan.prefix());
                assertTrue(stored.containsAll(allowed) && stored.containsAll(child.allowed()), "allowed but not stored");
                assertEquals(allowed.size() + child.allowed().size(), stored.size(), "stored but not allowed");
            }
        }
    }

    @Test
    void aWriterKilledMidRunOnContestedAccountsLosesNothingAndBreaksNoCap() throws Exception {
        StressPlan plan = new StressPlan("killed-" + UUID.randomUUID());
        List<Long> killedAllowed;
        try (ChildWorker child = new ChildWorker(tmp, "joint", TestPostgres.URL, TestPostgres.USER,
                TestPostgres.PASSWORD, plan.prefix(), "1", String.valueOf(THREADS), String.valueOf(DECISIONS * 10))) {
            child.awaitReady();
            child.go();
            child.killAfterAllowed(KILL_AFTER_ALLOWED);
            killedAllowed = List.copyOf(child.allowed());
        }
        try (JdbcContactLedger ledger = TestPostgres.ledger().poolSize(THREADS).lockTimeout(Duration.ofSeconds(20))
                .statementTimeout(Duration.ofSeconds(30)).build()) {
            List<Long> allowed = decide(ledger, plan, Set.of("PROBE-CAP-01"), new AtomicBoolean());

            try (Connection c = LedgerChecks.connect(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD)) {
                LedgerChecks.assertNoAccountWindowExceedsTheCap(c, plan.prefix());
                LedgerChecks.assertEveryAttemptIsWhole(c, plan.prefix());
                Set<Long> stored = LedgerChecks.attemptIds(c, plan.prefix());
                assertTrue(stored.containsAll(killedAllowed), "reported by the killed writer but not stored");
                assertTrue(stored.containsAll(allowed), "allowed but not stored");
                // This JVM asks about every joint account more often than the cap: each ends at the cap,
                // whatever the killed writer committed before (or without printing) its death.
                assertEquals(StressPlan.JOINT_ACCOUNTS * LedgerFixtures.CAP, stored.size());
            }
        }
    }

    @Test
    void reloadsThatChangeTheWindowUnderLoadBreakNoCapOfTheRulesThatAllowed() throws Exception {
        Path probe = TestPacks.copy(TestPacks.PROBE, tmp.resolve("rules"));
        Path properties = probe.resolve("pack.properties");
        ComplianceEngine engine = ComplianceEngine.builder().rulesDirectory(tmp.resolve("rules")).build();
        StressPlan plan = new StressPlan("reload-" + UUID.randomUUID());
        DecisionRequest sample = plan.joint(0, 0, 0);
        Map<String, Duration> windows = new ConcurrentHashMap<>();
        windows.put(LedgerDecider.version(engine.rules(), sample), Duration.ofDays(7));
        try (JdbcContactLedger ledger = JdbcContactLedger.builder(engine).url(TestPostgres.URL).user(TestPostgres.USER)
                .password(TestPostgres.PASSWORD).maxClockSkew(LedgerFixtures.REPLAY_CLOCK_SKEW).poolSize(THREADS)
                .lockTimeout(Duration.ofSeconds(20)).statementTimeout(Duration.ofSeconds(30)).build()) {
            // One call twelve days back on every joint account: outside a 7-day window plus its 2-day
            // margin, inside a 20-day one. Deciding on 20-day rules with 9 days of history loaded would
            // let a second call through.
            for (int d = 0; d < StressPlan.JOINT_ACCOUNTS; d++) {
                ledger.record(plan.debtor(d), ContactAttempt.call(StressPlan.START.minus(Duration.ofDays(12)),
                        plan.jointAccount(d), LedgerFixtures.MOBILE, Outcome.CONNECTED));
            }
            AtomicBoolean deciding = new AtomicBoolean(true);
            ExecutorService reloader = Executors.newSingleThreadExecutor();
            Future<Integer> reloads = reloader.submit(() -> {
                int round = 0;
                while (round < MIN_RELOADS || deciding.get()) {
                    boolean longer = round % 2 == 0;
                    TestPacks.edit(properties, longer ? "callWindow = 7d" : "callWindow = 20d",
                            longer ? "callWindow = 20d" : "callWindow = 7d");
                    engine.reload();
                    windows.put(LedgerDecider.version(engine.rules(), sample), Duration.ofDays(longer ? 20 : 7));
                    round++;
                    Thread.sleep(20);
                }
                return round;
            });
            List<Long> allowed;
            try {
                allowed = decide(ledger, plan, Set.of("PROBE-CAP-01"), deciding);
            } finally {
                deciding.set(false);
                reloader.shutdown();
            }
            assertTrue(reloads.get(120, TimeUnit.SECONDS) >= MIN_RELOADS);

            assertEquals(2, Set.copyOf(windows.values()).size(), windows::toString);
            try (Connection c = LedgerChecks.connect(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD)) {
                LedgerChecks.assertNoAccountWindowExceedsTheCap(c, plan.prefix(), windows, Duration.ofDays(20));
                LedgerChecks.assertEveryAttemptIsWhole(c, plan.prefix());
                Set<Long> stored = LedgerChecks.attemptIds(c, plan.prefix());
                assertTrue(stored.containsAll(allowed), "allowed but not stored");
                assertEquals(allowed.size() + StressPlan.JOINT_ACCOUNTS, stored.size(), "stored but not allowed");
            }
        }
    }

    /**
     * Runs worker 0's part of the joint plan on {@value #THREADS} threads, then clears {@code done}'s
     * flag; returns the ids of the allowed attempts. Any denial not in {@code expected} fails.
     */
    private static List<Long> decide(ContactLedger ledger, StressPlan plan, Set<String> expected, AtomicBoolean done)
            throws Exception {
        ConcurrentLinkedQueue<Long> allowed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    for (int j = 0; j < DECISIONS; j++) {
                        LedgerDecision d = ledger.decideAndRecord(plan.joint(0, thread, j));
                        if (d.decision().isAllowed()) {
                            allowed.add(d.attemptId().getAsLong());
                        } else if (!expected.containsAll(d.decision().ruleIds())) {
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
            done.set(false);
        }
        assertEquals(List.of(), List.copyOf(unexpected), "denials other than " + expected);
        return List.copyOf(allowed);
    }
}
