package org.contactguard.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.DecisionRequest;

/**
 * Writes the decisions of the benchmark workload as JSON lines, so that a performance change can
 * be shown to change no decision: run it with the jar built before the change and with the one
 * built after, and compare the files (the {@code ruleSetVersion} changes only when rule files do).
 * Every region, histories of 0, 5, 20, 50 and 500 entries, three seeds, decided one by one and by
 * {@code decideAll}, on the whole catalog and on the region's own packs: 42,000 decisions.
 *
 * <pre>java -cp benchmarks.jar org.contactguard.benchmarks.DecisionDump decisions.jsonl</pre>
 */
public final class DecisionDump {

    private DecisionDump() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "decisions.jsonl");
        ComplianceEngine all = PackSet.engine(PackSet.ALL);
        ComplianceEngine cn = PackSet.engine("cn");
        ComplianceEngine us = PackSet.engine("us-regf+us-ma");
        int total = 0;
        int denied = 0;
        int withNext = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (Workload.Region region : Workload.Region.values()) {
                for (int history : new int[] {0, 5, 20, 50, 500}) {
                    for (long seed : new long[] {42L, 7L, 1234L}) {
                        List<DecisionRequest> requests = Workload.requests(region, history, history == 500 ? 150 : 400,
                                seed);
                        for (ComplianceEngine engine : List.of(all, region == Workload.Region.CN ? cn : us)) {
                            for (DecisionRequest request : requests) {
                                Decision decision = engine.decide(request);
                                total++;
                                denied += decision.verdict() == Verdict.DENY ? 1 : 0;
                                withNext += decision.nextPermittedAt() != null ? 1 : 0;
                                out.println(region + " " + history + " " + seed + " " + DecisionJson.writeDecision(decision));
                            }
                            for (Decision decision : engine.decideAll(requests)) {
                                out.println("batch " + DecisionJson.writeDecision(decision));
                            }
                        }
                    }
                }
            }
        }
        System.out.println(total + " decisions (" + denied + " denied, " + withNext + " with nextPermittedAt) and as many"
                + " batch decisions written to " + file);
    }
}
