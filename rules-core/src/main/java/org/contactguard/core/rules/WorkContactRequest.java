package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;

/**
 * A debtor's request not to be contacted at work ({@code NO_CONTACT_AT_WORK}) in force at the
 * evaluated moment, with the durations a state rule compares with its parameters: how old the
 * request is and how long after it the debtor confirmed it in writing. Engine-built, one per such
 * request; it measures, and the rule says how long an oral request lasts and what confirmation
 * keeps it (Massachusetts: 209 CMR 18.16(1)(c)).
 *
 * @param written whether the request was made in writing
 * @param since when it was made; null when not known
 * @param age how long before the moment it was made; null when {@code since} is not known
 * @param confirmedAfter how long after {@code since} the debtor confirmed it in writing (negative:
 *     before it); null when not confirmed or {@code since} is not known
 * @param confirmedBeforeMoment whether the written confirmation is dated before the moment
 * @param until when the request itself ends; null: no known end
 * @param restriction the restriction itself
 */
public record WorkContactRequest(boolean written, Instant since, Duration age, Duration confirmedAfter,
        boolean confirmedBeforeMoment, Instant until, Restriction restriction) {

    public WorkContactRequest {
        Objects.requireNonNull(restriction, "restriction");
    }

    /** The NO_CONTACT_AT_WORK requests among {@code inForce} (restrictions active at {@code at}), in their order. */
    public static List<WorkContactRequest> of(Instant at, List<RestrictionInForce> inForce) {
        List<WorkContactRequest> requests = new ArrayList<>(1);
        for (RestrictionInForce active : inForce) {
            if (active.kind() != RestrictionKind.NO_CONTACT_AT_WORK) {
                continue;
            }
            Restriction r = active.restriction();
            Instant since = r.since();
            Instant confirmed = r.confirmedInWritingAt();
            requests.add(new WorkContactRequest(r.written(), since, since == null ? null : Duration.between(since, at),
                    since == null || confirmed == null ? null : Duration.between(since, confirmed),
                    confirmed != null && confirmed.isBefore(at), r.until(), r));
        }
        return requests;
    }
}
