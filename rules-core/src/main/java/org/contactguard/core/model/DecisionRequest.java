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
 * engine's configured packs) and who is collecting (default: a third-party collector).
 *
 * <p>The constructor checks each part on its own; whether ids refer to something that exists and
 * whether the history lies in the past is reported by {@link #firstProblem()}, so a caller can build a
 * request first and have it rejected with a full path to the offending field.
 */
public record DecisionRequest(
        String id,
        List<String> packs,
        Collector collector,
        ProposedAction action,
        Debtor debtor,
        List<Account> accounts,
        List<ThirdParty> thirdParties,
        List<ContactAttempt> history) {

    public DecisionRequest {
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
     * of each history entry, then each history entry's {@code at}, then contradictions (a recipient that is not
     * the referenced third party's relation; one contact-point id described two ways).
     */
    public Optional<InvalidInputException> firstProblem() {
        Set<String> accountIds = new HashSet<>();
        accounts.forEach(a -> accountIds.add(a.id()));
        Set<String> thirdPartyIds = new HashSet<>();
        thirdParties.forEach(t -> thirdPartyIds.add(t.id()));

        Optional<InvalidInputException> problem = unknownReference(action, "action", accountIds, thirdPartyIds);
        for (int i = 0; problem.isEmpty() && i < history.size(); i++) {
            problem = unknownReference(history.get(i), "history[" + i + "]", accountIds, thirdPartyIds);
        }
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
     * Data that contradicts itself cannot be decided safely: a recipient that is not the referenced
     * third party's relation, or one contact-point id described two different ways.
     */
    private Optional<InvalidInputException> contradiction() {
        Map<String, ThirdParty> parties = new HashMap<>();
        thirdParties.forEach(t -> parties.put(t.id(), t));
        Map<String, ContactPoint> points = new HashMap<>();
        Map<String, String> pointPaths = new HashMap<>();
        List<Contact> contacts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        contacts.add(action);
        paths.add("action");
        for (int i = 0; i < history.size(); i++) {
            contacts.add(history.get(i));
            paths.add("history[" + i + "]");
        }
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            String path = paths.get(i);
            ThirdParty party = contact.thirdPartyId() == null ? null : parties.get(contact.thirdPartyId());
            if (party != null && party.relation() != contact.recipient()) {
                return Optional.of(new InvalidInputException(path + ".recipient", contact.recipient()
                        + " contradicts the relation " + party.relation() + " of third party "
                        + quoted(party.id())));
            }
            ContactPoint point = contact.contactPoint();
            if (point != null) {
                ContactPoint seen = points.putIfAbsent(point.id(), point);
                if (seen != null && !seen.equals(point)) {
                    return Optional.of(new InvalidInputException(path + ".contactPoint", "id " + quoted(point.id())
                            + " is described differently in " + pointPaths.get(point.id()) + ".contactPoint"));
                }
                pointPaths.putIfAbsent(point.id(), path);
            }
        }
        return Optional.empty();
    }

    private static Optional<InvalidInputException> unknownReference(
            Contact contact, String path, Set<String> accountIds, Set<String> thirdPartyIds) {
        List<String> ids = contact.accountIds();
        for (int j = 0; j < ids.size(); j++) {
            if (!accountIds.contains(ids.get(j))) {
                return Optional.of(new InvalidInputException(path + ".accountIds[" + j + "]",
                        "no account with id " + quoted(ids.get(j))));
            }
        }
        String thirdPartyId = contact.thirdPartyId();
        if (thirdPartyId != null && !thirdPartyIds.contains(thirdPartyId)) {
            return Optional.of(new InvalidInputException(path + ".thirdPartyId",
                    "no third party with id " + quoted(thirdPartyId)));
        }
        return Optional.empty();
    }

    /** The same request about another action, e.g. to probe when a variant would be allowed. */
    public DecisionRequest withAction(ProposedAction a) {
        return new DecisionRequest(id, packs, collector, a, debtor, accounts, thirdParties, history);
    }

    /**
     * The same request with {@code attempts} as its whole history, e.g. the history a contact ledger
     * loaded in place of what the caller sent.
     */
    public DecisionRequest withHistory(List<ContactAttempt> attempts) {
        return new DecisionRequest(id, packs, collector, action, debtor, accounts, thirdParties, attempts);
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
            return new DecisionRequest(id, packs, collector, action, debtor, accounts, thirdParties, history);
        }
    }
}
