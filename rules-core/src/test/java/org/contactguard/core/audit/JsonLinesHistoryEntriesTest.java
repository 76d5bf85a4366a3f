package org.contactguard.core.audit;

import static org.contactguard.core.audit.AuditFixtures.engine;
import static org.contactguard.core.audit.AuditFixtures.listenTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON Lines audit files written from a trail keep each history entry once per file and give every
 * request back whole: a record refers to the entries the file already holds.
 */
class JsonLinesHistoryEntriesTest {

    private static final Instant MORNING_OF_3_MARCH = Instant.parse("2027-03-03T10:00:00Z");
    private static final Instant LAST_SECOND_OF_3_MARCH = Instant.parse("2027-03-03T23:59:59Z");
    private static final Instant FIRST_SECOND_OF_4_MARCH = Instant.parse("2027-03-04T00:00:00Z");
    private static final Instant WHOLE_YEAR_FROM = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant WHOLE_YEAR_UNTIL = Instant.parse("2028-01-01T00:00:00Z");

    @TempDir
    Path folder;

    private static DecisionRequest withHistory(String id, String debtor, int calls) {
        return AuditFixtures.callWithHistory(id, debtor, calls);
    }

    private static Decided decided(DecisionRequest request, Instant decidedAt) {
        return AuditFixtures.decided(request, decidedAt);
    }

    private List<String> lines(String day) throws IOException {
        return Files.readAllLines(folder.resolve("audit-" + day + ".jsonl"), StandardCharsets.UTF_8);
    }

    private static long entryLines(List<String> lines) {
        return lines.stream().filter(line -> AuditJson.entryDigest(line) != null).count();
    }

    @Test
    void aSecondRecordWithTheSameHistoryWritesNoEntryAgain() throws IOException {
        DecisionRequest first = withHistory("R-1", "D1", 5);
        DecisionRequest second = withHistory("R-2", "D1", 5);
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.writeDecided(List.of(decided(first, MORNING_OF_3_MARCH)));
            sink.writeDecided(List.of(decided(second, MORNING_OF_3_MARCH.plusSeconds(1))));
            List<String> lines = lines("2027-03-03");
            assertEquals(5, entryLines(lines), "five entry lines, then two records");
            assertEquals(7, lines.size());

            List<AuditRecord> read = sink.find("D1", WHOLE_YEAR_FROM, WHOLE_YEAR_UNTIL);
            assertEquals(List.of(DecisionJson.writeRequest(first), DecisionJson.writeRequest(second)),
                    read.stream().map(AuditRecord::requestJson).toList());
        }
    }

    @Test
    void aHistoryThatGrowsByOneWritesOneEntry() throws IOException {
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.writeDecided(List.of(decided(withHistory("R-1", "D1", 4), MORNING_OF_3_MARCH)));
            sink.writeDecided(List.of(decided(withHistory("R-2", "D1", 5), MORNING_OF_3_MARCH.plusSeconds(1))));
        }
        assertEquals(5, entryLines(lines("2027-03-03")));
    }

    @Test
    void everyDaysFileHoldsTheEntriesItsRecordsReferTo() throws IOException {
        DecisionRequest request = withHistory("R-1", "D1", 3);
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.writeDecided(List.of(decided(request, LAST_SECOND_OF_3_MARCH),
                    decided(request, FIRST_SECOND_OF_4_MARCH)));
        }
        assertEquals(3, entryLines(lines("2027-03-03")));
        assertEquals(3, entryLines(lines("2027-03-04")));
        Files.delete(folder.resolve("audit-2027-03-03.jsonl"));
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            List<AuditRecord> read = sink.find("D1", WHOLE_YEAR_FROM, WHOLE_YEAR_UNTIL);
            assertEquals(List.of(DecisionJson.writeRequest(request)), read.stream().map(AuditRecord::requestJson).toList());
        }
    }

    @Test
    void aLateRecordOfAnEarlierDayCarriesItsEntriesIntoThatFile() throws IOException {
        DecisionRequest request = withHistory("R-1", "D1", 2);
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.writeDecided(List.of(decided(request, FIRST_SECOND_OF_4_MARCH)));
            sink.writeDecided(List.of(decided(request, LAST_SECOND_OF_3_MARCH)));
            sink.writeDecided(List.of(decided(request, FIRST_SECOND_OF_4_MARCH.plusSeconds(1))));
            assertEquals(2, entryLines(lines("2027-03-03")));
            assertEquals(2, entryLines(lines("2027-03-04")), "the late record did not make today's file forget");
            assertEquals(3, sink.find("D1", WHOLE_YEAR_FROM, WHOLE_YEAR_UNTIL).size());
        }
    }

    @Test
    void aFailedWriteWritesTheEntriesAgainOnTheRetry() throws IOException {
        DecisionRequest request = withHistory("R-1", "D1", 3);
        Path blocking = Files.createDirectory(folder.resolve("audit-2027-03-03.jsonl"));
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            List<Decided> batch = List.of(decided(request, MORNING_OF_3_MARCH));
            assertThrows(IOException.class, () -> sink.writeDecided(batch));
            Files.delete(blocking);
            sink.writeDecided(batch);
            assertEquals(3, entryLines(lines("2027-03-03")));
            assertEquals(List.of(DecisionJson.writeRequest(request)),
                    sink.find("D1", WHOLE_YEAR_FROM, WHOLE_YEAR_UNTIL).stream().map(AuditRecord::requestJson).toList());
        }
    }

    @Test
    void aHalfLineLeftByACrashNeitherJoinsTheNextLineNorHidesAnEntryWrittenAgain() throws IOException {
        DecisionRequest request = withHistory("R-1", "D1", 3);
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.writeDecided(List.of(decided(request, MORNING_OF_3_MARCH)));
        }
        // The process died while writing: the file ends in the middle of the second entry's line.
        Path file = folder.resolve("audit-2027-03-03.jsonl");
        String written = Files.readString(file, StandardCharsets.UTF_8);
        int secondLine = written.indexOf('\n') + 1;
        Files.writeString(file, written.substring(0, secondLine + 60), StandardCharsets.UTF_8);

        try (JsonLinesAuditSink restarted = new JsonLinesAuditSink(folder)) {
            restarted.writeDecided(List.of(decided(withHistory("R-2", "D1", 3), MORNING_OF_3_MARCH.plusSeconds(1))));
            List<AuditRecord> read = restarted.find("D1", WHOLE_YEAR_FROM, WHOLE_YEAR_UNTIL);
            assertEquals(List.of("R-2"), read.stream().map(AuditRecord::requestId).toList());
            assertEquals(DecisionJson.writeRequest(withHistory("R-2", "D1", 3)), read.get(0).requestJson());
        }
        List<String> lines = lines("2027-03-03");
        assertEquals(60, lines.get(1).length(), "the half line stays on a line of its own");
    }

    @Test
    void rememberingNothingWritesEachRecordsEntriesBeforeIt() throws IOException {
        DecisionRequest request = withHistory("R-1", "D1", 3);
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder, 0)) {
            sink.writeDecided(List.of(decided(request, MORNING_OF_3_MARCH), decided(request, MORNING_OF_3_MARCH)));
        }
        assertEquals(6, entryLines(lines("2027-03-03")));
    }

    @Test
    void aRecordWhoseEntryIsMissingIsReportedWithFileAndLine() throws IOException {
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.writeDecided(List.of(decided(withHistory("R-1", "D1", 2), MORNING_OF_3_MARCH)));
        }
        Path file = folder.resolve("audit-2027-03-03.jsonl");
        List<String> lines = lines("2027-03-03");
        Files.write(file, lines.subList(1, lines.size()), StandardCharsets.UTF_8);
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            IOException e = assertThrows(IOException.class, () -> sink.find("D1", WHOLE_YEAR_FROM, WHOLE_YEAR_UNTIL));
            assertTrue(e.getMessage().contains("audit-2027-03-03.jsonl:2") && e.getMessage().contains("historyRefs[0]"),
                    e.getMessage());
        }
    }

    @Test
    void aRecordLineKeepsTheFieldsAToolReadsWithoutTheEntries() throws IOException {
        Decided decided = decided(withHistory("R-1", "D1", 2), MORNING_OF_3_MARCH);
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            sink.writeDecided(List.of(decided));
        }
        var record = DecisionJson.parse(lines("2027-03-03").get(2));
        assertEquals("D1", record.get("debtorId").asText());
        assertEquals(decided.head().decision().verdict().name(), record.get("verdict").asText());
        assertEquals(2, record.get("historyRefs").size());
        assertEquals(null, record.get("request").get("history"), "the request refers to its history instead");
        assertEquals(KnownEntries.DIGEST_LENGTH, record.get("historyRefs").get(0).asText().length());
    }

    @Test
    void throughATrailTheFileGivesBackWhatWasDecided() throws IOException {
        DecisionRequest first = withHistory("R-1", "D1", 4);
        DecisionRequest second = withHistory("R-2", "D1", 5);
        try (AuditTrail trail = AuditTrail.builder(new JsonLinesAuditSink(folder))
                .clock(java.time.Clock.fixed(MORNING_OF_3_MARCH, java.time.ZoneOffset.UTC)).build()) {
            listenTo(trail);
            try {
                engine().decide(first);
                engine().decide(second);
            } finally {
                listenTo(null);
            }
        }
        assertEquals(5, entryLines(lines("2027-03-03")));
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(folder)) {
            List<AuditRecord> read = sink.find("D1", WHOLE_YEAR_FROM, WHOLE_YEAR_UNTIL);
            assertEquals(List.of(first, second),
                    read.stream().map(r -> DecisionJson.parseRequest(r.requestJson())).toList());
        }
    }
}
