/**
 * An audit record of every decision: an {@link org.contactguard.core.audit.AuditTrail} (a
 * {@link org.contactguard.core.decision.DecisionListener}) hands each decision to an
 * {@link org.contactguard.core.audit.AuditSink} through a bounded queue, and never drops one: when
 * the queue is full, a decision waits or is denied with {@code AUDIT-UNAVAILABLE}.
 *
 * <pre>{@code
 * AuditTrail audit = AuditTrail.builder(new JsonLinesAuditSink(Path.of("/var/log/contactguard/audit")))
 *         .capacity(10_000)
 *         .whenFull(FullQueuePolicy.WAIT)
 *         .build();
 * ComplianceEngine engine = ComplianceEngine.builder().listener(audit).build();
 * ...
 * audit.close();   // writes what is still queued
 * }</pre>
 */
package org.contactguard.core.audit;
