package org.contactguard.core.ledger;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.ThirdParty;

/**
 * What the ledger refuses before any SQL runs, as {@code INPUT-INVALID} naming the field: values the
 * schema cannot hold (a database error about them would read as an unavailable ledger and cost a
 * pooled connection), ids that would silently merge or split debtors and accounts, and requests too
 * large to decide while holding locks.
 */
final class LedgerInput {

    /** The longest id the schema stores ({@code VARCHAR(255)}). */
    static final int MAX_ID_LENGTH = 255;
    /** The longest content the schema stores ({@code VARCHAR(1000000)}). */
    static final int MAX_CONTENT_LENGTH = 1_000_000;
    /** The moments every supported database stores: years 1 to 9999. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private LedgerInput() {
    }

    /** Checks a request for decide-and-record. */
    static void checkRequest(DecisionRequest request, int maxAccounts) {
        key(request.debtor().id(), "debtor.id");
        text(request.id(), "id", MAX_ID_LENGTH);
        List<Account> accounts = request.accounts();
        if (accounts.size() > maxAccounts) {
            throw new InvalidInputException("accounts", "holds " + accounts.size() + " accounts; the contact ledger "
                    + "decides a request about at most " + maxAccounts + " (maxAccounts)");
        }
        for (int i = 0; i < accounts.size(); i++) {
            key(accounts.get(i).id(), "accounts[" + i + "].id");
        }
        List<ThirdParty> parties = request.thirdParties();
        if (parties.size() > maxAccounts) {
            throw new InvalidInputException("thirdParties", "holds " + parties.size() + " third parties; the contact "
                    + "ledger decides a request with at most " + maxAccounts + " (maxAccounts)");
        }
        for (int i = 0; i < parties.size(); i++) {
            key(parties.get(i).id(), "thirdParties[" + i + "].id");
        }
        text(request.collector().id(), "collector.id", MAX_ID_LENGTH);
        checkAttemptFields(LedgerDecider.reservation(request), "action", false);
    }

    /** Checks an attempt given to {@code record}, and the debtor it is recorded for. */
    static void checkAttempt(String debtorId, String debtorField, ContactAttempt attempt, String field) {
        key(debtorId, debtorField);
        checkAttemptFields(attempt, field, true);
    }

    private static void checkAttemptFields(ContactAttempt a, String field, boolean withCollector) {
        moment(a.at(), field + ".at");
        key(a.thirdPartyId(), field + ".thirdPartyId");
        if (a.contactPoint() != null) {
            key(a.contactPoint().id(), field + ".contactPoint.id");
        }
        for (int i = 0; i < a.accountIds().size(); i++) {
            key(a.accountIds().get(i), field + ".accountIds[" + i + "]");
        }
        text(a.content(), field + ".content", MAX_CONTENT_LENGTH);
        if (withCollector) {
            text(a.collectorId(), field + ".collectorId", MAX_ID_LENGTH);
        }
    }

    /** A moment the database can store. */
    static void moment(Instant at, String field) {
        if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
            throw new InvalidInputException(field, "lies outside the years 1 to 9999 the contact ledger stores");
        }
    }

    /**
     * An id the ledger uses as a key: text it can store, without surrounding white space and in Unicode
     * NFC, so that two spellings a person reads as the same id ("D1" and "D1 ", or a composed and a
     * decomposed accent) cannot become two debtors or accounts with caps of their own.
     */
    static void key(String id, String field) {
        if (id == null) {
            return;
        }
        text(id, field, MAX_ID_LENGTH);
        if (!id.strip().equals(id)) {
            throw new InvalidInputException(field, "begins or ends with white space; the contact ledger compares ids "
                    + "exactly, so send the id without it");
        }
        if (!Normalizer.isNormalized(id, Normalizer.Form.NFC)) {
            throw new InvalidInputException(field, "is not in Unicode normalization form NFC; the contact ledger "
                    + "compares ids exactly, so send the NFC form");
        }
    }

    /** Text the database stores as given: no NUL, no unpaired surrogate (stored as '?'), not too long. */
    static void text(String value, String field, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, "is " + value.length() + " characters long, more than the "
                    + maxLength + " the contact ledger stores");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new InvalidInputException(field, "holds a NUL character (at index " + i
                        + "), which the contact ledger cannot store");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, "holds an unpaired UTF-16 surrogate (at index " + i
                        + "), which is not text the contact ledger can store");
            }
        }
    }
}
