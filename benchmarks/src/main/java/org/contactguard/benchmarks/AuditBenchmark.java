package org.contactguard.benchmarks;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.contactguard.core.audit.AuditRecord;
import org.contactguard.core.audit.AuditSink;
import org.contactguard.core.audit.AuditTrail;
import org.contactguard.core.audit.FullQueuePolicy;
import org.contactguard.core.audit.JdbcAuditSink;
import org.contactguard.core.audit.JsonLinesAuditSink;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link DecideBenchmark}'s decision with an audit trail (issue 18: within 10 % of without):
 * {@code none} (no listener, the reference), {@code discard} (the listener, queue and JSON of each
 * record, written nowhere: what a sink of one's own pays, which gets each request's whole JSON),
 * {@code jsonl} (JSON Lines files in a temporary folder, forced to disk per batch) and {@code h2}
 * (the JDBC sink on an H2 file database there). The full-queue policy is WAIT, so a sink slower than
 * deciding shows as lower throughput rather than as denials.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AuditBenchmark {

    /** The engine, its audit trail and the requests, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Engine {
        /**
         * Audit: none, discard, jsonl, h2, or postgres (the database named by the environment's
         * {@code CONTACTGUARD_BENCH_PG_URL}, {@code _USER}, {@code _PASSWORD}; its audit tables are emptied).
         */
        @Param({"none", "discard", "jsonl", "h2"})
        public String audit;

        /** Pack set, as in {@link DecideBenchmark}. */
        @Param({"all"})
        public String packs;

        /** History entries per request. */
        @Param({"50"})
        public int history;

        ComplianceEngine engine;
        List<DecisionRequest> requests;
        AuditTrail trail;
        Path folder;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            ComplianceEngine.Builder builder = ComplianceEngine.builder().packs(PackSet.packs(packs).toArray(String[]::new));
            if (!audit.equals("none")) {
                AuditSink sink;
                if (audit.equals("jsonl")) {
                    folder = Files.createTempDirectory("contactguard-audit-bench");
                    sink = new JsonLinesAuditSink(folder);
                } else if (audit.equals("h2")) {
                    folder = Files.createTempDirectory("contactguard-audit-bench");
                    sink = JdbcAuditSink.builder().url("jdbc:h2:file:" + folder.resolve("audit")).build();
                } else if (audit.equals("postgres")) {
                    sink = postgres();
                } else if (audit.equals("discard")) {
                    sink = new Discard();
                } else {
                    throw new IllegalArgumentException("audit must be none, discard, jsonl, h2 or postgres, was " + audit);
                }
                trail = AuditTrail.builder(sink).capacity(65_536).whenFull(FullQueuePolicy.WAIT).build();
                builder.listener(trail);
            }
            engine = builder.build();
            requests = Workload.requests(PackSet.region(packs), history, DecideBenchmark.REQUESTS, 42L);
        }

        private static JdbcAuditSink postgres() throws IOException {
            String url = System.getenv("CONTACTGUARD_BENCH_PG_URL");
            if (url == null) {
                throw new IllegalStateException("audit=postgres needs CONTACTGUARD_BENCH_PG_URL (and _USER, _PASSWORD)");
            }
            String user = System.getenv("CONTACTGUARD_BENCH_PG_USER");
            String password = System.getenv("CONTACTGUARD_BENCH_PG_PASSWORD");
            JdbcAuditSink sink = JdbcAuditSink.builder().url(url).user(user).password(password).build();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("TRUNCATE cg_audit, cg_audit_history_entry");
            } catch (SQLException e) {
                throw new IOException("could not empty the audit tables at " + url + ": " + e.getMessage(), e);
            }
            return sink;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            if (trail != null) {
                trail.close();
            }
            if (folder != null) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** Makes each record's JSON (as a file sink would) and keeps nothing. */
    static final class Discard implements AuditSink {
        long bytes;

        @Override
        public void write(List<AuditRecord> records) {
            for (AuditRecord record : records) {
                bytes += record.toJson().length();
            }
        }

        @Override
        public List<AuditRecord> find(String debtorId, Instant from, Instant until) {
            throw new UncheckedIOException(new IOException("the discarding sink keeps nothing"));
        }

        @Override
        public String describe() {
            return "discard";
        }

        @Override
        public void close() {
        }
    }

    @Benchmark
    public Decision decide(Engine state, DecideBenchmark.Cursor cursor) {
        return state.engine.decide(cursor.next(state.requests));
    }
}
