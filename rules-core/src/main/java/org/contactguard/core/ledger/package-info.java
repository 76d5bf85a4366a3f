/**
 * The contact ledger: the library owns the contact history and makes deciding and recording one
 * atomic step, so two dialers asking about the same debtor at the same moment cannot both be allowed
 * past a cap.
 *
 * <pre>{@code
 * ComplianceEngine engine = ComplianceEngine.builder().pack("us-regf").build();
 * try (ContactLedger ledger = JdbcContactLedger.builder(engine)
 *         .url("jdbc:postgresql://db:5432/contactguard").user("cg_app").password(secret).build()) {
 *     LedgerDecision d = ledger.decideAndRecord(request);   // request.history() is not needed
 *     if (d.decision().isAllowed()) {
 *         Outcome outcome = dial();
 *         ledger.updateOutcome(d.attemptId().getAsLong(), outcome, false);
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations: {@link org.contactguard.core.ledger.InMemoryContactLedger} (one JVM) and
 * {@link org.contactguard.core.ledger.JdbcContactLedger} (PostgreSQL in production, H2 embedded),
 * whose pool and drivers are optional dependencies of {@code rules-core}.
 */
package org.contactguard.core.ledger;
