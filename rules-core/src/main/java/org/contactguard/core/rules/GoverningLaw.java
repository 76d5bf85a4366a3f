package org.contactguard.core.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Jurisdictions;
import org.contactguard.core.model.ProposedAction;

/**
 * One account of the action whose collection the law of {@code jurisdiction} governs, so that an
 * overlay's rules match {@code GoverningLaw(jurisdiction == ma.jurisdiction)} instead of joining
 * {@code Account(jurisdiction == ...)}. Engine-built for each jurisdiction an overlay declares
 * ({@code pack.jurisdictions}), inserted only into the sessions of packs whose rules read it.
 *
 * <p>Which accounts a jurisdiction governs: an account whose {@code jurisdiction} stacks on it
 * ({@code US-MA}, or {@code US-NYC} for {@code US-NY}); and, when the debtor lives in or is known
 * to be in it ({@code debtor.jurisdictions} stacks on it), every account of the action, because a
 * state collection statute protects the consumer who resides there for every debt collected from
 * them, whatever the account's origination state (shared/regulations/us-states.md §12: "state
 * collection statutes are applied by the consumer's state of residence", and "Decisions taken" 1:
 * a state pack applies when the account's jurisdiction or any of the debtor's jurisdictions names
 * it). The same codes select the overlay (see {@code PackSelection}), so an overlay brought in by
 * the debtor's residence alone also has accounts to bite on.
 *
 * @param jurisdiction the governing jurisdiction's code, as {@code pack.jurisdictions} spells it
 * @param accountId the governed account of the action
 * @param debtorResides whether the debtor's own jurisdictions brought the account under this law
 *     (false: the account's own jurisdiction did)
 */
public record GoverningLaw(String jurisdiction, String accountId, boolean debtorResides) {

    public GoverningLaw {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(accountId, "accountId");
    }

    /**
     * The action's accounts (in its order, each once) that the law of each of {@code jurisdictions}
     * governs, for {@code debtor}; {@code accounts} are the request's.
     */
    public static List<GoverningLaw> of(Collection<String> jurisdictions, ProposedAction action, Debtor debtor,
            List<Account> accounts) {
        List<GoverningLaw> governed = new ArrayList<>();
        for (String jurisdiction : jurisdictions) {
            boolean resides = resides(jurisdiction, debtor);
            List<String> ids = action.accountIds();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (ids.indexOf(id) < i) {
                    continue;
                }
                Account account = find(accounts, id);
                boolean byAccount = account != null && Jurisdictions.stack(account.jurisdiction()).contains(jurisdiction);
                if (byAccount || resides) {
                    governed.add(new GoverningLaw(jurisdiction, id, !byAccount));
                }
            }
        }
        return governed;
    }

    /** Whether one of the debtor's jurisdictions stacks on {@code jurisdiction}: the debtor lives or is there. */
    static boolean resides(String jurisdiction, Debtor debtor) {
        for (String code : debtor.jurisdictions()) {
            if (Jurisdictions.stack(code).contains(jurisdiction)) {
                return true;
            }
        }
        return false;
    }

    private static Account find(List<Account> accounts, String id) {
        for (Account account : accounts) {
            if (account.id().equals(id)) {
                return account;
            }
        }
        return null;
    }
}
