package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.ContactPoint;

/**
 * A debtor consent valid at the evaluated moment: engine-built, one per consent of
 * {@code debtor.consents} that is {@linkplain Consent#validAt valid} then, so that rules match
 * {@code ConsentInForce(kind == ConsentKind.ELECTRONIC, ...)} instead of asking a helper. Whether the
 * consent lets a contact through (which number, how fresh) is the rule's.
 *
 * @param kind the consent's kind
 * @param written whether the debtor gave it in writing
 * @param age how long before the moment it was given or last renewed (negative for a renewal
 *     recorded after the moment)
 * @param consent the consent itself, for the fields of its kind ({@code channel},
 *     {@code contactPointId}, {@code from}/{@code to}, ...)
 */
public record ConsentInForce(ConsentKind kind, boolean written, Duration age, Consent consent) {

    public ConsentInForce {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(consent, "consent");
    }

    /** Whether the consent names {@code point} (by id); false when either names none. */
    public boolean namesContactPoint(ContactPoint point) {
        return point != null && point.id().equals(consent.contactPointId());
    }

    /** Every consent of {@code consents} valid at {@code at}, in their given order. */
    public static List<ConsentInForce> at(Instant at, List<Consent> consents) {
        if (consents.isEmpty()) {
            return List.of();
        }
        List<ConsentInForce> valid = new ArrayList<>(consents.size());
        for (Consent consent : consents) {
            if (consent.validAt(at)) {
                Instant latest = consent.renewedAt() != null ? consent.renewedAt() : consent.givenAt();
                valid.add(new ConsentInForce(consent.kind(), consent.written(), Duration.between(latest, at), consent));
            }
        }
        return List.copyOf(valid);
    }
}
