package org.contactguard.core.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.contactguard.core.model.DecisionRequest;

/**
 * Who asks about whom in the concurrency and crash tests, the same in every process: decision
 * {@code j} of thread {@code t} of worker {@code w} is a call about one of {@link #DEBTORS} debtors and
 * one of two accounts, at a moment unique to (w, t, j) inside the probe pack's hours. Deterministic, so
 * the test knows how many requests each debtor and account received and hence how many the cap allows.
 */
record StressPlan(String prefix) {

    static final int DEBTORS = 100;
    /** 08:30 in New York: every planned moment lies between it and 15:00 there, inside probe hours. */
    static final Instant START = Instant.parse("2026-01-14T13:30:00Z");
    static final int MAX_DECISIONS_PER_THREAD = 400;

    String debtor(int index) {
        return prefix + "-" + index;
    }

    /** Decision {@code j} of thread {@code thread} of worker {@code worker}. */
    DecisionRequest request(int worker, int thread, int j) {
        if (j >= MAX_DECISIONS_PER_THREAD || thread >= 20 || worker > 2) {
            throw new IllegalArgumentException("outside the plan: worker " + worker + " thread " + thread + " j " + j);
        }
        int debtor = Math.floorMod(worker * 7919 + thread * 131 + j * 17, DEBTORS);
        // Not from the same parity as the debtor index, so every debtor is asked about both accounts.
        String account = Integer.bitCount(worker * 1_000_003 + thread * 10_007 + j * 101) % 2 == 0 ? "A1" : "A2";
        Instant at = START.plusSeconds(worker * 8_000L + thread * 400L + j);
        return LedgerFixtures.call(debtor(debtor), account, at);
    }

    /** A call about a debtor of its own for crash tests: each is allowed, so each writes. */
    DecisionRequest fresh(int j) {
        return LedgerFixtures.call(prefix + "-crash-" + j, "A1", START.plusSeconds(j % 20_000));
    }

    /** How many calls the plan lets the cap allow per debtor and account: min(requests, cap) summed. */
    int expectedAllowed(Map<Integer, int[]> threadsAndDecisionsByWorker) {
        Map<String, Integer> requests = new HashMap<>();
        threadsAndDecisionsByWorker.forEach((worker, shape) -> {
            for (int t = 0; t < shape[0]; t++) {
                for (int j = 0; j < shape[1]; j++) {
                    DecisionRequest r = request(worker, t, j);
                    requests.merge(r.debtor().id() + "/" + r.action().accountIds().get(0), 1, Integer::sum);
                }
            }
        });
        return requests.values().stream().mapToInt(n -> Math.min(n, LedgerFixtures.CAP)).sum();
    }

    /** Joint accounts in {@link #joint}: each shared by {@code DEBTORS / JOINT_ACCOUNTS} debtors. */
    static final int JOINT_ACCOUNTS = 20;

    /** The joint account of debtor {@code index}. */
    String jointAccount(int index) {
        return prefix + "-J" + Math.floorMod(index, JOINT_ACCOUNTS);
    }

    /**
     * Decision {@code j} of thread {@code thread} of worker {@code worker} in the joint-account plan: a
     * call to one of the {@link #DEBTORS} debtors about the joint account it shares with four others,
     * at a moment unique to (w, t, j) within probe hours (any number of decisions per thread).
     */
    DecisionRequest joint(int worker, int thread, int j) {
        int debtor = Math.floorMod(worker * 7919 + thread * 131 + j * 17, DEBTORS);
        Instant at = START.plusSeconds(Math.floorMod(worker * 1_000_003L + thread * 10_007L + j * 7L, 20_000L))
                .plusNanos(1_000L * (worker * 1_000 + thread));
        DecisionRequest own = LedgerFixtures.call(debtor(debtor), "A1", at);
        String account = jointAccount(debtor);
        return DecisionRequest.builder().id(own.id() + "/" + worker + "/" + thread + "/" + j).debtor(own.debtor())
                .account(org.contactguard.core.model.Account.of(account,
                        org.contactguard.core.model.Product.CREDIT_CARD, "US", 45))
                .action(org.contactguard.core.model.ProposedAction.builder().channel(own.action().channel()).at(at)
                        .recipient(own.action().recipient()).contactPoint(own.action().contactPoint())
                        .accountIds(account).build())
                .build();
    }

    /** How many calls the joint plan lets the cap allow: min(requests, cap) per joint account. */
    int expectedJointAllowed(Map<Integer, int[]> threadsAndDecisionsByWorker) {
        Map<String, Integer> requests = new HashMap<>();
        threadsAndDecisionsByWorker.forEach((worker, shape) -> {
            for (int t = 0; t < shape[0]; t++) {
                for (int j = 0; j < shape[1]; j++) {
                    requests.merge(joint(worker, t, j).action().accountIds().get(0), 1, Integer::sum);
                }
            }
        });
        return requests.values().stream().mapToInt(n -> Math.min(n, LedgerFixtures.CAP)).sum();
    }
}
