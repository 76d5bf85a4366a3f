package org.contactguard.core.audit;

import java.util.UUID;

/** The JDBC audit sink on embedded H2. */
class H2JdbcAuditSinkTest extends JdbcAuditSinkContract {

    private final String url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }
}
