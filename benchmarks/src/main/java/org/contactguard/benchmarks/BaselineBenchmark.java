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

/** The hand-written starter checks ({@link PlainJavaStarter}) on the starter workload: the yardstick. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BaselineBenchmark {

    /** The checker and the requests, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Baseline {
        /** History entries per request. */
        @Param({"50"})
        public int history;

        PlainJavaStarter checker;
        List<DecisionRequest> requests;

        @Setup(Level.Trial)
        public void setUp() {
            checker = new PlainJavaStarter(ComplianceEngine.builder().pack("starter").build());
            requests = Workload.requests(Workload.Region.US, history, DecideBenchmark.REQUESTS, 42L);
        }
    }

    @Benchmark
    public Decision decide(Baseline state, DecideBenchmark.Cursor cursor) {
        return state.checker.decide(cursor.next(state.requests));
    }
}
