package org.contactguard.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Jurisdiction codes: how they are spelt and what they stack on. */
class JurisdictionsTest {

    @Test
    void stateCodeStacksOnItsCountry() {
        assertEquals(List.of("US-FL", "US"), Jurisdictions.stack("US-FL"));
        assertEquals(List.of("EU-IE", "EU"), Jurisdictions.stack("EU-IE"));
    }

    @Test
    void newYorkCityStacksOnNewYorkStateThenTheUnitedStates() {
        assertEquals(List.of("US-NYC", "US-NY", "US"), Jurisdictions.stack("US-NYC"));
        assertEquals("US-NY", Jurisdictions.parent("US-NYC"));
    }

    @Test
    void topLevelCodeStacksOnNothing() {
        assertEquals(List.of("CN"), Jurisdictions.stack("CN"));
        assertNull(Jurisdictions.parent("UK"));
    }

    @Test
    void codeIsTrimmedAndUpperCased() {
        assertEquals("US-MA", Jurisdictions.normalise(" us-Ma ", "jurisdiction"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"US/FL", "US_FL", "US--FL", "US-", "-US", "US FL", "美国"})
    void codeThatIsNotPartsJoinedByOneHyphenIsRefusedNamingTheField(String code) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Jurisdictions.normalise(code, "jurisdictions[0]"));
        assertEquals("jurisdictions[0]", e.field());
        assertTrue(e.problem().contains("is not a jurisdiction code"), e::getMessage);
    }

    @Test
    void accountJurisdictionIsCheckedTheSameWay() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Account.of("A1", Product.CREDIT_CARD, "US/FL", 0));
        assertEquals("jurisdiction", e.field());
    }
}
