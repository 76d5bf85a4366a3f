package org.contactguard.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import org.contactguard.core.decision.ComplianceEngine;

/**
 * Heap an engine with the whole catalog keeps: used heap after full collections, before and after
 * building it (and deciding once, so the session pool holds a session), with the engine still
 * referenced.
 *
 * <pre>java -cp benchmarks.jar org.contactguard.benchmarks.Footprint</pre>
 */
public final class Footprint {

    private Footprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Load the classes the engine needs first, so the measurement is the engine, not the JDK's
        // and Drools' static state.
        ComplianceEngine warm = PackSet.engine("starter");
        warm.decide(Workload.requests(Workload.Region.US, 50, 1, 1L).get(0));
        warm = null;
        long before = usedAfterGc(memory);
        ComplianceEngine engine = ComplianceEngine.builder().build();
        engine.decideAll(Workload.requests(Workload.Region.MIXED, 50, 64, 3L));
        long after = usedAfterGc(memory);
        System.out.printf(Locale.ROOT, "footprint packs=%s rules=%d: engine retains %.1f MB of heap%n",
                engine.rules().packIds(), engine.rules().rules().size(), (after - before) / 1024.0 / 1024.0);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
