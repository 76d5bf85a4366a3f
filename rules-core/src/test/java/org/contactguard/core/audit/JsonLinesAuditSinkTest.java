package org.contactguard.core.audit;

import static org.contactguard.core.audit.AuditFixtures.NOON_IN_NEW_YORK;
import static org.contactguard.core.audit.AuditFixtures.call;
import static org.contactguard.core.audit.AuditFixtures.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines audit files: one per UTC day, one record per line, read back by debtor and time. */
class JsonLinesAuditSinkTest {

    private static final Instant LAST_SECOND_OF_3_MARCH = Instant.parse("2027-03-03T23:59:59Z");
    private static final Instant FIRST_SECOND_OF_4_MARCH = Instant.parse("2027-03-04T00:00:00Z");

    @TempDir
    Path folder;

    private static AuditRecord record(String id, String debtor, Instant decidedAt) {
        DecisionRequest request = call(id, debtor, NOON_IN_NEW_YORK);
        Decision decision = engine().decide(request);
        return new AuditRecord(decidedAt, debtor, id, null, NOON_IN_NEW_YORK, DecisionJson.writeRequest(request),
                decision, LibraryVersion.VERSION, List.of("probe"), Duration.ofNanos(41_000));
    }

    @Test
    void aRecordDecidedBeforeMidnightAndOneAfterGoToTwoFiles() throws IOException {
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.write(List.of(record("R-1", "D1", LAST_SECOND_OF_3_MARCH), record("R-2", "D1", FIRST_SECOND_OF_4_MARCH)));
        }
        assertEquals(1, Files.readAllLines(folder.resolve("audit-2027-03-03.jsonl")).size());
        assertEquals(1, Files.readAllLines(folder.resolve("audit-2027-03-04.jsonl")).size());
    }

    @Test
    void recordsReadBackEqualToWhatWasWritten() throws IOException {
        AuditRecord written = record("R-1", "D1", LAST_SECOND_OF_3_MARCH);
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.write(List.of(written));
            List<AuditRecord> read = sink.find("D1", LAST_SECOND_OF_3_MARCH, FIRST_SECOND_OF_4_MARCH);
            assertEquals(List.of(written), read);
        }
    }

    @Test
    void findKeepsOnlyTheDebtorAndTheHalfOpenRange() throws IOException {
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.write(List.of(record("R-1", "D1", LAST_SECOND_OF_3_MARCH), record("R-2", "D2", LAST_SECOND_OF_3_MARCH),
                    record("R-3", "D1", FIRST_SECOND_OF_4_MARCH)));

            assertEquals(List.of("R-1"), ids(sink.find("D1", LAST_SECOND_OF_3_MARCH, FIRST_SECOND_OF_4_MARCH)));
            assertEquals(List.of("R-1", "R-3"), ids(sink.find("D1", LAST_SECOND_OF_3_MARCH,
                    FIRST_SECOND_OF_4_MARCH.plusNanos(1))));
            assertEquals(List.of(), ids(sink.find("D1", LAST_SECOND_OF_3_MARCH.plusNanos(1), FIRST_SECOND_OF_4_MARCH)));
            assertEquals(List.of("R-2"), ids(sink.find("D2", Instant.parse("2027-01-01T00:00:00Z"),
                    Instant.parse("2027-12-31T00:00:00Z"))));
        }
    }

    @Test
    void aLateRecordOfAnEarlierDayIsAppendedToThatDaysFile() throws IOException {
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.write(List.of(record("R-2", "D1", FIRST_SECOND_OF_4_MARCH)));
            sink.write(List.of(record("R-1", "D1", LAST_SECOND_OF_3_MARCH)));
            sink.write(List.of(record("R-3", "D1", FIRST_SECOND_OF_4_MARCH.plusSeconds(1))));
        }
        assertEquals(1, Files.readAllLines(folder.resolve("audit-2027-03-03.jsonl")).size());
        assertEquals(2, Files.readAllLines(folder.resolve("audit-2027-03-04.jsonl")).size());
    }

    @Test
    void eachLineIsOneJsonObjectWithTheRequestAndDecisionInContractForm() throws IOException {
        AuditRecord written = record("R-1", "D1", LAST_SECOND_OF_3_MARCH);
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.write(List.of(written));
        }
        String line = Files.readAllLines(folder.resolve("audit-2027-03-03.jsonl"), StandardCharsets.UTF_8).get(0);
        var tree = DecisionJson.parse(line);
        assertEquals("D1", tree.get("debtorId").asText());
        assertEquals("ALLOW", tree.get("verdict").asText());
        assertEquals(41, tree.get("durationMicros").asLong());
        assertEquals(DecisionJson.parseRequest(written.requestJson()),
                DecisionJson.parseRequest(DecisionJson.write(tree.get("request"), false)));
        assertEquals(written.decision(), DecisionJson.readDecision(DecisionJson.write(tree.get("decision"), false)));
    }

    @Test
    void aBrokenLineIsReportedWithFileAndLine() throws IOException {
        Files.writeString(folder.resolve("audit-2027-03-03.jsonl"), "{\"debtorId\":\"D1\"}\n");
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            IOException e = assertThrows(IOException.class,
                    () -> sink.find("D1", LAST_SECOND_OF_3_MARCH, FIRST_SECOND_OF_4_MARCH));
            assertTrue(e.getMessage().contains("audit-2027-03-03.jsonl:1"), e.getMessage());
        }
    }

    private static List<String> ids(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::requestId).toList();
    }
}
