package org.contactguard.core.model;

import static org.contactguard.core.model.Fixtures.NOON;
import static org.contactguard.core.model.Fixtures.ONE_HOUR_AFTER_NOON;
import static org.contactguard.core.model.Fixtures.ONE_HOUR_BEFORE_NOON;
import static org.contactguard.core.model.Fixtures.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Both sides of every time edge the model defines: windows, restriction activity, consent validity. */
class TimeEdgesTest {

    static final LocalTimeWindow NIGHT_22_TO_08 = new LocalTimeWindow(LocalTime.of(22, 0), LocalTime.of(8, 0));
    static final LocalTimeWindow DAY_08_TO_22 = new LocalTimeWindow(LocalTime.of(8, 0), LocalTime.of(22, 0));
    static final Instant JUST_BEFORE_NOON = NOON.minus(Duration.ofNanos(1));

    @Test
    void windowWithoutEndsIsRejected() {
        assertInvalid("from: is required", () -> new LocalTimeWindow(null, LocalTime.NOON));
        assertInvalid("to: is required", () -> new LocalTimeWindow(LocalTime.NOON, null));
    }

    @Test
    void windowWithEqualEndsIsRejected() {
        assertInvalid("to: must differ from from", () -> new LocalTimeWindow(LocalTime.NOON, LocalTime.NOON));
    }

    @Test
    void nightWindowWrapsPastMidnightAndExcludesItsEnd() {
        assertTrue(NIGHT_22_TO_08.contains(LocalTime.of(23, 30)));
        assertTrue(NIGHT_22_TO_08.contains(LocalTime.MIDNIGHT));
        assertTrue(NIGHT_22_TO_08.contains(LocalTime.of(7, 59)));
        assertTrue(NIGHT_22_TO_08.contains(LocalTime.of(7, 59, 59, 999_999_999)));
        assertFalse(NIGHT_22_TO_08.contains(LocalTime.of(8, 0)));
        assertFalse(NIGHT_22_TO_08.contains(LocalTime.NOON));
    }

    @Test
    void nightWindowIncludesItsStart() {
        assertFalse(NIGHT_22_TO_08.contains(LocalTime.of(21, 59)));
        assertTrue(NIGHT_22_TO_08.contains(LocalTime.of(22, 0)));
    }

    @Test
    void dayWindowIncludesItsStartAndExcludesItsEnd() {
        assertFalse(DAY_08_TO_22.contains(LocalTime.of(7, 59)));
        assertTrue(DAY_08_TO_22.contains(LocalTime.of(8, 0)));
        assertTrue(DAY_08_TO_22.contains(LocalTime.of(21, 59)));
        assertFalse(DAY_08_TO_22.contains(LocalTime.of(22, 0)));
        assertFalse(DAY_08_TO_22.contains(LocalTime.MIDNIGHT));
    }

    @Test
    void restrictionIsActiveFromSinceUntilJustBeforeUntil() {
        Restriction disputed = Restriction.of(RestrictionKind.DISPUTED, NOON, ONE_HOUR_AFTER_NOON);
        assertFalse(disputed.activeAt(JUST_BEFORE_NOON));
        assertTrue(disputed.activeAt(NOON));
        assertTrue(disputed.activeAt(ONE_HOUR_AFTER_NOON.minusNanos(1)));
        assertFalse(disputed.activeAt(ONE_HOUR_AFTER_NOON));
    }

    @Test
    void restrictionWithoutEndsIsAlwaysActive() {
        Restriction deceased = Restriction.of(RestrictionKind.DECEASED);
        assertTrue(deceased.activeAt(Instant.EPOCH));
        assertTrue(deceased.activeAt(NOON));
    }

    @Test
    void restrictionWithOnlySinceIsActiveFromThenOn() {
        Restriction cease = Restriction.cease(NOON, true);
        assertFalse(cease.activeAt(JUST_BEFORE_NOON));
        assertTrue(cease.activeAt(NOON));
        assertTrue(cease.activeAt(Instant.parse("2100-01-01T00:00:00Z")));
    }

    @Test
    void restrictionWithOnlyUntilIsActiveUntilThen() {
        Restriction plan = Restriction.of(RestrictionKind.REPAYMENT_PLAN_ACTIVE, null, NOON);
        assertTrue(plan.activeAt(ONE_HOUR_BEFORE_NOON));
        assertTrue(plan.activeAt(JUST_BEFORE_NOON));
        assertFalse(plan.activeAt(NOON));
    }

    @Test
    void consentIsValidFromWhenGivenUntilJustBeforeItExpires() {
        Consent callback = Consent.callback(NOON, ONE_HOUR_AFTER_NOON);
        assertFalse(callback.validAt(JUST_BEFORE_NOON));
        assertTrue(callback.validAt(NOON));
        assertTrue(callback.validAt(ONE_HOUR_AFTER_NOON.minusNanos(1)));
        assertFalse(callback.validAt(ONE_HOUR_AFTER_NOON));
    }

    @Test
    void consentWithoutExpiryStaysValid() {
        Consent electronic = Consent.electronic(NOON, Channel.EMAIL, "P1");
        assertFalse(electronic.validAt(JUST_BEFORE_NOON));
        assertTrue(electronic.validAt(Instant.parse("2100-01-01T00:00:00Z")));
    }
}
