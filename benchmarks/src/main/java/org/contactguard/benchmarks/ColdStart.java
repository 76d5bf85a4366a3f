package org.contactguard.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.model.DecisionRequest;

/**
 * Cold start in a fresh JVM: from {@code main} to the first decision, for the whole shipped
 * catalog ({@code ComplianceEngine.builder().build()}) or for rules read from a folder. Run it
 * several times (run.sh does) since one JVM start says little.
 *
 * <pre>java -cp benchmarks.jar org.contactguard.benchmarks.ColdStart [rules-folder]</pre>
 *
 * Prints one line: JVM start to main, build, first decision, total since main, in milliseconds.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        long jvmToMain = ManagementFactory.getRuntimeMXBean().getUptime();
        ComplianceEngine.Builder builder = ComplianceEngine.builder();
        if (args.length > 0) {
            builder.rulesDirectory(Path.of(args[0]));
        }
        ComplianceEngine engine = builder.build();
        long built = System.nanoTime();
        DecisionRequest request = Workload.requests(Workload.Region.MIXED, 50, 1, 7L).get(0);
        Decision decision = engine.decide(request);
        long decided = System.nanoTime();
        System.out.printf(Locale.ROOT, "cold-start source=%s packs=%s jvm-to-main=%d ms build=%.0f ms"
                + " first-decision=%.0f ms total-from-main=%.0f ms (%s)%n", args.length > 0 ? "folder" : "classpath",
                engine.rules().packIds(), jvmToMain, (built - start) / 1e6, (decided - built) / 1e6,
                (decided - start) / 1e6, decision.verdict());
    }
}
