package org.contactguard.core.audit;

import org.contactguard.core.model.DecisionRequest;

/**
 * A decision on its way to a sink that writes the request itself: {@code head} is the record with
 * every field but the request's JSON ({@code requestJson} null), {@code request} what was decided
 * (null when there was none).
 */
record Decided(AuditRecord head, DecisionRequest request) {
}
