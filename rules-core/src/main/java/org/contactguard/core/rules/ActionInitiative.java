package org.contactguard.core.rules;

import org.contactguard.core.model.ProposedAction;

/**
 * Whether the proposed action answers a contact the debtor started: engine-built once per moment,
 * so that a rule states the "the collector did not start it" exception as a field test,
 * {@code ActionInitiative(answersDebtorContact == false)}, with its citation, instead of calling a
 * helper. It computes only: whether a reply is exempt, and from which rule, is the rule's.
 *
 * <p>An action answers the debtor's contact when its purpose is {@code RESPONSE}, it goes to the
 * debtor, the debtor's latest contact in the action's channel is in the history before it, and the
 * collector has not used that channel since (see {@link ConsumerContacts#respondsToDebtor}). An
 * action merely labelled {@code RESPONSE} with no unanswered debtor contact before it does not.
 *
 * @param answersDebtorContact whether the action is the reply to the debtor's latest unanswered
 *     contact in its channel
 */
public record ActionInitiative(boolean answersDebtorContact) {

    private static final ActionInitiative ANSWERS = new ActionInitiative(true);
    private static final ActionInitiative STARTS = new ActionInitiative(false);

    /** The initiative of {@code action} given the history seen from its moment. */
    public static ActionInitiative of(ProposedAction action, ContactHistory history) {
        return ConsumerContacts.respondsToDebtor(action, history) ? ANSWERS : STARTS;
    }
}
