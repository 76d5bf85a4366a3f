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

    /**
     * The request's tenant, or null when it names none (or there is no request).
     *
     * <p>Until the fact model carries {@code DecisionRequest.tenant()} this is always null; when it
     * does, this method returns {@code request.tenant()} and nothing else changes.
     */
    public static String of(DecisionRequest request) {
        if (request == null) {
            return null;
        }
        // TENANT: return request.tenant(); once DecisionRequest has the contract's tenant field.
        return null;
    }
}
