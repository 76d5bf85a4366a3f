package org.contactguard.core.ledger;

import java.util.UUID;

/** The ledger contract on {@link JdbcContactLedger} with an embedded H2 database. */
class H2ContactLedgerTest extends ContactLedgerContract {

    private final String url = "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    ContactLedger newLedger() {
        return LedgerFixtures.jdbc().url(url).build();
    }
}
