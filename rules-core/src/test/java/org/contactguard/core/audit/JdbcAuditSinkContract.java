package org.contactguard.core.audit;

import static org.contactguard.core.audit.AuditFixtures.NOON_IN_NEW_YORK;
import static org.contactguard.core.audit.AuditFixtures.call;
import static org.contactguard.core.audit.AuditFixtures.engine;
import static org.contactguard.core.audit.AuditFixtures.listenTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.ledger.JdbcContactLedger;
import org.contactguard.core.ledger.LedgerDecision;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every database the JDBC audit sink runs on must do: keep and find records, and, beside the
 * contact ledger, commit each decide-and-record's audit record in the ledger's own transaction.
 */
abstract class JdbcAuditSinkContract {

    private static final Instant WHOLE_YEAR_START = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant WHOLE_YEAR_END = Instant.parse("2100-01-01T00:00:00Z");

    /** A fresh, empty database for each test. */
    abstract String url();

    abstract String user();

    abstract String password();

    @AfterEach
    void stopListening() {
        listenTo(null);
    }

    private JdbcAuditSink sink() throws IOException {
        return JdbcAuditSink.builder().url(url()).user(user()).password(password()).build();
    }

    private JdbcContactLedger ledger() {
        // The fixtures decide at fixed moments in 2026, so the ledger's clock-skew bound is widened for them.
        return JdbcContactLedger.builder(engine()).url(url()).user(user()).password(password())
                .maxClockSkew(java.time.Duration.ofDays(3650)).build();
    }

    @Test
    void recordsWrittenAreFoundByDebtorAndTime() throws IOException {
        try (JdbcAuditSink sink = sink()) {
            DecisionRequest request = call("R-1", "D1", NOON_IN_NEW_YORK);
            Decision decision = engine().decide(request);
            Instant at = Instant.parse("2027-03-03T20:55:00Z");
            AuditRecord record = new AuditRecord(at, "D1", "R-1", null, NOON_IN_NEW_YORK,
                    DecisionJson.writeRequest(request), decision, LibraryVersion.VERSION, List.of("probe"),
                    Duration.ofNanos(12_000));
            AuditRecord other = new AuditRecord(at, "D2", "R-2", null, NOON_IN_NEW_YORK, null, decision,
                    LibraryVersion.VERSION, List.of(), Duration.ZERO);
            sink.write(List.of(record, other));

            assertEquals(List.of(record), sink.find("D1", at, at.plusNanos(1_000)));
            assertEquals(List.of(), sink.find("D1", at.plusNanos(1_000), WHOLE_YEAR_END));
            assertEquals(List.of(other), sink.find("D2", WHOLE_YEAR_START, WHOLE_YEAR_END));
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void recordsFromTheTrailKeepEachHistoryEntryOnceAndComeBackWhole() throws IOException, SQLException {
        DecisionRequest first = AuditFixtures.callWithHistory("R-1", "D1", 4);
        DecisionRequest second = AuditFixtures.callWithHistory("R-2", "D1", 5);
        Instant at = Instant.parse("2027-03-03T20:55:00Z");
        try (JdbcAuditSink sink = sink()) {
            sink.writeDecided(List.of(AuditFixtures.decided(first, at)));
            sink.writeDecided(List.of(AuditFixtures.decided(second, at.plusSeconds(1))));
            assertEquals(5, count("cg_audit_history_entry"));
            assertEquals(List.of(DecisionJson.writeRequest(first), DecisionJson.writeRequest(second)),
                    sink.find("D1", WHOLE_YEAR_START, WHOLE_YEAR_END).stream().map(AuditRecord::requestJson).toList());
        }
        try (JdbcAuditSink restarted = sink()) {
            // A new process remembers nothing: the table keeps the row it has, and the record reads whole.
            restarted.writeDecided(List.of(AuditFixtures.decided(second, at.plusSeconds(2))));
            assertEquals(5, count("cg_audit_history_entry"));
            assertEquals(3, restarted.find("D1", WHOLE_YEAR_START, WHOLE_YEAR_END).size());
        }
    }

    @Test
    void entriesOfAFailedBatchAreWrittenAgainWithItsRetry() throws IOException, SQLException {
        DecisionRequest request = AuditFixtures.callWithHistory("R-1", "D1", 3);
        List<Decided> batch = List.of(AuditFixtures.decided(request, Instant.parse("2027-03-03T20:55:00Z")));
        try (JdbcAuditSink sink = sink()) {
            execute("ALTER TABLE cg_audit RENAME TO cg_audit_away");
            assertThrows(IOException.class, () -> sink.writeDecided(batch));
            execute("ALTER TABLE cg_audit_away RENAME TO cg_audit");
            assertEquals(0, count("cg_audit_history_entry"), "rolled back with the records");
            sink.writeDecided(batch);
            assertEquals(3, count("cg_audit_history_entry"));
            assertEquals(List.of(DecisionJson.writeRequest(request)),
                    sink.find("D1", WHOLE_YEAR_START, WHOLE_YEAR_END).stream().map(AuditRecord::requestJson).toList());
        }
    }

    @Test
    void throughATrailTheTableGivesBackWhatWasDecided() throws Exception {
        DecisionRequest first = AuditFixtures.callWithHistory("R-1", "D1", 4);
        DecisionRequest second = AuditFixtures.callWithHistory("R-2", "D1", 5);
        JdbcAuditSink sink = sink();
        try (AuditTrail trail = AuditTrail.builder(sink).build()) {
            listenTo(trail);
            engine().decide(first);
            engine().decide(second);
        }
        try (JdbcAuditSink reading = sink()) {
            assertEquals(List.of(first, second), reading.find("D1", WHOLE_YEAR_START, WHOLE_YEAR_END).stream()
                    .map(r -> DecisionJson.parseRequest(r.requestJson())).toList());
        }
        assertEquals(5, count("cg_audit_history_entry"));
    }

    @Test
    void aFailingWriteLogsNeitherContactPointValuesNorMessageText() throws Exception {
        JdbcAuditSink sink = sink();
        try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE cg_audit");
        }
        String content = "Ms Example, pay 1,234.56 today";
        DecisionRequest base = call("R-1", "D1", NOON_IN_NEW_YORK);
        DecisionRequest request = DecisionRequest.builder().id("R-1").debtor(base.debtor()).accounts(base.accounts())
                .action(ProposedAction.builder().channel(Channel.SMS).at(NOON_IN_NEW_YORK).recipient(Recipient.DEBTOR)
                        .contactPoint(AuditFixtures.MOBILE).accountIds("A1").content(content).build())
                .build();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            AuditTrail trail = AuditTrail.builder(sink).closeTimeout(Duration.ofMillis(300)).build();
            listenTo(trail);
            engine().decide(request);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!captured.toString(StandardCharsets.UTF_8).contains("Audit sink")) {
                assertTrue(System.nanoTime() < deadline, "the failing write was never logged");
                Thread.sleep(10);
            }
            assertThrows(IllegalStateException.class, trail::close);
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains(AuditFixtures.MOBILE.id()), log);
        assertFalse(log.contains("pay 1,234.56"), log);
    }

    @Test
    void buildingTwiceOnOneDatabaseMigratesOnce() throws IOException, SQLException {
        sink().close();
        sink().close();
        try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM cg_audit_schema_version")) {
            rs.next();
            assertEquals(AuditSchema.LATEST, rs.getInt(1));
        }
    }

    @Test
    void aSchemaANewerLibraryMadeIsRefused() throws IOException, SQLException {
        sink().close();
        execute("INSERT INTO cg_audit_schema_version (version, description, applied_at) VALUES ("
                + (AuditSchema.LATEST + 1) + ", 'from the future', CURRENT_TIMESTAMP)");
        IOException refused = assertThrows(IOException.class, this::sink);
        assertTrue(refused.getMessage().contains("newer than this library's " + AuditSchema.LATEST), refused.getMessage());
        IOException unmigrated = assertThrows(IOException.class,
                () -> JdbcAuditSink.builder().url(url()).user(user()).password(password()).migrate(false).build());
        assertTrue(unmigrated.getMessage().contains("newer than this library's"), unmigrated.getMessage());
    }

    @Test
    void aConnectionToTheSameDatabaseIsRecognisedAndOneToAnotherIsNot() throws IOException, SQLException {
        try (JdbcAuditSink sink = sink(); Connection same = DriverManager.getConnection(url(), user(), password());
                Connection other = DriverManager.getConnection("jdbc:h2:mem:another-" + System.nanoTime(), "sa", "")) {
            assertTrue(sink.isSameDatabase(same));
            assertFalse(sink.isSameDatabase(other));
        }
    }

    @Test
    void decideAndRecordWritesTheRecordInTheLedgersTransaction() throws Exception {
        JdbcAuditSink sink = sink();
        try (JdbcContactLedger ledger = ledger(); AuditTrail trail = AuditTrail.builder(sink).build()) {
            listenTo(trail);
            LedgerDecision first = ledger.decideAndRecord(call("R-1", "D1", NOON_IN_NEW_YORK));
            LedgerDecision second = ledger.decideAndRecord(call("R-2", "D1", NOON_IN_NEW_YORK.plusSeconds(60)));

            assertEquals(Verdict.ALLOW, first.decision().verdict());
            assertEquals(Verdict.ALLOW, second.decision().verdict());
            // Committed with the reservation, not queued: found at once, nothing waiting.
            assertEquals(0, trail.pending());
            List<AuditRecord> records = sink.find("D1", WHOLE_YEAR_START, WHOLE_YEAR_END);
            assertEquals(List.of("R-1", "R-2"), records.stream().map(AuditRecord::requestId).toList());
            // The second record shows the history the rules saw: the first call, from the ledger.
            DecisionRequest decided = DecisionJson.parseRequest(records.get(1).requestJson());
            assertEquals(1, decided.history().size());
            assertEquals(NOON_IN_NEW_YORK, decided.history().get(0).at());
        }
    }

    @Test
    void aDenialInDecideAndRecordIsKeptThoughTheLedgerRollsBack() throws Exception {
        JdbcAuditSink sink = sink();
        try (JdbcContactLedger ledger = ledger(); AuditTrail trail = AuditTrail.builder(sink).build()) {
            listenTo(trail);
            LedgerDecision late = ledger.decideAndRecord(call("R-late", "D1", AuditFixtures.TEN_PM_IN_NEW_YORK));

            assertEquals(List.of("PROBE-HOURS-01"), late.decision().ruleIds());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (trail.written() < 1) {
                assertTrue(System.nanoTime() < deadline, "the denial was never written");
                Thread.sleep(5);
            }
            assertEquals(List.of("R-late"), sink.find("D1", WHOLE_YEAR_START, WHOLE_YEAR_END).stream()
                    .map(AuditRecord::requestId).toList());
        }
    }

    @Test
    void whenTheRecordCannotBeWrittenTheLedgerRecordsNothingAndDenies() throws Exception {
        JdbcAuditSink sink = sink();
        try (JdbcContactLedger ledger = ledger(); AuditTrail trail = AuditTrail.builder(sink).build()) {
            listenTo(trail);
            try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement()) {
                s.execute("DROP TABLE cg_audit");
            }

            LedgerDecision decision = ledger.decideAndRecord(call("R-1", "D1", NOON_IN_NEW_YORK));

            assertEquals(List.of(Reason.AUDIT_UNAVAILABLE), decision.decision().ruleIds());
            assertEquals(List.of(), ledger.history("D1", WHOLE_YEAR_START, WHOLE_YEAR_END));
        }
    }

    @Test
    void aLedgerDenialMadeWithoutTheRulesIsAuditedToo() throws Exception {
        JdbcAuditSink sink = sink();
        try (JdbcContactLedger ledger = ledger(); AuditTrail trail = AuditTrail.builder(sink).build()) {
            listenTo(trail);
            // The ledger holds a call about account A9, which the next request does not hold: INPUT-INVALID
            // before the rules run, reported by the ledger itself.
            ledger.record("D1", ContactAttempt.call(NOON_IN_NEW_YORK.minusSeconds(3_600), "A9", AuditFixtures.MOBILE,
                    Outcome.NO_ANSWER));

            LedgerDecision decision = ledger.decideAndRecord(call("R-1", "D1", NOON_IN_NEW_YORK));

            assertEquals(List.of(Reason.INPUT_INVALID), decision.decision().ruleIds());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (trail.written() < 1) {
                assertTrue(System.nanoTime() < deadline, "the denial was never written");
                Thread.sleep(5);
            }
            List<AuditRecord> records = sink.find("D1", WHOLE_YEAR_START, WHOLE_YEAR_END);
            assertEquals(List.of(decision.decision()), records.stream().map(AuditRecord::decision).toList());
        }
    }
}
