package org.contactguard.core.rules;

import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Recipient;

/**
 * Which history entries a count looks at. A null criterion matches anything.
 *
 * @param channel only this channel
 * @param recipient only contacts with this recipient
 * @param accountId only contacts about this account
 * @param initiatedBy only contacts started by this side
 * @param connectedOnly only attempts that reached the dialled number or address (all outcomes
 *     but BUSY, NOT_IN_SERVICE and FAILED; an attempt whose outcome is not known yet counts)
 */
public record AttemptFilter(Channel channel, Recipient recipient, String accountId, Initiator initiatedBy,
        boolean connectedOnly) {

    /** Every entry. */
    public static AttemptFilter any() {
        return new AttemptFilter(null, null, null, null, false);
    }

    /** Calls the collector placed about {@code accountId} that connected to the dialled number. */
    public static AttemptFilter placedCalls(String accountId) {
        return new AttemptFilter(Channel.CALL, null, accountId, Initiator.COLLECTOR, true);
    }

    /** The same filter restricted to {@code channel}. */
    public AttemptFilter channel(Channel only) {
        return new AttemptFilter(only, recipient, accountId, initiatedBy, connectedOnly);
    }

    /** The same filter restricted to {@code recipient}. */
    public AttemptFilter recipient(Recipient only) {
        return new AttemptFilter(channel, only, accountId, initiatedBy, connectedOnly);
    }

    /** The same filter restricted to contacts about {@code account}. */
    public AttemptFilter account(String account) {
        return new AttemptFilter(channel, recipient, account, initiatedBy, connectedOnly);
    }

    /** The same filter restricted to contacts started by {@code side}. */
    public AttemptFilter initiatedBy(Initiator side) {
        return new AttemptFilter(channel, recipient, accountId, side, connectedOnly);
    }

    /** The same filter restricted to attempts that reached the number or address. */
    public AttemptFilter connected() {
        return new AttemptFilter(channel, recipient, accountId, initiatedBy, true);
    }

    /** True when {@code attempt} passes every criterion. */
    public boolean matches(ContactAttempt attempt) {
        return (channel == null || attempt.channel() == channel)
                && (recipient == null || attempt.recipient() == recipient)
                && (accountId == null || attempt.isAbout(accountId))
                && (initiatedBy == null || attempt.initiatedBy() == initiatedBy)
                && (!connectedOnly || attempt.connectedToNumber());
    }
}
