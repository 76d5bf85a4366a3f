package org.contactguard.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link LedgerWorker} in its own JVM, started with the test classpath, and what it printed. */
final class ChildWorker implements AutoCloseable {

    private final Process process;
    private final BufferedReader stdout;
    private final Path stderr;
    private final List<Long> allowed = new ArrayList<>();
    private final List<String> denied = new ArrayList<>();
    private boolean done;

    ChildWorker(Path logDir, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire runs tests from a manifest-only jar; it names the real classpath here.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                LedgerWorker.class.getName()));
        command.addAll(List.of(args));
        try {
            stderr = Files.createTempFile(logDir, "worker-", ".log");
            process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Waits for READY. */
    void awaitReady() {
        String line = next();
        if (!"READY".equals(line)) {
            fail("worker did not start: " + line + "\n" + log());
        }
    }

    /** Lets the worker start deciding. */
    void go() {
        try {
            Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write("GO\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one line of the worker's output and notes what it says; null at the end of the output. */
    String next() {
        try {
            String line = stdout.readLine();
            if (line != null) {
                if (line.startsWith("ALLOWED ")) {
                    allowed.add(Long.parseLong(line.substring("ALLOWED ".length())));
                } else if (line.startsWith("DENIED ")) {
                    denied.add(line.substring("DENIED ".length()));
                } else if (line.equals("DONE")) {
                    done = true;
                }
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the output to its end and waits for the process to exit normally. */
    void finish() {
        while (next() != null) {
            // every line is noted by next()
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                fail("worker did not exit\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertEquals(0, process.exitValue(), () -> "worker failed\n" + log());
        if (!done) {
            fail("worker exited without DONE\n" + log());
        }
    }

    /** Reads until {@code count} decisions were allowed, then kill -9 (SIGKILL) and read what was printed before. */
    void killAfterAllowed(int count) {
        while (allowed.size() < count) {
            if (next() == null) {
                fail("worker ended before " + count + " allowed decisions\n" + log());
            }
        }
        // SIGKILL through the handle: Process.destroyForcibly would also close our end of its output,
        // losing the lines it printed just before dying.
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        while (next() != null) {
            // lines already in the pipe were printed, so their attempts were committed: keep them
        }
    }

    List<Long> allowed() {
        return allowed;
    }

    List<String> denied() {
        return denied;
    }

    String log() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
