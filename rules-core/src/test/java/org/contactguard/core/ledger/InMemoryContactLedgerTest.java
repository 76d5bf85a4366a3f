package org.contactguard.core.ledger;

/** The ledger contract on {@link InMemoryContactLedger}. */
class InMemoryContactLedgerTest extends ContactLedgerContract {

    @Override
    ContactLedger newLedger() {
        return new InMemoryContactLedger(LedgerFixtures.engine());
    }
}
