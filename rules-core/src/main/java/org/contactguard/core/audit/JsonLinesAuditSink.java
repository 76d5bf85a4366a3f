package org.contactguard.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.contactguard.core.model.InvalidInputException;

/**
 * Audit records as JSON Lines, one file per UTC day: {@code audit-2027-03-03.jsonl} in one folder,
 * a record per line (see {@link AuditRecord} for the fields; {@code request} and {@code decision} are
 * in the contract's JSON form). Every batch is forced to disk before {@link #write} returns. Old days
 * are never touched again, so they can be compressed, shipped or deleted by the usual log tools.
 *
 * <p>From an {@link AuditTrail}, each history entry is written once per file, on a line of its own
 * before the first record that needs it: {@code {"historyEntry":"<digest>","attempt":{...}}}, the
 * digest being the first 128 bits of the SHA-256 of the entry's canonical JSON, in hex. The record's
 * {@code request} then leaves out {@code history} and the record lists the entries' digests in
 * {@code historyRefs}, in the history's order. Each day's file is thus whole on its own, and
 * {@link #find} gives every request back with its history. The sink remembers the entries of the
 * current file it wrote most recently (65,536 unless told); one it has forgotten is written again
 * when next needed.
 */
public final class JsonLinesAuditSink implements HistoryKeepingSink {

    /** History entries remembered by default: about 30 MB at most, held by the writer thread. */
    public static final int DEFAULT_REMEMBERED_ENTRIES = 65_536;

    private static final String PREFIX = "audit-";
    private static final String SUFFIX = ".jsonl";
    /** The largest batch buffer kept from one batch to the next. */
    private static final int MAX_KEPT_BUFFER = 4 << 20;

    private final Path folder;
    private final KnownEntries known;
    /** The day whose file {@link #known} describes; null before the first record. */
    private LocalDate knownDay;
    private final AuditJson.Scratch scratch = new AuditJson.Scratch();
    private Bytes reused = new Bytes();
    private LocalDate openDay;
    private FileChannel open;

    /**
     * Writes into {@code folder}, creating it if needed.
     *
     * @throws IOException when the folder cannot be created
     */
    public JsonLinesAuditSink(Path folder) throws IOException {
        this(folder, DEFAULT_REMEMBERED_ENTRIES);
    }

    /**
     * Writes into {@code folder}, creating it if needed, remembering up to {@code rememberedEntries}
     * history entries of the current file (0: every record's entries are written before it).
     *
     * @throws IOException when the folder cannot be created
     * @throws IllegalArgumentException when {@code rememberedEntries} is negative
     */
    public JsonLinesAuditSink(Path folder, int rememberedEntries) throws IOException {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.known = new KnownEntries(rememberedEntries);
        Files.createDirectories(folder);
    }

    /** The file that holds the records decided on {@code day} (UTC). */
    public Path file(LocalDate day) {
        return folder.resolve(PREFIX + day + SUFFIX);
    }

    @Override
    public void write(List<AuditRecord> records) throws IOException {
        // Grouped by day, in order: a batch spanning midnight goes to both files.
        Map<LocalDate, Bytes> byDay = new LinkedHashMap<>();
        for (AuditRecord record : records) {
            AuditJson.writeLine(record, byDay.computeIfAbsent(day(record.decidedAt()), d -> new Bytes()));
        }
        append(byDay);
    }

    @Override
    public void writeDecided(List<Decided> decided) throws IOException {
        Map<LocalDate, Bytes> byDay = new LinkedHashMap<>();
        try {
            for (Decided d : decided) {
                LocalDate day = day(d.head().decidedAt());
                AuditJson.writeLines(d, byDay.computeIfAbsent(day, x -> bytes(byDay.isEmpty())), entriesOf(day),
                        scratch);
            }
            append(byDay);
        } catch (IOException | RuntimeException e) {
            // What was remembered may not have reached the file: write every entry again on the retry.
            known.forget();
            throw e;
        }
    }

    /**
     * What the file of {@code day} is known to hold: a later day starts a file with nothing known; a
     * late record of an earlier day (the clock set back) has every entry written with it.
     */
    private KnownEntries entriesOf(LocalDate day) {
        if (knownDay == null || day.isAfter(knownDay)) {
            known.forget();
            knownDay = day;
        }
        return day.equals(knownDay) ? known : new KnownEntries(0);
    }

    private void append(Map<LocalDate, Bytes> byDay) throws IOException {
        for (Map.Entry<LocalDate, Bytes> entry : byDay.entrySet()) {
            LocalDate day = entry.getKey();
            ByteBuffer bytes = entry.getValue().buffer();
            if (openDay != null && day.isBefore(openDay)) {
                // A late record of an earlier day (the clock was set back): appended there, today's stays open.
                try (FileChannel earlier = openAppending(day)) {
                    append(earlier, bytes);
                }
                continue;
            }
            if (open == null || !day.equals(openDay)) {
                FileChannel next = openAppending(day);
                if (open != null) {
                    open.close();
                }
                open = next;
                openDay = day;
            }
            try {
                append(open, bytes);
            } catch (IOException e) {
                // Opened afresh for the retry, which checks how the file ends.
                FileChannel failed = open;
                open = null;
                openDay = null;
                throw closedAfter(failed, e);
            }
        }
    }

    /**
     * The buffer for a batch's first day, kept from batch to batch (a batch is often a few records,
     * and a fresh 64 KB each time was most of what the writer allocated), or a new one for a further day.
     */
    private Bytes bytes(boolean first) {
        if (!first) {
            return new Bytes();
        }
        if (reused.capacity() > MAX_KEPT_BUFFER) {
            // One huge batch (a restart among long histories) need not keep its buffer for life.
            reused = new Bytes();
        }
        reused.reset();
        return reused;
    }

    /** A byte buffer whose contents are handed to the channel without another copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(64 * 1024);
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(buf, 0, count);
        }

        int capacity() {
            return buf.length;
        }
    }

    /**
     * The day's file, open for appending, ending with a line break: a file a crash left with a half
     * line gets one, so the next line does not join it.
     */
    private FileChannel openAppending(LocalDate day) throws IOException {
        Path path = file(day);
        boolean halfLine = endsWithoutLineBreak(path);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (halfLine) {
            try {
                append(channel, ByteBuffer.wrap(new byte[] {'\n'}));
            } catch (IOException e) {
                throw closedAfter(channel, e);
            }
        }
        return channel;
    }

    /** Closes {@code channel} after {@code failure}, to which a failure to close is attached; gives the failure. */
    private static IOException closedAfter(FileChannel channel, IOException failure) {
        try {
            channel.close();
        } catch (IOException closing) {
            failure.addSuppressed(closing);
        }
        return failure;
    }

    /** Whether {@code path} is a file whose last byte is not a line break (none yet is not). */
    private static boolean endsWithoutLineBreak(Path path) throws IOException {
        if (!Files.exists(path)) {
            return false;
        }
        try (FileChannel read = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = read.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    /**
     * Writes all of {@code bytes} and forces them to the device. On a failure the file is cut back to
     * where it ended, so a half-written batch leaves no half line for the retry to join: a joined
     * history entry line would hide the entry from every record that refers to it.
     */
    private static void append(FileChannel channel, ByteBuffer bytes) throws IOException {
        long end = channel.size();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(end);
            } catch (IOException cut) {
                e.addSuppressed(cut);
            }
            throw e;
        }
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * Reads the files of the days from {@code from} to {@code until}.
     *
     * @throws IOException when a file cannot be read, a line is not an audit record, or a history
     *     entry a record refers to is not in its file (file:line)
     */
    @Override
    public List<AuditRecord> find(String debtorId, Instant from, Instant until) throws IOException {
        Objects.requireNonNull(debtorId, "debtorId");
        List<AuditRecord> found = new ArrayList<>();
        if (!from.isBefore(until)) {
            return found;
        }
        LocalDate last = day(until.minusNanos(1));
        for (LocalDate day = day(from); !day.isAfter(last); day = day.plusDays(1)) {
            Path file = file(day);
            if (Files.exists(file)) {
                found.addAll(find(file, debtorId, from, until));
            }
        }
        found.sort(Comparator.comparing(AuditRecord::decidedAt));
        return found;
    }

    /** The debtor's records in one file: the records first, then the history entries they refer to. */
    private static List<AuditRecord> find(Path file, String debtorId, Instant from, Instant until) throws IOException {
        Map<Integer, JsonNode> matching = new LinkedHashMap<>();
        Set<String> needed = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || !line.contains(debtorId) || AuditJson.entryDigest(line) != null) {
                    continue;
                }
                try {
                    JsonNode record = AuditJson.tree(line);
                    if (!debtorId.equals(AuditJson.text(record, "debtorId"))) {
                        continue;
                    }
                    Instant decidedAt = AuditJson.instant(record, "decidedAt");
                    if (decidedAt == null) {
                        throw new InvalidInputException("decidedAt", "is required");
                    }
                    if (!decidedAt.isBefore(from) && decidedAt.isBefore(until)) {
                        matching.put(number, record);
                        needed.addAll(AuditJson.historyRefs(record));
                    }
                } catch (RuntimeException e) {
                    throw new IOException(file + ":" + number + ": not an audit record: " + e.getMessage(), e);
                }
            }
        }
        Map<String, JsonNode> entries = needed.isEmpty() ? Map.of() : entries(file, needed);
        List<AuditRecord> found = new ArrayList<>();
        for (Map.Entry<Integer, JsonNode> record : matching.entrySet()) {
            try {
                found.add(AuditJson.read(record.getValue(), entries::get));
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + record.getKey() + ": not an audit record: " + e.getMessage(), e);
            }
        }
        return found;
    }

    /**
     * The history entries of {@code file} whose digests are {@code needed}. An entry is written again
     * after a failed write, so a broken line does not hide a whole copy of it further on; a needed
     * entry with no whole copy is reported at its broken line.
     */
    private static Map<String, JsonNode> entries(Path file, Set<String> needed) throws IOException {
        Map<String, JsonNode> entries = new HashMap<>();
        Map<String, IOException> broken = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String digest = AuditJson.entryDigest(line);
                if (digest == null || !needed.contains(digest) || entries.containsKey(digest)) {
                    continue;
                }
                try {
                    JsonNode attempt = AuditJson.tree(line).get("attempt");
                    if (attempt == null || !attempt.isObject()) {
                        throw new IllegalArgumentException("a history entry's line holds an attempt object");
                    }
                    entries.put(digest, attempt);
                } catch (RuntimeException e) {
                    broken.putIfAbsent(digest,
                            new IOException(file + ":" + number + ": not a history entry: " + e.getMessage(), e));
                }
            }
        }
        for (Map.Entry<String, IOException> failure : broken.entrySet()) {
            if (!entries.containsKey(failure.getKey())) {
                throw failure.getValue();
            }
        }
        return entries;
    }

    @Override
    public String describe() {
        return "JSON Lines in " + folder;
    }

    @Override
    public void close() throws IOException {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
