package org.contactguard.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.contactguard.core.model.InvalidInputException;

/** What the ledger accepts as an id, for any text: the same spelling only, and only what it can store. */
class LedgerInputProperties {

    @Property
    void anyTextIsEitherAcceptedOrRefusedNamingTheField(@ForAll String id) {
        try {
            LedgerInput.key(id, "debtor.id");
        } catch (InvalidInputException e) {
            assertEquals("debtor.id", e.field());
        }
    }

    @Property
    void anAcceptedIdWithWhiteSpaceAddedIsRefused(@ForAll String id) {
        Assume.that(accepted(id));

        assertThrows(InvalidInputException.class, () -> LedgerInput.key(id + " ", "debtor.id"));
        assertThrows(InvalidInputException.class, () -> LedgerInput.key("\t" + id, "debtor.id"));
    }

    @Property
    void anAcceptedIdIsInNfcAndHoldsNoNulOrUnpairedSurrogate(@ForAll String id) {
        Assume.that(accepted(id));

        assertEquals(Normalizer.normalize(id, Normalizer.Form.NFC), id);
        assertEquals(-1, id.indexOf('\0'));
        assertEquals(id.length(), new String(id.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8).length(), "survives UTF-8 unchanged");
    }

    private static boolean accepted(String id) {
        try {
            LedgerInput.key(id, "debtor.id");
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
