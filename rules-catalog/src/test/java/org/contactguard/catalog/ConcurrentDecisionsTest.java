package org.contactguard.catalog;

import static org.contactguard.catalog.StarterFixtures.ENGINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.Test;

/**
 * One shared engine deciding from many threads at once gives each request exactly the decision it gets
 * alone: sessions come from a pool, and nothing a decision leaves behind may leak into another.
 */
class ConcurrentDecisionsTest {

    static final int THREADS = 8;
    static final long SEED = 20260308L;
    /** Generous: the whole run takes a few seconds; the limit only stops a deadlock from hanging the build. */
    static final long TIMEOUT_SECONDS = 120;

    static final List<DecisionRequest> REQUESTS = RandomRequests.requests(SEED, 500);
    /** Each request decided on its own, in list order, on one thread. */
    static final List<Decision> ALONE = REQUESTS.stream().map(ENGINE::decide).toList();

    @Test
    void requestsCoverEveryStarterRuleAndBothVerdicts() {
        Set<String> seen = new TreeSet<>();
        for (Decision decision : ALONE) {
            seen.add(decision.verdict().name());
            seen.addAll(decision.ruleIds());
        }
        assertTrue(seen.containsAll(List.of("ALLOW", "DENY", "STARTER-HOURS-01", "STARTER-FREQ-01",
                "STARTER-CEASE-01", Reason.INPUT_INVALID)), seen::toString);
        assertTrue(ALONE.stream().noneMatch(d -> d.ruleIds().contains(Reason.ENGINE_ERROR)), "an ENGINE-ERROR");
    }

    @Test
    void eightThreadsSharingTheEngineEachGetTheDecisionARequestGetsAlone() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(decideAllInOwnOrder(t, start)));
            }
            start.countDown();
            List<String> mismatches = new ArrayList<>();
            for (Future<List<String>> worker : workers) {
                mismatches.addAll(join(worker));
            }
            assertEquals(List.of(), mismatches);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS), "workers did not stop");
        }
    }

    /** Decides every request, in an order of its own, once {@code start} opens; returns what differed. */
    private static Callable<List<String>> decideAllInOwnOrder(int thread, CountDownLatch start) {
        return () -> {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < REQUESTS.size(); i++) {
                order.add(i);
            }
            if (thread == 1) {
                Collections.reverse(order);
            } else if (thread > 1) {
                Collections.shuffle(order, new Random(SEED + thread));
            }
            if (!start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("start signal never came");
            }
            List<String> mismatches = new ArrayList<>();
            for (int i : order) {
                Decision decision = ENGINE.decide(REQUESTS.get(i));
                if (!decision.equals(ALONE.get(i))) {
                    mismatches.add("thread " + thread + ", request " + i + ":\n" + decision + "\nalone:\n" + ALONE.get(i));
                }
            }
            return mismatches;
        };
    }

    private static List<String> join(Future<List<String>> worker) throws InterruptedException {
        try {
            return worker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("a worker failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a worker did not finish within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
