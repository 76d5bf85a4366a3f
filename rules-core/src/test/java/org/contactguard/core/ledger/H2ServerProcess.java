package org.contactguard.core.ledger;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An H2 TCP server in a JVM of its own, so a test can take the database away the way an outage does
 * (SIGKILL) and start it again on the same port and files.
 */
final class H2ServerProcess implements AutoCloseable {

    private final int port;
    private final Path baseDir;
    private final Path log;
    private Process process;

    H2ServerProcess(Path baseDir) {
        this.baseDir = baseDir;
        this.log = baseDir.resolve("h2-server.log");
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of database {@code name} on this server. */
    String url(String name) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + baseDir.toAbsolutePath().resolve(name);
    }

    /** Starts the server and waits until it accepts connections. */
    void start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try {
            process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", classpath, "org.h2.tools.Server", "-tcp",
                    "-tcpPort", String.valueOf(port), "-ifNotExists"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    fail("the H2 server did not start on port " + port + "; see " + log);
                }
                sleep();
            }
        }
    }

    /** Kills the server with SIGKILL, as a crash or a pulled cable would end it. */
    void kill() {
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
    }
}
