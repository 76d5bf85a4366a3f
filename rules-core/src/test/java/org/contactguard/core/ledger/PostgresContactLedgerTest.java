package org.contactguard.core.ledger;

import org.junit.jupiter.api.BeforeAll;

/** The ledger contract on {@link JdbcContactLedger} with PostgreSQL (see {@link TestPostgres}). */
class PostgresContactLedgerTest extends ContactLedgerContract {

    @BeforeAll
    static void needsPostgres() {
        TestPostgres.assumeAvailable();
    }

    @Override
    ContactLedger newLedger() {
        return TestPostgres.ledger().build();
    }
}
