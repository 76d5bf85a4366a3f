/**
 * The API: build a {@link org.contactguard.core.decision.ComplianceEngine} once, share it, and call
 * {@code decide(request)} for every proposed contact.
 *
 * <pre>{@code
 * ComplianceEngine engine = ComplianceEngine.builder().pack("starter").build();
 * Decision decision = engine.decide(request);
 * if (decision.isAllowed()) { dial(); } else { log.info("{}", decision); }
 * }</pre>
 */
package org.contactguard.core.decision;
