package org.contactguard.core.decision;

import org.contactguard.core.model.DecisionRequest;

/**
 * The tenant a request names, for the audit record, metrics tags and the log MDC: the one place that
 * reads it, so the contract's {@code DecisionRequest.tenant} (contract v1, added 2026-12-03) reaches
 * all three at once.
 */
public final class RequestTenant {

    private RequestTenant() {
    }

    /** The request's tenant, or null when it names none (or there is no request). */
    public static String of(DecisionRequest request) {
        return request == null ? null : request.tenant();
    }
}
