package org.contactguard.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.contactguard.core.decision.Decision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code engine.decideAll} over the {@value DecideBenchmark#REQUESTS} requests of
 * {@link DecideBenchmark.Engine} per call, reported per decision (so its rows compare directly
 * with {@link DecideBenchmark}'s); with {@code -t 2} two threads each decide whole batches on the
 * shared engine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BatchBenchmark {

    @Benchmark
    @OperationsPerInvocation(DecideBenchmark.REQUESTS)
    public List<Decision> decideAll(DecideBenchmark.Engine state) {
        return state.engine.decideAll(state.requests);
    }
}
