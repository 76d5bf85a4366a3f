package org.contactguard.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks over a ledger database in plain SQL, independent of the code under test. */
final class LedgerChecks {

    private LedgerChecks() {
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Every window of the probe cap's length that ends at a counted call holds at most the cap of counted
     * calls for the same debtor and account, among debtors whose id starts with {@code prefix}.
     */
    static void assertNoWindowExceedsTheCap(Connection c, String prefix) throws SQLException {
        String counted = "b.channel = 'CALL' AND b.initiated_by = 'COLLECTOR' "
                + "AND (b.outcome IS NULL OR b.outcome NOT IN ('BUSY', 'NOT_IN_SERVICE', 'FAILED'))";
        String sql = "SELECT a.debtor_id, x.account_id, a.attempted_at, (SELECT COUNT(*) FROM cg_attempt b "
                + "JOIN cg_attempt_account y ON y.attempt_id = b.attempt_id WHERE b.debtor_id = a.debtor_id "
                + "AND y.account_id = x.account_id AND " + counted + " AND b.attempted_at > a.attempted_at - INTERVAL '"
                + LedgerFixtures.WINDOW.toDays() + "' DAY AND b.attempted_at <= a.attempted_at) AS in_window "
                + "FROM cg_attempt a JOIN cg_attempt_account x ON x.attempt_id = a.attempt_id "
                + "WHERE a.debtor_id LIKE ? AND a.channel = 'CALL'";
        List<String> over = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, prefix + "%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt("in_window") > LedgerFixtures.CAP) {
                        over.add(rs.getString(1) + "/" + rs.getString(2) + " has " + rs.getInt("in_window")
                                + " calls in the window ending " + rs.getObject(3));
                    }
                }
            }
        }
        assertEquals(List.of(), over, "windows over the cap of " + LedgerFixtures.CAP);
    }

    /**
     * Per account, whoever its debtors: every window of the probe cap's length that ends at a counted
     * call about an account whose id starts with {@code prefix} holds at most the cap of counted calls
     * about it.
     */
    static void assertNoAccountWindowExceedsTheCap(Connection c, String prefix) throws SQLException {
        assertNoAccountWindowExceedsTheCap(c, prefix, Map.of(), LedgerFixtures.WINDOW);
        assertNoWindowOfTheFinalTableExceedsTheCap(c, prefix);
    }

    /** Per account: every window of the probe cap's length ending at a call holds at most the cap. */
    private static void assertNoWindowOfTheFinalTableExceedsTheCap(Connection c, String prefix) throws SQLException {
        String counted = "b.channel = 'CALL' AND b.initiated_by = 'COLLECTOR' "
                + "AND (b.outcome IS NULL OR b.outcome NOT IN ('BUSY', 'NOT_IN_SERVICE', 'FAILED'))";
        String sql = "SELECT x.account_id, a.attempted_at, (SELECT COUNT(*) FROM cg_attempt b JOIN cg_attempt_account y "
                + "ON y.attempt_id = b.attempt_id WHERE y.account_id = x.account_id AND " + counted
                + " AND b.attempted_at > a.attempted_at - INTERVAL '" + LedgerFixtures.WINDOW.toDays() + "' DAY "
                + "AND b.attempted_at <= a.attempted_at) AS in_window FROM cg_attempt a JOIN cg_attempt_account x "
                + "ON x.attempt_id = a.attempt_id WHERE x.account_id LIKE ? AND a.channel = 'CALL'";
        List<String> over = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, prefix + "%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt("in_window") > LedgerFixtures.CAP) {
                        over.add(rs.getString(1) + " has " + rs.getInt("in_window") + " calls in the window ending "
                                + rs.getObject(2));
                    }
                }
            }
        }
        assertEquals(List.of(), over, "windows over the cap of " + LedgerFixtures.CAP);
    }

    /**
     * What each allowed call's own decision saw, for rules that change while decisions run: the calls
     * about the same account recorded before it (a smaller id: decisions about one account insert under
     * its lock, one after another) with a moment inside the window of the rules that allowed it
     * ({@code windows} by rule-set version, {@code otherwise} for versions not named), later moments
     * included, hold at most the cap together with it. A fixed window over the final table would also
     * count calls that rules with a shorter window rightly allowed afterwards.
     */
    static void assertNoAccountWindowExceedsTheCap(Connection c, String prefix, Map<String, java.time.Duration> windows,
            java.time.Duration otherwise) throws SQLException {
        String counted = "b.channel = 'CALL' AND b.initiated_by = 'COLLECTOR' "
                + "AND (b.outcome IS NULL OR b.outcome NOT IN ('BUSY', 'NOT_IN_SERVICE', 'FAILED'))";
        List<String> over = new ArrayList<>();
        List<java.time.Duration> lengths = new ArrayList<>(windows.values());
        lengths.add(otherwise);
        for (java.time.Duration window : new java.util.TreeSet<>(lengths)) {
            String sql = "SELECT x.account_id, a.attempted_at, a.rule_set_version, (SELECT COUNT(*) FROM cg_attempt b "
                    + "JOIN cg_attempt_account y ON y.attempt_id = b.attempt_id WHERE y.account_id = x.account_id AND "
                    + counted + " AND b.attempted_at > a.attempted_at - INTERVAL '" + window.toDays() + "' DAY "
                    + "AND b.attempt_id <= a.attempt_id) AS in_window FROM cg_attempt a JOIN cg_attempt_account x "
                    + "ON x.attempt_id = a.attempt_id WHERE x.account_id LIKE ? AND a.channel = 'CALL' "
                    + "AND a.request_id IS NOT NULL";
            try (PreparedStatement query = c.prepareStatement(sql)) {
                query.setString(1, prefix + "%");
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        java.time.Duration own = windows.getOrDefault(rs.getString(3), otherwise);
                        if (own.equals(window) && rs.getInt("in_window") > LedgerFixtures.CAP) {
                            over.add(rs.getString(1) + " has " + rs.getInt("in_window") + " calls in the " + window
                                    + " window ending " + rs.getObject(2) + " (allowed by rules " + rs.getString(3) + ")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), over, "windows over the cap of " + LedgerFixtures.CAP);
    }

    /** Ids of the attempts of debtors whose id starts with {@code prefix}. */
    static Set<Long> attemptIds(Connection c, String prefix) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement query = c.prepareStatement("SELECT attempt_id FROM cg_attempt WHERE debtor_id LIKE ?")) {
            query.setString(1, prefix + "%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Nothing half-written: every attempt has its accounts, numbered from 0 without gaps, and a debtor row. */
    static void assertEveryAttemptIsWhole(Connection c, String prefix) throws SQLException {
        String sql = "SELECT a.attempt_id, (SELECT COUNT(*) FROM cg_attempt_account x WHERE x.attempt_id = a.attempt_id) "
                + "AS accounts, (SELECT MAX(account_index) FROM cg_attempt_account x WHERE x.attempt_id = a.attempt_id) "
                + "AS last_index, (SELECT COUNT(*) FROM cg_debtor d WHERE d.debtor_id = a.debtor_id) AS debtors "
                + "FROM cg_attempt a WHERE a.debtor_id LIKE ?";
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, prefix + "%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    assertTrue(rs.getInt("accounts") >= 1, "attempt " + id + " has no account rows");
                    assertEquals(rs.getInt("accounts") - 1, rs.getInt("last_index"), "attempt " + id + " accounts");
                    assertEquals(1, rs.getInt("debtors"), "attempt " + id + " debtor row");
                }
            }
        }
    }
}
