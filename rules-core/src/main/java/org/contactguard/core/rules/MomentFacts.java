package org.contactguard.core.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.ProposedAction;

/**
 * The derived facts of one evaluated moment beyond {@link Tally} and {@link RestrictionInForce}:
 * consents in force, calls to the number and to the debtor, visit notices, visits met, a third
 * party's refusal, and Regulation F's calls per person and debt, recent calls to the number, the
 * debtor contact a response answers, the use of the action's contact point and location contacts. The engine asks for the types a pack's rules read; each is built at most once
 * per moment however many packs read it. Confined to one evaluator (one thread).
 */
public final class MomentFacts {

    /** The types this builds, for the engine to find which a pack reads. */
    public static final List<Class<?>> TYPES = List.of(ConsentInForce.class, CallsToNumber.class, CallsToDebtor.class,
            VisitNotices.class, VisitsMet.class, ThirdPartyRefusal.class, CallsPlaced.class, RecentCallsToNumber.class,
            ResponseToDebtor.class, ContactPointUse.class, LocationContacts.class);

    private final Map<Class<?>, List<?>> built = new HashMap<>();

    /** An empty cache, for one evaluator. */
    public MomentFacts() {
    }

    /** Forgets the facts built so far: the next evaluation is another moment. */
    public void clear() {
        built.clear();
    }

    /** The facts of {@code type} (one of {@link #TYPES}) at {@code history}'s now, built on first use. */
    public List<?> of(Class<?> type, DecisionRequest request, ProposedAction action, ContactHistory history) {
        List<?> facts = built.get(type);
        if (facts == null) {
            facts = build(type, request, action, history);
            built.put(type, facts);
        }
        return facts;
    }

    private static List<?> build(Class<?> type, DecisionRequest request, ProposedAction action, ContactHistory history) {
        if (type == ConsentInForce.class) {
            return ConsentInForce.at(action.at(), request.debtor().consents());
        }
        if (type == CallsToNumber.class) {
            return CallsToNumber.of(action, history);
        }
        if (type == CallsToDebtor.class) {
            return List.of(CallsToDebtor.of(history));
        }
        if (type == VisitNotices.class) {
            return List.of(VisitNotices.of(action, history));
        }
        if (type == VisitsMet.class) {
            return VisitsMet.of(action, history);
        }
        if (type == ThirdPartyRefusal.class) {
            return ThirdPartyRefusal.of(request, action, history);
        }
        if (type == CallsPlaced.class) {
            return CallsPlaced.of(action, request.debtor(), request.accounts(), request.thirdParties(),
                    request.collector(), history);
        }
        if (type == RecentCallsToNumber.class) {
            return List.of(RecentCallsToNumber.of(action, request.debtor(), request.collector(), history));
        }
        if (type == ResponseToDebtor.class) {
            ResponseToDebtor response = ResponseToDebtor.of(action, history, request.debtor().timeZones());
            return response == null ? List.of() : List.of(response);
        }
        if (type == ContactPointUse.class) {
            return List.of(ContactPointUse.of(action, history));
        }
        if (type == LocationContacts.class) {
            return List.of(LocationContacts.of(action, request.thirdParties(), history));
        }
        throw new IllegalArgumentException("not a moment fact: " + type.getName());
    }
}
