package org.contactguard.core.decision;

import java.util.Objects;

/**
 * Thrown by a {@link DecisionListener} that must see every decision and cannot see this one (an audit
 * trail that cannot take another record): the engine answers DENY with {@link #reason()} added.
 */
public class DecisionVetoedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Transient: Reason is not Serializable, and a deserialised veto still has its message. */
    private final transient Reason reason;

    /** Vetoes with {@code reason}, whose message becomes this exception's. */
    public DecisionVetoedException(Reason reason) {
        super(Objects.requireNonNull(reason, "reason").message());
        this.reason = reason;
    }

    /** Vetoes with {@code reason}, caused by {@code cause}. */
    public DecisionVetoedException(Reason reason, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").message(), cause);
        this.reason = reason;
    }

    /** The reason the decision is denied. */
    public Reason reason() {
        return reason;
    }
}
