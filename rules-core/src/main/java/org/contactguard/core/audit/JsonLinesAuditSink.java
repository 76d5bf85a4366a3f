package org.contactguard.core.audit;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Audit records as JSON Lines, one file per UTC day: {@code audit-2027-03-03.jsonl} in one folder,
 * a record per line (see {@link AuditRecord} for the fields; {@code request} and {@code decision} are
 * in the contract's JSON form). Every batch is forced to disk before {@link #write} returns. Old days
 * are never touched again, so they can be compressed, shipped or deleted by the usual log tools.
 */
public final class JsonLinesAuditSink implements AuditSink {

    private static final String PREFIX = "audit-";
    private static final String SUFFIX = ".jsonl";

    private final Path folder;
    private LocalDate openDay;
    private FileChannel open;

    /**
     * Writes into {@code folder}, creating it if needed.
     *
     * @throws IOException when the folder cannot be created
     */
    public JsonLinesAuditSink(Path folder) throws IOException {
        this.folder = Objects.requireNonNull(folder, "folder");
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
            append(open, bytes);
        }
    }

    /** A byte buffer whose contents are handed to the channel without another copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(64 * 1024);
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }

    private FileChannel openAppending(LocalDate day) throws IOException {
        return FileChannel.open(file(day), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Writes all of {@code bytes} and forces them to the device. */
    private static void append(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * Reads the files of the days from {@code from} to {@code until}.
     *
     * @throws IOException when a file cannot be read, or a line is not an audit record (file:line)
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
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank() || !line.contains(debtorId)) {
                        continue;
                    }
                    AuditRecord record;
                    try {
                        record = AuditJson.read(line);
                    } catch (RuntimeException e) {
                        throw new IOException(file + ":" + number + ": not an audit record: " + e.getMessage(), e);
                    }
                    if (debtorId.equals(record.debtorId()) && !record.decidedAt().isBefore(from)
                            && record.decidedAt().isBefore(until)) {
                        found.add(record);
                    }
                }
            } catch (NoSuchFileException e) {
                // No decision that day: nothing to read.
                continue;
            }
        }
        found.sort(Comparator.comparing(AuditRecord::decidedAt));
        return found;
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
