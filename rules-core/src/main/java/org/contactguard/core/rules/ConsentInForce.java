package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.ContactPoint;

/**
 * A debtor consent valid at the evaluated moment: engine-built, one per consent of
 * {@code debtor.consents} that {@linkplain Consent#validAt holds} then, so that rules match
 * {@code ConsentInForce(kind == ConsentKind.MORE_VISITS, written)} or
 * {@code ConsentInForce(kind == ConsentKind.ELECTRONIC, names($point), age <= regf.messagingConsentFreshness)}
 * instead of iterating the debtor's list with {@code from}. Whether the consent lifts a rule for a
 * given contact (its channel, its number, its hours, how fresh it is) is the rule's.
 *
 * @param kind the consent's kind
 * @param channel the channel it names, or null (it names none)
 * @param contactPointId the number or address it names, or null (it names none)
 * @param from the start of the agreed hours (CONTACT_TIME), or null
 * @param to the end of the agreed hours, exclusive, or null
 * @param written whether the debtor gave it in writing
 * @param age how long before the moment it was given or last renewed (negative for a renewal
 *     recorded after the moment)
 * @param consent the consent itself, for the fields of its kind
 */
public record ConsentInForce(ConsentKind kind, Channel channel, String contactPointId, LocalTime from, LocalTime to,
        boolean written, Duration age, Consent consent) {

    public ConsentInForce {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(consent, "consent");
    }

    /** Every consent of {@code consents} valid at {@code at}, in their given order. */
    public static List<ConsentInForce> at(Instant at, List<Consent> consents) {
        if (consents.isEmpty()) {
            return List.of();
        }
        ConsentInForce[] valid = new ConsentInForce[consents.size()];
        int n = 0;
        for (Consent consent : consents) {
            if (consent.validAt(at)) {
                Instant latest = consent.renewedAt() != null ? consent.renewedAt() : consent.givenAt();
                valid[n++] = new ConsentInForce(consent.kind(), consent.channel(), consent.contactPointId(), consent.from(),
                        consent.to(), consent.written(), Duration.between(latest, at), consent);
            }
        }
        return n == 0 ? List.of() : List.of(Arrays.copyOf(valid, n));
    }

    /**
     * True when the consent names {@code point}: it names a number or address and it is that one
     * ({@code point} null, as for a visit: false).
     */
    public boolean names(ContactPoint point) {
        return contactPointId != null && point != null && contactPointId.equals(point.id());
    }
}
