package org.contactguard.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.model.DecisionRequest;

/**
 * CPU time and allocation per decision on one thread, measured with the thread's own CPU clock:
 * a before/after yardstick that stays usable on a shared, loaded machine where JMH's wall-clock
 * throughput swings with the neighbours. Not a replacement for the JMH numbers in RESULTS.md.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.contactguard.benchmarks.CpuProbe decide all 50</pre>
 *
 * Arguments: {@code decide|batch|baseline}, pack set (as in the JMH {@code packs} param), history
 * size, optionally warm-up and measured seconds (default 15 and 10).
 */
public final class CpuProbe {

    private CpuProbe() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "decide";
        String packs = args.length > 1 ? args[1] : PackSet.ALL;
        int history = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        double warmupSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 15;
        double measureSeconds = args.length > 4 ? Double.parseDouble(args[4]) : 10;

        List<DecisionRequest> requests = Workload.requests(
                "baseline".equals(mode) ? Workload.Region.US : PackSet.region(packs), history, DecideBenchmark.REQUESTS,
                42L);
        Function<List<DecisionRequest>, Object> work;
        if ("baseline".equals(mode)) {
            PlainJavaStarter checker = new PlainJavaStarter(ComplianceEngine.builder().pack("starter").build());
            work = batch -> {
                Object last = null;
                for (DecisionRequest request : batch) {
                    last = checker.decide(request);
                }
                return last;
            };
        } else {
            ComplianceEngine engine = PackSet.engine(packs);
            work = "batch".equals(mode) ? engine::decideAll : batch -> {
                Object last = null;
                for (DecisionRequest request : batch) {
                    last = engine.decide(request);
                }
                return last;
            };
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        runFor(work, requests, warmupSeconds, threads);
        List<double[]> rounds = new ArrayList<>();
        long end = System.nanoTime() + (long) (measureSeconds * 1e9);
        while (System.nanoTime() < end) {
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getThreadAllocatedBytes(thread);
            int n = 0;
            for (int i = 0; i < 20; i++) {
                sink(work.apply(requests));
                n += requests.size();
            }
            rounds.add(new double[] {(threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n,
                (threads.getThreadAllocatedBytes(thread) - bytes) / (double) n});
        }
        double[] cpu = rounds.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] alloc = rounds.stream().mapToDouble(r -> r[1]).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s packs=%s history=%d: cpu/decision min %.2f us, median %.2f us"
                + " (%.0f decisions/cpu-s); alloc %.0f B/decision; %d rounds%n", mode, packs, history, cpu[0],
                cpu[cpu.length / 2], 1e6 / cpu[cpu.length / 2], alloc[alloc.length / 2], cpu.length);
        System.out.println(Arrays.toString(Arrays.copyOf(cpu, Math.min(5, cpu.length))));
    }

    private static void runFor(Function<List<DecisionRequest>, Object> work, List<DecisionRequest> requests,
            double seconds, com.sun.management.ThreadMXBean threads) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            sink(work.apply(requests));
        }
    }

    private static volatile Object sink;

    private static void sink(Object value) {
        sink = value;
    }
}
