package org.contactguard.core.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;

/** Timeouts on a PostgreSQL ledger (see {@link TestPostgres}). */
class PostgresTimeoutTest extends LedgerTimeoutContract {

    @BeforeAll
    static void needsPostgres() {
        TestPostgres.assumeAvailable();
    }

    @Override
    String url() {
        return TestPostgres.URL;
    }

    @Override
    String user() {
        return TestPostgres.USER;
    }

    @Override
    String password() {
        return TestPostgres.PASSWORD;
    }

    @Override
    int sessionsWaitingForALock(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(
                "SELECT COUNT(*) FROM pg_locks WHERE NOT granted")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
