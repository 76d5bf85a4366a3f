package org.contactguard.core.engine;

import static org.contactguard.core.engine.TestPacks.assertProblem;
import static org.contactguard.core.engine.TestPacks.copy;
import static org.contactguard.core.engine.TestPacks.edit;
import static org.contactguard.core.engine.TestPacks.lineOf;
import static org.contactguard.core.engine.TestPacks.onlyProblem;
import static org.contactguard.core.engine.TestPacks.write;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.contactguard.core.decision.ComplianceEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant overlay that would loosen the pack, name what the pack does not declare, or set a
 * parameter with no declared direction does not load; nor does a malformed date. Each problem is
 * at the line to fix.
 */
class TenantLoadRejectionTest {

    @TempDir
    Path root;
    private Path pack;
    private Path tenant;
    private Path properties;
    private Path rules;

    @BeforeEach
    void copyTheDatedPack() {
        pack = copy(TestPacks.DATED, root);
        tenant = pack.resolve("tenants/strict.properties");
        properties = pack.resolve("pack.properties");
        rules = pack.resolve("rules.drl");
    }

    private RuleProblem loadFails() {
        return onlyProblem(assertThrows(RuleLoadException.class,
                () -> ComplianceEngine.builder().rulesDirectory(root).build()));
    }

    @Test
    void aHigherCapIsALoadErrorAtItsLine() {
        edit(tenant, "callCap = 5", "callCap = 8");
        assertProblem(tenant, lineOf(tenant, "callCap = 8"), "loosens pack 'dated', whose callCap is 7 (", loadFails());
    }

    @Test
    void aCapBetweenTheOldAndTheNewDatedValueLoosensFromTheNewDate() {
        edit(tenant, "callCap = 5", "callCap = 6");
        assertProblem(tenant, lineOf(tenant, "callCap = 6"), "whose callCap is 5 from 2027-01-01", loadFails());
    }

    @Test
    void aLaterEndHourIsALoadError() {
        write(tenant, "visitEnd = 22:00\n");
        assertProblem(tenant, 1, "stricter.visitEnd = earlier", loadFails());
    }

    @Test
    void aShorterWindowIsALoadError() {
        write(tenant, "callWindow = 6d\n");
        assertProblem(tenant, 1, "loosens pack 'dated', whose callWindow is PT168H", loadFails());
    }

    @Test
    void anUnknownParameterIsALoadError() {
        write(tenant, "# a typo\ncalCap = 5\n");
        assertProblem(tenant, 2, "unknown parameter 'calCap'", loadFails());
    }

    @Test
    void aParameterWithNoDeclaredDirectionIsALoadError() {
        edit(properties, "stricter.callWindow = longer\n", "");
        write(tenant, "callWindow = 14d\n");
        assertProblem(tenant, 1, "declares no direction (stricter.callWindow", loadFails());
    }

    @Test
    void turningADenialIntoAnAdvisoryIsALoadError() {
        write(tenant, "effect.DATED-CAP-01 = ADVISORY\n");
        assertProblem(tenant, 1, "would loosen DATED-CAP-01", loadFails());
    }

    @Test
    void aDirectionThatDoesNotFitTheTypeIsALoadError() {
        edit(properties, "stricter.callWindow = longer", "stricter.callWindow = lower");
        assertProblem(properties, lineOf(properties, "stricter.callWindow"), "does not fit", loadFails());
    }

    @Test
    void anUnknownDirectionWordIsALoadError() {
        edit(properties, "stricter.callCap = lower", "stricter.callCap = smaller");
        assertProblem(properties, lineOf(properties, "stricter.callCap"), "must be one of lower, higher", loadFails());
    }

    @Test
    void aDateThatDoesNotExistInARuleIsALoadErrorAtTheAnnotation() {
        edit(rules, "@effective(\"2027-03-01\")", "@effective(\"2027-02-30\")");
        assertProblem(rules, lineOf(rules, "2027-02-30"), "@effective '2027-02-30' is not a date", loadFails());
    }

    @Test
    void anExpiryNotAfterTheStartIsALoadError() {
        edit(rules, "    @effective(\"2027-03-01\")\n", "    @effective(\"2027-03-01\")\n    @expires(\"2027-02-01\")\n");
        assertProblem(rules, lineOf(rules, "@expires(\"2027-02-01\")"), "is not after", loadFails());
    }

    @Test
    void aMalformedDatedValueIsALoadErrorAtItsLine() {
        edit(properties, "callCap@2027-01-01", "callCap@2027-1-01");
        assertProblem(properties, lineOf(properties, "callCap@2027-1-01"), "is not a date", loadFails());
    }

    @Test
    void datesWithoutAPackZoneAreALoadError() {
        edit(properties, "pack.zone = America/Los_Angeles\n", "");
        assertProblem(properties, 0, "has effective dates", loadFails());
    }

    @Test
    void aFixedOffsetIsNoPackZone() {
        edit(properties, "pack.zone = America/Los_Angeles", "pack.zone = UTC-8");
        assertProblem(properties, lineOf(properties, "pack.zone"), "IANA region id", loadFails());
    }
}
