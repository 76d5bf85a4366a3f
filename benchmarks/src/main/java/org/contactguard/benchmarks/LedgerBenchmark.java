package org.contactguard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.ledger.JdbcContactLedger;
import org.contactguard.core.ledger.LedgerDecision;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.ProposedAction;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code decideAndRecord} on a JDBC ledger shared by every benchmark thread (run with {@code -t 1},
 * {@code -t 4}, {@code -t 16}): load the debtor's history under its lock, decide, reserve the
 * attempt when allowed, commit. {@value DecideBenchmark#REQUESTS} debtors, so threads rarely wait
 * for the same debtor's lock. Requests come from {@link Workload} without history: the ledger's
 * history replaces it and grows as the benchmark records, so caps bite as they would for a dialer
 * calling the same book all day.
 *
 * <p>{@code ledger=h2}: an in-memory H2 database. {@code ledger=postgres}: the server named by
 * {@code CONTACTGUARD_BENCH_PG_URL} ({@code _USER}, {@code _PASSWORD}), or else the test server's
 * {@code CONTACTGUARD_TEST_PG_URL} that {@code .ci/postgres.sh start} sets; without either the
 * benchmark fails naming the variable.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LedgerBenchmark {

    /** The ledger, the engine behind it and the requests, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Ledger {
        /** h2 or postgres. */
        @Param({"h2"})
        public String ledger;

        /** Pack set, as in {@link DecideBenchmark}. */
        @Param({"all"})
        public String packs;

        JdbcContactLedger jdbc;
        List<DecisionRequest> requests;

        @Setup(Level.Trial)
        public void setUp() {
            ComplianceEngine engine = PackSet.engine(packs);
            // The workload's moments are fixed: accept them however far they lie from the database's clock.
            JdbcContactLedger.Builder builder = JdbcContactLedger.builder(engine).poolSize(16)
                    .maxClockSkew(java.time.Duration.ofDays(36_500));
            if ("h2".equals(ledger)) {
                builder.url("jdbc:h2:mem:bench-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            } else if ("postgres".equals(ledger)) {
                String url = env("URL");
                if (url == null) {
                    throw new IllegalStateException("ledger=postgres needs CONTACTGUARD_BENCH_PG_URL (or the tests'"
                            + " CONTACTGUARD_TEST_PG_URL, set by .ci/postgres.sh start)");
                }
                builder.url(url).user(env("USER")).password(env("PASSWORD"));
            } else {
                throw new IllegalArgumentException("ledger must be h2 or postgres, was " + ledger);
            }
            jdbc = builder.build();
            requests = new ArrayList<>();
            int i = 0;
            for (DecisionRequest request : Workload.requests(PackSet.region(packs), 0, DecideBenchmark.REQUESTS, 42L)) {
                Debtor d = request.debtor();
                Debtor own = new Debtor("D" + i++, d.timeZones(), d.minor(), d.wakingHours(), d.restrictions(),
                        d.consents());
                requests.add(ownedBy(own, request));
            }
        }

        /**
         * {@code request} for debtor {@code own} with accounts of its own (the ledger treats one account
         * id under two debtors as a joint account, and would serialise every decision on the workload's
         * shared "A1"), no id (the cursor repeats requests: with an id each repeat would be a retry
         * answered from the first decision) and no history (the ledger's replaces it).
         */
        private static DecisionRequest ownedBy(Debtor own, DecisionRequest request) {
            String prefix = own.id() + "/";
            List<Account> accounts = new ArrayList<>();
            for (Account a : request.accounts()) {
                accounts.add(new Account(prefix + a.id(), a.product(), a.jurisdiction(), a.daysPastDue(),
                        a.servicingAccountNumber(), a.timeBarred(), a.soldAt(), a.transferNoticeSentAt()));
            }
            ProposedAction x = request.action();
            List<String> ids = new ArrayList<>();
            x.accountIds().forEach(id -> ids.add(prefix + id));
            ProposedAction action = new ProposedAction(x.channel(), x.at(), x.recipient(), x.thirdPartyId(),
                    x.contactPoint(), x.place(), ids, x.purpose(), x.initiatedBy(), x.automated(), x.prerecorded(),
                    x.viaPersonalDevice(),
                    x.visibility(), x.content(), x.leavesMessage(), x.identifiesCaller(), x.disclosesDebt(), x.visit());
            return new DecisionRequest(null, request.tenant(), request.packs(), request.collector(), action, own, accounts,
                    request.thirdParties(), List.of());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            jdbc.close();
        }

        private static String env(String suffix) {
            String bench = System.getenv("CONTACTGUARD_BENCH_PG_" + suffix);
            return bench != null ? bench : System.getenv("CONTACTGUARD_TEST_PG_" + suffix);
        }
    }

    @Benchmark
    public LedgerDecision decideAndRecord(Ledger state, DecideBenchmark.Cursor cursor) {
        return state.jdbc.decideAndRecord(cursor.next(state.requests));
    }
}
