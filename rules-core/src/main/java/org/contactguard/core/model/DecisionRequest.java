package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.distinctNonBlank;
import static org.contactguard.core.model.Checks.listOf;
import static org.contactguard.core.model.Checks.orDefault;
import static org.contactguard.core.model.Checks.quoted;
import static org.contactguard.core.model.Checks.required;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the engine needs to decide one proposed contact: the action, the debtor, the debts, the
 * third parties referred to and the contact history, plus which rule packs to apply (empty: the
 * engine's configured packs), who is collecting (default: a third-party collector) and the tenant (the
 * client or portfolio whose parameter overlay applies; null: none, the packs' own parameters).
 *
 * <p>The constructor checks each part on its own; whether ids refer to something that exists and
 * whether the history lies in the past is reported by {@link #firstProblem()}, so a caller can build a
 * request first and have it rejected with a full path to the offending field.
 */
public record DecisionRequest(
        String id,
        String tenant,
        List<String> packs,
        Collector collector,
        ProposedAction action,
        Debtor debtor,
        List<Account> accounts,
        List<ThirdParty> thirdParties,
        List<ContactAttempt> history) {

    public DecisionRequest {
        Checks.optionalNonBlank(tenant, "tenant");
        packs = distinctNonBlank(packs, "packs", "pack");
        collector = orDefault(collector, Collector.defaultCollector());
        required(action, "action");
        required(debtor, "debtor");
        required(accounts, "accounts");
        accounts = listOf(accounts, "accounts");
        if (accounts.isEmpty()) {
            throw new InvalidInputException("accounts", "must hold at least one account");
        }
        requireDistinctIds(accounts, Account::id, "accounts");
        thirdParties = listOf(thirdParties, "thirdParties");
        requireDistinctIds(thirdParties, ThirdParty::id, "thirdParties");
        history = listOf(history, "history");
    }

    /** A request for no particular tenant: the packs' own parameters apply. */
    public DecisionRequest(String id, List<String> packs, Collector collector, ProposedAction action, Debtor debtor,
            List<Account> accounts, List<ThirdParty> thirdParties, List<ContactAttempt> history) {
        this(id, null, packs, collector, action, debtor, accounts, thirdParties, history);
    }

    private static <T> void requireDistinctIds(List<T> items, Function<T, String> id, String field) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (!seen.add(value)) {
                throw new InvalidInputException(field + "[" + i + "].id", "duplicate id " + quoted(value));
            }
        }
    }

    /**
     * The first reference to something the request does not hold, or history entry not strictly before
     * the action, with the full path to the field; empty when the request is consistent. Checked in this
     * order: {@code action.accountIds}, {@code action.thirdPartyId}, the account and third-party references
     * of each history entry, the {@code accountIds} of each of the debtor's restrictions, then each history
     * entry's {@code at}, then contradictions (a recipient that is not
     * the referenced third party's relation; one contact-point id described two ways).
     */
    public Optional<InvalidInputException> firstProblem() {
        // Called for every decision, so the common case (no problem) is told in one pass that builds
        // no paths, sets or maps; only a request with a problem is checked again, in the order that
        // says which problem is reported first.
        return plainlyValid() ? Optional.empty() : orderedProblem();
    }

    /** The first problem, checked in the order that decides which is reported; empty when none. */
    Optional<InvalidInputException> orderedProblem() {
        Optional<InvalidInputException> problem = unknownReference(action, -1);
        for (int i = 0; problem.isEmpty() && i < history.size(); i++) {
            problem = unknownReference(history.get(i), i);
        }
        if (problem.isPresent()) {
            return problem;
        }
        problem = unknownRestrictedAccount();
        if (problem.isPresent()) {
            return problem;
        }
        // The contract calls a history entry at or after the action a caller bug: the history is the past.
        for (int i = 0; i < history.size(); i++) {
            Instant at = history.get(i).at();
            if (!at.isBefore(action.at())) {
                return Optional.of(new InvalidInputException("history[" + i + "].at",
                        at + " is not before action.at " + action.at()));
            }
        }
        return contradiction();
    }

    /**
     * Whether the request has none of the problems {@link #firstProblem} reports, told in one pass
     * over the action and the history: every reference known, every entry before the action, no
     * recipient contradicting its third party's relation, no contact point described two ways.
     */
    boolean plainlyValid() {
        if (unknownRestrictedAccount().isPresent()) {
            return false;
        }
        Instant actionAt = action.at();
        PointBook points = new PointBook();
        if (!consistent(action, points)) {
            return false;
        }
        for (int i = 0; i < history.size(); i++) {
            ContactAttempt entry = history.get(i);
            if (!entry.at().isBefore(actionAt) || !consistent(entry, points)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code contact}'s references are known and it agrees with its third party and with the points seen. */
    private boolean consistent(Contact contact, PointBook points) {
        // The index only names the field of a problem: none is built when there is none.
        if (unknownReference(contact, -1).isPresent()) {
            return false;
        }
        if (contact.thirdPartyId() != null && thirdParty(contact.thirdPartyId()).relation() != contact.recipient()) {
            return false;
        }
        ContactPoint point = contact.contactPoint();
        if (point == null) {
            return true;
        }
        int seen = points.indexOf(point);
        if (seen < 0) {
            points.add(point);
            return true;
        }
        ContactPoint known = points.get(seen);
        return known == point || known.equals(point);
    }

    /**
     * The distinct contact points of a request by id, in the order first seen: scanned while they
     * are few (a history reuses a handful), looked up in a map beyond.
     */
    private static final class PointBook {
        private final List<ContactPoint> points = new ArrayList<>(4);
        private Map<String, Integer> byId;

        int indexOf(ContactPoint point) {
            if (byId == null && points.size() >= SCANNED_POINTS) {
                byId = new HashMap<>();
                for (int k = 0; k < points.size(); k++) {
                    byId.put(points.get(k).id(), k);
                }
            }
            return byId == null ? indexOfPoint(points, point) : byId.getOrDefault(point.id(), -1);
        }

        void add(ContactPoint point) {
            if (byId != null) {
                byId.put(point.id(), points.size());
            }
            points.add(point);
        }

        ContactPoint get(int index) {
            return points.get(index);
        }
    }

    /** {@code action} for index -1, else {@code history[index]}. */
    private static String path(int index) {
        return index < 0 ? "action" : "history[" + index + "]";
    }

    /**
     * Data that contradicts itself cannot be decided safely: a recipient that is not the referenced
     * third party's relation, or one contact-point id described two different ways.
     */
    private Optional<InvalidInputException> contradiction() {
        // Where each distinct contact point was first seen, to name it in the message.
        PointBook points = new PointBook();
        List<Integer> pointIndexes = new ArrayList<>(4);
        for (int i = -1; i < history.size(); i++) {
            Contact contact = i < 0 ? action : history.get(i);
            ThirdParty party = contact.thirdPartyId() == null ? null : thirdParty(contact.thirdPartyId());
            if (party != null && party.relation() != contact.recipient()) {
                return Optional.of(new InvalidInputException(path(i) + ".recipient", contact.recipient()
                        + " contradicts the relation " + party.relation() + " of third party "
                        + quoted(party.id())));
            }
            ContactPoint point = contact.contactPoint();
            if (point != null) {
                int seen = points.indexOf(point);
                if (seen < 0) {
                    points.add(point);
                    pointIndexes.add(i);
                } else if (points.get(seen) != point && !points.get(seen).equals(point)) {
                    return Optional.of(new InvalidInputException(path(i) + ".contactPoint", "id " + quoted(point.id())
                            + " is described differently in " + path(pointIndexes.get(seen)) + ".contactPoint"));
                }
            }
        }
        return Optional.empty();
    }

    /** Up to this many distinct contact points are found by scanning; beyond, by a map. */
    private static final int SCANNED_POINTS = 16;

    private static int indexOfPoint(List<ContactPoint> points, ContactPoint point) {
        for (int k = 0; k < points.size(); k++) {
            ContactPoint known = points.get(k);
            if (known == point || known.id().equals(point.id())) {
                return k;
            }
        }
        return -1;
    }

    private ThirdParty thirdParty(String thirdPartyId) {
        for (ThirdParty party : thirdParties) {
            if (party.id().equals(thirdPartyId)) {
                return party;
            }
        }
        return null;
    }

    private boolean holdsAccount(String accountId) {
        for (Account account : accounts) {
            if (account.id().equals(accountId)) {
                return true;
            }
        }
        return false;
    }

    /** The first account a restriction names that the request does not hold, as a problem; empty when none. */
    private Optional<InvalidInputException> unknownRestrictedAccount() {
        List<Restriction> restrictions = debtor.restrictions();
        for (int i = 0; i < restrictions.size(); i++) {
            List<String> ids = restrictions.get(i).accountIds();
            for (int j = 0; j < ids.size(); j++) {
                if (!holdsAccount(ids.get(j))) {
                    return Optional.of(new InvalidInputException("debtor.restrictions[" + i + "].accountIds[" + j + "]",
                            "no account with id " + quoted(ids.get(j))));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<InvalidInputException> unknownReference(Contact contact, int index) {
        List<String> ids = contact.accountIds();
        for (int j = 0; j < ids.size(); j++) {
            if (!holdsAccount(ids.get(j))) {
                return Optional.of(new InvalidInputException(path(index) + ".accountIds[" + j + "]",
                        "no account with id " + quoted(ids.get(j))));
            }
        }
        String thirdPartyId = contact.thirdPartyId();
        if (thirdPartyId != null && thirdParty(thirdPartyId) == null) {
            return Optional.of(new InvalidInputException(path(index) + ".thirdPartyId",
                    "no third party with id " + quoted(thirdPartyId)));
        }
        return Optional.empty();
    }

    /** The same request about another action, e.g. to probe when a variant would be allowed. */
    public DecisionRequest withAction(ProposedAction a) {
        return new DecisionRequest(id, tenant, packs, collector, a, debtor, accounts, thirdParties, history);
    }

    /**
     * The same request with {@code attempts} as its whole history, e.g. the history a contact ledger
     * loaded in place of what the caller sent.
     */
    public DecisionRequest withHistory(List<ContactAttempt> attempts) {
        return new DecisionRequest(id, tenant, packs, collector, action, debtor, accounts, thirdParties, attempts);
    }

    /** Starts an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects a request's fields; the record's constructor validates them on {@link #build()}. The list
     * methods add to what was collected so far.
     */
    public static final class Builder {
        private String id;
        private String tenant;
        private final List<String> packs = new ArrayList<>();
        private Collector collector;
        private ProposedAction action;
        private Debtor debtor;
        private final List<Account> accounts = new ArrayList<>();
        private final List<ThirdParty> thirdParties = new ArrayList<>();
        private final List<ContactAttempt> history = new ArrayList<>();

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The client or portfolio whose parameter overlay applies; null (the default): none. */
        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /** Adds rule packs, e.g. {@code "us-regf", "us-ma"}. */
        public Builder packs(String... packs) {
            Objects.requireNonNull(packs, "packs");
            this.packs.addAll(Arrays.asList(packs));
            return this;
        }

        public Builder collector(Collector collector) {
            this.collector = collector;
            return this;
        }

        public Builder action(ProposedAction action) {
            this.action = action;
            return this;
        }

        public Builder debtor(Debtor debtor) {
            this.debtor = debtor;
            return this;
        }

        /** Adds an account. */
        public Builder account(Account account) {
            accounts.add(account);
            return this;
        }

        /** Adds accounts. */
        public Builder accounts(List<Account> accounts) {
            Objects.requireNonNull(accounts, "accounts");
            this.accounts.addAll(accounts);
            return this;
        }

        /** Adds a third party. */
        public Builder thirdParty(ThirdParty thirdParty) {
            thirdParties.add(thirdParty);
            return this;
        }

        /** Adds a history entry. */
        public Builder attempt(ContactAttempt attempt) {
            history.add(attempt);
            return this;
        }

        /** Adds history entries. */
        public Builder history(List<ContactAttempt> history) {
            Objects.requireNonNull(history, "history");
            this.history.addAll(history);
            return this;
        }

        /** @throws InvalidInputException if the request breaks the contract */
        public DecisionRequest build() {
            return new DecisionRequest(id, tenant, packs, collector, action, debtor, accounts, thirdParties, history);
        }
    }
}
