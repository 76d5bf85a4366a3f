package org.contactguard.core.ledger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dialer process killed with SIGKILL in the middle of its decisions: every attempt it was told was
 * recorded (it printed the id after {@code decideAndRecord} returned ALLOW) is in the ledger, and no
 * attempt is half-written.
 */
class CrashSafetyTest {

    /** Allowed decisions to see before the kill: enough that the kill lands mid-run, not at the start. */
    static final int ALLOWED_BEFORE_KILL = 40;
    /** More decisions than the worker gets through before the kill, so it is always busy when killed. */
    static final int DECISIONS = 100_000;

    @TempDir
    Path tmp;

    @Test
    void embeddedH2KilledMidBatchKeepsEveryAttemptItReported() throws Exception {
        // The worker owns the database file (embedded): its own death is the crash H2 must survive.
        String url = "jdbc:h2:file:" + tmp.toAbsolutePath() + "/crash";
        killMidBatchAndCheck(url, null, null);
    }

    @Test
    void postgresClientKilledMidBatchKeepsEveryAttemptItReported() throws Exception {
        TestPostgres.assumeAvailable();
        killMidBatchAndCheck(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD);
    }

    private void killMidBatchAndCheck(String url, String user, String password) throws Exception {
        String prefix = "crash-" + UUID.randomUUID();
        Set<Long> stored;
        try (ChildWorker worker = new ChildWorker(tmp, "crash", url, user == null ? "-" : user,
                password == null ? "-" : password, prefix, "0", "4", String.valueOf(DECISIONS / 4))) {
            worker.awaitReady();
            worker.go();
            worker.killAfterAllowed(ALLOWED_BEFORE_KILL);

            try (Connection c = LedgerChecks.connect(url, user, password)) {
                stored = LedgerChecks.attemptIds(c, prefix);
                LedgerChecks.assertEveryAttemptIsWhole(c, prefix);
            }
            assertTrue(stored.containsAll(worker.allowed()), () -> "reported but not stored: "
                    + worker.allowed().stream().filter(id -> !stored.contains(id)).toList());
            assertTrue(worker.allowed().size() >= ALLOWED_BEFORE_KILL);
        }
    }
}
