package org.contactguard.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.model.DecisionRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision per operation on one engine shared by every benchmark thread ({@code -t 2}: two
 * threads on one engine), cycling through {@value #REQUESTS} pre-built requests.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecideBenchmark {

    /** Distinct requests each benchmark cycles through: enough that branch prediction cannot learn them. */
    static final int REQUESTS = 1024;

    /** The engine and the requests, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Engine {
        /** Pack set: starter, cn, us-regf+us-ma, all. */
        @Param({"all"})
        public String packs;

        /** History entries per request. */
        @Param({"50"})
        public int history;

        /**
         * Which of the workload's requests: {@code any}; {@code allow}, only those allowed; or
         * {@code deny-next}, only those denied with a {@code nextPermittedAt} (the search for the
         * next permitted moment re-evaluates them). Comparing the last two prices that search.
         */
        @Param({"any"})
        public String verdict;

        ComplianceEngine engine;
        List<DecisionRequest> requests;

        @Setup(Level.Trial)
        public void setUp() {
            engine = PackSet.engine(packs);
            requests = "any".equals(verdict) ? Workload.requests(PackSet.region(packs), history, REQUESTS, 42L)
                    : only(verdict, engine, Workload.requests(PackSet.region(packs), history, 8 * REQUESTS, 42L));
        }

        /** {@value #REQUESTS} requests of {@code requests} with that verdict, repeated in order if there are fewer. */
        static List<DecisionRequest> only(String verdict, ComplianceEngine engine, List<DecisionRequest> requests) {
            java.util.function.Predicate<Decision> wanted = switch (verdict) {
                case "allow" -> Decision::isAllowed;
                case "deny-next" -> decision -> !decision.isAllowed() && decision.nextPermittedAt() != null;
                default -> throw new IllegalArgumentException("verdict must be any, allow or deny-next: " + verdict);
            };
            List<DecisionRequest> found = requests.stream().filter(r -> wanted.test(engine.decide(r))).toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("the workload has no request with verdict " + verdict);
            }
            List<DecisionRequest> cycled = new java.util.ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                cycled.add(found.get(i % found.size()));
            }
            return cycled;
        }
    }

    /** Each thread's position in the request list. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        DecisionRequest next(List<DecisionRequest> requests) {
            next = (next + 1) & (REQUESTS - 1);
            return requests.get(next);
        }
    }

    @Benchmark
    public Decision decide(Engine state, Cursor cursor) {
        return state.engine.decide(cursor.next(state.requests));
    }
}
