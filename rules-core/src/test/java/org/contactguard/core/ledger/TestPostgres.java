package org.contactguard.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code CONTACTGUARD_TEST_PG_URL} (plus {@code _USER},
 * {@code _PASSWORD}), set by {@code .ci/postgres.sh start}, which {@code .ci/run} calls. Without it the
 * PostgreSQL tests are skipped with a loud message (a developer laptop); with
 * {@code CONTACTGUARD_TEST_PG_REQUIRED=true} (set by {@code .ci/run}) or {@code CI=true} (set by CI
 * services) its absence fails them instead.
 */
final class TestPostgres {

    static final String URL = System.getenv("CONTACTGUARD_TEST_PG_URL");
    static final String USER = System.getenv("CONTACTGUARD_TEST_PG_USER");
    static final String PASSWORD = System.getenv("CONTACTGUARD_TEST_PG_PASSWORD");
    /** The script that can pause and resume the server ({@code .ci/postgres.sh}). */
    static final String CTL = System.getenv("CONTACTGUARD_TEST_PG_CTL");

    private TestPostgres() {
    }

    /** Skips (loudly) or fails the calling test when no server is configured. */
    static void assumeAvailable() {
        if (URL != null && !URL.isBlank()) {
            return;
        }
        String message = "CONTACTGUARD_TEST_PG_URL is not set: the PostgreSQL ledger tests are NOT RUN. "
                + "Start a throwaway server with: eval \"$(.ci/postgres.sh start)\"";
        if (required()) {
            fail(message + " (CONTACTGUARD_TEST_PG_REQUIRED or CI is true: CI must run them)");
        }
        System.err.println("\n*** " + message + " ***\n");
        Assumptions.abort(message);
    }

    /** Skips or fails when the server cannot be paused and resumed by the tests. */
    static void assumeControllable() {
        assumeAvailable();
        if (CTL == null || CTL.isBlank()) {
            if (required()) {
                fail("CONTACTGUARD_TEST_PG_CTL is not set: CI must run the database-down test");
            }
            System.err.println("\n*** CONTACTGUARD_TEST_PG_CTL is not set: the PostgreSQL down test is NOT RUN ***\n");
            Assumptions.abort("CONTACTGUARD_TEST_PG_CTL is not set");
        }
    }

    private static boolean required() {
        return "true".equals(System.getenv("CONTACTGUARD_TEST_PG_REQUIRED")) || "true".equals(System.getenv("CI"));
    }

    /** A ledger builder pointed at the test server. */
    static JdbcContactLedger.Builder ledger() {
        return LedgerFixtures.jdbc().url(URL).user(USER).password(PASSWORD);
    }

    /** Stops the server (keeping its data). */
    static void pause() {
        control("pause");
    }

    /** Starts the server again. */
    static void resume() {
        control("resume");
    }

    private static void control(String command) {
        try {
            Process process = new ProcessBuilder(CTL, command).inheritIO().start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(CTL + " " + command + " did not finish within 90 s");
            }
            assertEquals(0, process.exitValue(), CTL + " " + command + " failed");
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + CTL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + CTL + " " + command, e);
        }
    }
}
