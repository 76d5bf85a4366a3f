package org.contactguard.core.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Timeouts on an embedded H2 ledger. */
class H2TimeoutTest extends LedgerTimeoutContract {

    private final String url = "jdbc:h2:mem:timeouts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return null;
    }

    @Override
    String password() {
        return null;
    }

    @Override
    int sessionsWaitingForALock(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
