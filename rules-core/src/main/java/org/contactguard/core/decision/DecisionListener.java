package org.contactguard.core.decision;

import java.sql.Connection;
import java.time.Duration;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.model.DecisionRequest;

/**
 * Told about every decision the engine gives and every reload: the one place audit trails, metrics
 * and the like hang off, so that the engine itself depends on no audit or metrics library (as
 * Caffeine's statistics hang off its {@code StatsCounter}). Register with
 * {@link ComplianceEngine.Builder#listener(DecisionListener)}; listeners are called in the order they
 * were registered, on the thread that asked for the decision, after the decision is made and before
 * it is returned.
 *
 * <p>A listener observes; it never decides. The one exception is fail-closed: a listener that must
 * see every decision and cannot (an audit trail whose queue is full) throws
 * {@link DecisionVetoedException}, and the caller gets DENY with that exception's reason instead.
 * Any other exception from a listener is logged and the decision becomes DENY with
 * {@code ENGINE-ERROR}, since a listener that broke may have lost the record it was keeping.
 * Listeners after the one that vetoed or failed see the DENY.
 *
 * <pre>{@code
 * ComplianceEngine engine = ComplianceEngine.builder()
 *         .listener((request, decision, took) -> log.debug("{} in {}", decision.verdict(), took))
 *         .build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe: decisions run on many threads at once.
 */
@FunctionalInterface
public interface DecisionListener {

    /**
     * A decision was made.
     *
     * @param request the request as decided; null when the caller passed none. For a contact ledger's
     *     {@code decideAndRecord}, the request with the ledger's history in place of its own
     * @param decision the answer about to be returned
     * @param duration how long deciding took (wall time on the deciding thread)
     * @throws DecisionVetoedException when the decision must not be given, see above
     */
    void onDecision(DecisionRequest request, Decision decision, Duration duration);

    /**
     * A decision was made inside a caller's database transaction (a JDBC contact ledger's
     * decide-and-record): a listener keeping its records in the same database may write them through
     * {@code transaction}, so that they commit or roll back with the attempt the ledger records. The
     * connection must not be committed, rolled back or closed. If the transaction then fails, the
     * ledger reports the DENY it answers with through {@link #onDecision(DecisionRequest, Decision,
     * Duration)}. The default ignores the transaction.
     */
    default void onDecision(DecisionRequest request, Decision decision, Duration duration, Connection transaction) {
        onDecision(request, decision, duration);
    }

    /** The engine was built with {@code rules}; called once, before the first decision. */
    default void onStart(RuleSet rules) {
    }

    /** {@link ComplianceEngine#reload(ComplianceEngine.ReloadOption...) reload()} swapped {@code previous} for {@code current}. */
    default void onReload(RuleSet previous, RuleSet current) {
    }

    /** {@link ComplianceEngine#reload(ComplianceEngine.ReloadOption...) reload()} failed; the previous rules keep serving. */
    default void onReloadFailed(RuleLoadException failure) {
    }
}
