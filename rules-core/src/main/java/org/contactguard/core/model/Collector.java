package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.listOf;
import static org.contactguard.core.model.Checks.nonBlank;
import static org.contactguard.core.model.Checks.optionalNonBlank;
import static org.contactguard.core.model.Checks.required;

import java.util.List;

/**
 * Who is collecting: its kind, an optional id, the jurisdictions it is licensed in, whether it is a law
 * firm (so it may say so), and whether the creditor approved agents' personal phones or social accounts
 * (for an outsourced agency).
 */
public record Collector(
        CollectorKind kind, String id, List<String> licensedIn, boolean lawFirm, boolean personalDevicesApproved) {

    public Collector {
        required(kind, "kind");
        optionalNonBlank(id, "id");
        licensedIn = listOf(licensedIn, "licensedIn");
        for (int i = 0; i < licensedIn.size(); i++) {
            nonBlank(licensedIn.get(i), "licensedIn[" + i + "]");
        }
    }

    /** A collector that is not a law firm. */
    public Collector(CollectorKind kind, String id, List<String> licensedIn, boolean personalDevicesApproved) {
        this(kind, id, licensedIn, false, personalDevicesApproved);
    }

    /** The contract's default when a request names no collector: an anonymous third-party collector. */
    public static Collector defaultCollector() {
        return of(CollectorKind.THIRD_PARTY_COLLECTOR);
    }

    /** A collector of this kind with no id, no licences, not a law firm, no approved personal devices. */
    public static Collector of(CollectorKind kind) {
        return new Collector(kind, null, List.of(), false, false);
    }
}
