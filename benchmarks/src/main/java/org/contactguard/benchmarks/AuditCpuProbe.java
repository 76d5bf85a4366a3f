package org.contactguard.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.contactguard.core.audit.AuditTrail;
import org.contactguard.core.audit.FullQueuePolicy;
import org.contactguard.core.audit.JsonLinesAuditSink;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.model.DecisionRequest;

/**
 * CPU time per decision with and without an audit trail, on the deciding thread and on the audit
 * writer thread, measured with the threads' own CPU clocks: {@link AuditBenchmark}'s question in a
 * form that stays usable on a loaded machine, where wall-clock throughput mostly measures the
 * neighbours. Warm-up and measurement are counted in CPU seconds of the deciding thread.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.contactguard.benchmarks.AuditCpuProbe jsonl all 50</pre>
 *
 * Arguments: {@code none|jsonl}, pack set, history size, optionally warm-up and measured CPU seconds
 * (default 10 and 5).
 */
public final class AuditCpuProbe {

    private static volatile Object sink;

    private AuditCpuProbe() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String audit = args.length > 0 ? args[0] : "jsonl";
        String packs = args.length > 1 ? args[1] : PackSet.ALL;
        int history = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        double warmup = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        double measure = args.length > 4 ? Double.parseDouble(args[4]) : 5;

        ComplianceEngine.Builder builder = ComplianceEngine.builder().packs(PackSet.packs(packs).toArray(String[]::new));
        AuditTrail trail = null;
        Path folder = null;
        if (audit.equals("jsonl")) {
            folder = Files.createTempDirectory("contactguard-audit-probe");
            trail = AuditTrail.builder(new JsonLinesAuditSink(folder)).capacity(1 << 20).whenFull(FullQueuePolicy.WAIT)
                    .build();
            builder.listener(trail);
        } else if (!audit.equals("none")) {
            throw new IllegalArgumentException("audit must be none or jsonl, was " + audit);
        }
        ComplianceEngine engine = builder.build();
        List<DecisionRequest> requests = Workload.requests(PackSet.region(packs), history, DecideBenchmark.REQUESTS, 42L);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long start = threads.getCurrentThreadCpuTime();
        while (threads.getCurrentThreadCpuTime() - start < warmup * 1e9) {
            decideAll(engine, requests);
        }
        // The writer may still hold warm-up records: drained first, so its CPU below is the measured records'.
        drain(trail);
        long writtenBefore = trail == null ? 0 : trail.written();
        long writer = writerThread();
        long writerBefore = writer < 0 ? 0 : threads.getThreadCpuTime(writer);
        long cpu = threads.getCurrentThreadCpuTime();
        long n = 0;
        double[] rounds = new double[4096];
        int r = 0;
        while (threads.getCurrentThreadCpuTime() - cpu < measure * 1e9 && r < rounds.length) {
            long before = threads.getCurrentThreadCpuTime();
            decideAll(engine, requests);
            rounds[r++] = (threads.getCurrentThreadCpuTime() - before) / 1e3 / requests.size();
            n += requests.size();
        }
        // Let the writer finish what this run queued, so its CPU covers every measured record.
        drain(trail);
        long records = trail == null ? 0 : trail.written() - writtenBefore;
        double writerMicros = writer < 0 || records == 0 ? 0
                : (threads.getThreadCpuTime(writer) - writerBefore) / 1e3 / records;
        double[] sorted = Arrays.copyOf(rounds, r);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "audit=%s packs=%s history=%d: deciding thread cpu/decision median %.2f us"
                + " (min %.2f), writer thread cpu/record %.2f us, %d decisions%n", audit, packs, history,
                sorted[r / 2], sorted[0], writerMicros, n);
        if (trail != null) {
            trail.close();
        }
        if (folder != null) {
            try (var files = Files.walk(folder)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void drain(AuditTrail trail) throws InterruptedException {
        while (trail != null && trail.pending() > 0) {
            Thread.sleep(10);
        }
    }

    private static void decideAll(ComplianceEngine engine, List<DecisionRequest> requests) {
        Object last = null;
        for (DecisionRequest request : requests) {
            last = engine.decide(request);
        }
        sink = last;
    }

    /** The audit writer thread's id, or -1 without one. */
    private static long writerThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("contactguard-audit-writer")) {
                return t.getId();
            }
        }
        return -1;
    }
}
