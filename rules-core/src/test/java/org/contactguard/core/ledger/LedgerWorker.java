package org.contactguard.core.ledger;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A separate JVM that hammers a ledger, for the multi-process tests. Prints {@code READY} once its
 * engine and pool are up, waits for a line on stdin, then prints {@code ALLOWED <attemptId>} after each
 * allowed (and so committed) decision and {@code DENIED <rule ids>} after each denial, then {@code DONE}.
 *
 * <p>Arguments: {@code stress|joint|crash url user password prefix worker threads decisionsPerThread}
 * ({@code -} for no user or password).
 */
public final class LedgerWorker {

    private LedgerWorker() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        String user = "-".equals(args[2]) ? null : args[2];
        String password = "-".equals(args[3]) ? null : args[3];
        StressPlan plan = new StressPlan(args[4]);
        int worker = Integer.parseInt(args[5]);
        int threads = Integer.parseInt(args[6]);
        int decisions = Integer.parseInt(args[7]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (JdbcContactLedger ledger = LedgerFixtures.jdbc().url(url).user(user)
                .password(password).poolSize(threads + 1).connectionTimeout(Duration.ofSeconds(20))
                .lockTimeout(Duration.ofSeconds(20))
                .statementTimeout(Duration.ofSeconds(30)).build()) {
            out.println("READY");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    for (int j = 0; j < decisions; j++) {
                        LedgerDecision d = ledger.decideAndRecord("crash".equals(mode) ? plan.fresh(thread * decisions + j)
                                : "joint".equals(mode) ? plan.joint(worker, thread, j) : plan.request(worker, thread, j));
                        synchronized (out) {
                            out.println(d.decision().isAllowed() ? "ALLOWED " + d.attemptId().getAsLong()
                                    : "DENIED " + String.join(",", d.decision().ruleIds()));
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
        }
        out.println("DONE");
    }
}
