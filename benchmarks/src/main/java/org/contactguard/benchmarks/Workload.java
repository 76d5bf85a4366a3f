package org.contactguard.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;
import org.contactguard.core.model.ThirdParty;

/**
 * Realistic decision requests, the kind a dialer or a campaign planner sends: mostly calls and
 * texts in the daytime, some in the evening or at night, a debtor with one or two accounts, and a
 * contact history of a given size spread at a constant density (about one attempt every two days,
 * so a longer history means an account longer in collection, not a busier week), newest first.
 *
 * <p>Requests name no packs, so the engine applies every pack it loaded. The same seed always
 * gives the same requests.
 */
public final class Workload {

    /** Whose requests: which zone the debtor lives in and which jurisdiction the accounts are under. */
    public enum Region {
        /** A debtor in Shanghai with consumer and internet loans under CN rules. */
        CN,
        /** A debtor in Boston (sometimes also New York) with accounts under US-MA rules. */
        US_MA,
        /** A debtor in New York with accounts under US federal rules only. */
        US,
        /** Half CN, half US-MA: what a catalog-wide engine sees. */
        MIXED
    }

    /**
     * {@code -Dworkload.shuffledHistory=true}: history entries in random order, which makes the
     * engine sort them (starter pack, 500 entries: about 70 instead of 23 µs of CPU per decision; RESULTS.md).
     */
    static final boolean SHUFFLED_HISTORY = Boolean.getBoolean("workload.shuffledHistory");

    /** Days of history per attempt: history entries are this far apart on average. */
    static final int DAYS_PER_ATTEMPT = 2;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
    private static final Outcome[] CALL_OUTCOMES = {Outcome.NO_ANSWER, Outcome.NO_ANSWER, Outcome.NO_ANSWER,
        Outcome.VOICEMAIL, Outcome.CONNECTED, Outcome.BUSY, Outcome.NOT_IN_SERVICE, Outcome.REFUSED, Outcome.FAILED};
    private static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    private static final ContactPoint HOME = ContactPoint.of("P2", ContactPointKind.HOME_PHONE);
    private static final ContactPoint EMAIL = ContactPoint.of("E1", ContactPointKind.EMAIL);
    private static final ContactPoint CONTACT_MOBILE = ContactPoint.of("P9", ContactPointKind.MOBILE);

    private Workload() {
    }

    /** {@code n} requests from {@code region} with {@code historySize} history entries each. */
    public static List<DecisionRequest> requests(Region region, int historySize, int n, long seed) {
        Random random = new Random(seed);
        List<DecisionRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Region actual = region == Region.MIXED ? (i % 2 == 0 ? Region.CN : Region.US_MA) : region;
            requests.add(request("req-" + i, actual, historySize, random));
        }
        return requests;
    }

    private static DecisionRequest request(String id, Region region, int historySize, Random random) {
        boolean cn = region == Region.CN;
        String jurisdiction = switch (region) {
            case CN -> "CN";
            case US_MA -> "US-MA";
            default -> "US";
        };
        List<ZoneId> zones = cn ? List.of(SHANGHAI)
                : random.nextInt(8) == 0 ? List.of(BOSTON, CHICAGO) : List.of(BOSTON);
        Instant at = actionTime(zones.get(0), random);

        List<Account> accounts = new ArrayList<>();
        accounts.add(Account.of("A1", cn ? Product.INTERNET_LOAN : Product.CREDIT_CARD, jurisdiction,
                30 + random.nextInt(300)));
        if (random.nextInt(3) == 0) {
            accounts.add(Account.of("A2", cn ? Product.CONSUMER_LOAN : Product.MEDICAL, jurisdiction,
                    30 + random.nextInt(300)));
        }
        List<String> aboutAll = accounts.stream().map(Account::id).toList();
        ThirdParty contact = new ThirdParty("T1", cn ? Recipient.EMERGENCY_CONTACT : Recipient.SPOUSE, false, null,
                false);

        Debtor.Builder debtor = Debtor.builder("D1").zones(zones);
        if (random.nextInt(25) == 0) {
            Instant since = at.minus(Duration.ofDays(1 + random.nextInt(30)));
            debtor.restriction(new Restriction(RestrictionKind.CEASE_COMMUNICATION, since, null, true, false, null,
                    null, null, null, null, null));
        }

        ProposedAction action = action(cn, at, aboutAll, random);
        List<ContactAttempt> history = new ArrayList<>(historySize);
        long spanMinutes = Duration.ofDays((long) DAYS_PER_ATTEMPT * Math.max(historySize, 1)).toMinutes();
        for (int i = 0; i < historySize; i++) {
            Instant when = at.minus(Duration.ofMinutes(1 + (long) (random.nextDouble() * spanMinutes)));
            history.add(attempt(cn, when, random.nextInt(4) == 0 ? aboutAll : List.of("A1"), random));
        }
        // Newest first, as a ledger query (ORDER BY at DESC) returns it; see SHUFFLED_HISTORY.
        if (!SHUFFLED_HISTORY) {
            history.sort(Comparator.comparing(ContactAttempt::at).reversed());
        }
        Collector collector = Collector.of(cn ? CollectorKind.OUTSOURCED_AGENCY : CollectorKind.THIRD_PARTY_COLLECTOR);
        return new DecisionRequest(id, List.of(), collector, action, debtor.build(), accounts, List.of(contact),
                history);
    }

    /** Mostly working hours, a fifth in the evening and a tenth at night, local to {@code zone}. */
    private static Instant actionTime(ZoneId zone, Random random) {
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(300));
        int roll = random.nextInt(10);
        int minuteOfDay = roll < 7 ? 9 * 60 + random.nextInt(9 * 60)
                : roll < 9 ? 18 * 60 + random.nextInt(4 * 60)
                : random.nextInt(7 * 60);
        return day.atTime(LocalTime.ofSecondOfDay(minuteOfDay * 60L)).atZone(zone).toInstant();
    }

    private static ProposedAction action(boolean cn, Instant at, List<String> accounts, Random random) {
        int roll = random.nextInt(20);
        ProposedAction.Builder action = ProposedAction.builder().at(at).accountIds(accounts);
        if (roll < 13) {
            action.channel(Channel.CALL).recipient(Recipient.DEBTOR).contactPoint(random.nextInt(4) == 0 ? HOME : MOBILE)
                    .content(cn ? "您好，这里是贷后服务中心，关于您的借款账单与您确认还款安排。"
                            : "This is a call from a debt collector about your account.");
        } else if (roll < 17) {
            action.channel(Channel.SMS).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                    .content(cn ? "【贷后服务】您的借款已逾期，请登录App查看账单并按时还款，如有疑问请回电。"
                            : "Reminder: your payment is past due. Reply STOP to opt out of texts.");
        } else if (roll < 19) {
            action.channel(cn ? Channel.CALL : Channel.EMAIL).recipient(cn ? Recipient.EMERGENCY_CONTACT : Recipient.DEBTOR)
                    .thirdPartyId(cn ? "T1" : null).contactPoint(cn ? CONTACT_MOBILE : EMAIL)
                    .purpose(cn ? Purpose.LOCATION_INFO : Purpose.COLLECTION).disclosesDebt(!cn)
                    .content(cn ? "您好，我们想联系您的朋友，请转告他回电。" : "Your account statement is attached.");
        } else {
            action.channel(Channel.LETTER).recipient(Recipient.DEBTOR).purpose(Purpose.REMINDER);
        }
        return action.build();
    }

    private static ContactAttempt attempt(boolean cn, Instant at, List<String> accounts, Random random) {
        int roll = random.nextInt(10);
        ContactAttempt.Builder attempt = ContactAttempt.builder().at(at).accountIds(accounts).recipient(Recipient.DEBTOR);
        if (roll < 7) {
            attempt.channel(Channel.CALL).contactPoint(MOBILE).outcome(CALL_OUTCOMES[random.nextInt(CALL_OUTCOMES.length)]);
        } else if (roll < 9) {
            attempt.channel(Channel.SMS).contactPoint(MOBILE).outcome(Outcome.DELIVERED);
        } else if (cn) {
            attempt.channel(Channel.CALL).contactPoint(MOBILE).initiatedBy(Initiator.DEBTOR).outcome(Outcome.CONNECTED);
        } else {
            attempt.channel(Channel.EMAIL).contactPoint(EMAIL).outcome(Outcome.DELIVERED);
        }
        return attempt.build();
    }
}
