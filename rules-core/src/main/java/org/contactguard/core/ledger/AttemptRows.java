package org.contactguard.core.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.ContactPointSource;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Visibility;
import org.contactguard.core.model.VisitDetails;

/** Attempts to and from the rows of {@code cg_attempt} and {@code cg_attempt_account}. */
final class AttemptRows {

    private static final String COLUMNS = "a.attempt_id, a.debtor_id, a.attempted_at, a.channel, a.recipient, "
            + "a.third_party_id, a.point_id, a.point_kind, a.point_employer_provided, a.point_source, a.point_shared, "
            + "a.place, a.purpose, a.initiated_by, a.automated, a.prerecorded, a.via_personal_device, a.visibility, a.content, "
            + "a.leaves_message, a.identifies_caller, a.discloses_debt, a.visit_staff_count, a.visit_credentials_shown, "
            + "a.visit_recorded, a.visit_enters_premises, a.visit_invited_in, a.visit_person_contacted, a.collector_id, "
            + "a.outcome, a.message_left, a.request_id, a.decided_by, a.recorded_at, x.account_id";

    /**
     * The attempts after a moment (exclusive) of a debtor or about some accounts, one row per account,
     * oldest first. Parameters: the debtor, the moment, then one per account of the {@code IN} list and
     * the moment again. Each half of the {@code UNION} is one index range scan (the debtor and time
     * index; the account index), so the cost stays with the debtor's and the accounts' own attempts.
     */
    static String selectAfter(int accounts) {
        String byAccount = accounts == 0 ? "" : " UNION SELECT y.attempt_id FROM cg_attempt_account y JOIN cg_attempt b "
                + "ON b.attempt_id = y.attempt_id WHERE y.account_id IN (" + "?, ".repeat(accounts - 1) + "?) "
                + "AND b.attempted_at > ?";
        return "SELECT " + COLUMNS + " FROM cg_attempt a JOIN cg_attempt_account x ON x.attempt_id = a.attempt_id "
                + "WHERE a.attempt_id IN (SELECT d.attempt_id FROM cg_attempt d WHERE d.debtor_id = ? "
                + "AND d.attempted_at > ?" + byAccount + ") ORDER BY a.attempted_at, a.attempt_id, x.account_index";
    }

    /** Reservations without an outcome recorded before a moment, oldest first. */
    static final String SELECT_PENDING = "SELECT " + COLUMNS + " FROM cg_attempt a JOIN cg_attempt_account x "
            + "ON x.attempt_id = a.attempt_id WHERE a.outcome IS NULL AND a.recorded_at < ? "
            + "ORDER BY a.recorded_at, a.attempt_id, x.account_index";

    /** The reservation a debtor's request made, if any. */
    static final String SELECT_BY_REQUEST = "SELECT attempt_id, attempted_at, channel, rule_set_version FROM cg_attempt "
            + "WHERE debtor_id = ? AND request_id = ?";

    /** A debtor's attempts in [from, until), with one row per account, oldest first. */
    static final String SELECT_RANGE = "SELECT " + COLUMNS + " FROM cg_attempt a JOIN cg_attempt_account x "
            + "ON x.attempt_id = a.attempt_id WHERE a.debtor_id = ? AND a.attempted_at >= ? AND a.attempted_at < ? "
            + "ORDER BY a.attempted_at, a.attempt_id, x.account_index";

    private static final String INSERT = "INSERT INTO cg_attempt (debtor_id, attempted_at, channel, recipient, "
            + "third_party_id, point_id, point_kind, point_employer_provided, point_source, point_shared, place, purpose, "
            + "initiated_by, automated, prerecorded, via_personal_device, visibility, content, leaves_message, identifies_caller, "
            + "discloses_debt, visit_staff_count, visit_credentials_shown, visit_recorded, visit_enters_premises, "
            + "visit_invited_in, visit_person_contacted, collector_id, outcome, message_left, request_id, decided_by, "
            + "rule_set_version, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)";

    private static final String INSERT_ACCOUNT =
            "INSERT INTO cg_attempt_account (attempt_id, account_index, account_id) VALUES (?, ?, ?)";

    private AttemptRows() {
    }

    /** The database keeps microseconds; truncating here keeps what is stored and what is compared the same. */
    static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(truncated(at), ZoneOffset.UTC);
    }

    /** {@code at} as the database stores it: to the microsecond. */
    static Instant truncated(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** A stored attempt with what the ledger knows about its recording. */
    record Stored(RecordedAttempt recorded, String requestId, String decidedBy, Instant recordedAt) {
    }

    /** Inserts {@code attempt} and its accounts; returns the new attempt id. */
    static long insert(Connection connection, String debtorId, ContactAttempt a, String requestId, String decidedBy,
            String ruleSetVersion) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            int i = 0;
            insert.setString(++i, debtorId);
            insert.setObject(++i, timestamp(a.at()));
            insert.setString(++i, a.channel().name());
            insert.setString(++i, a.recipient().name());
            insert.setString(++i, a.thirdPartyId());
            ContactPoint point = a.contactPoint();
            insert.setString(++i, point == null ? null : point.id());
            insert.setString(++i, point == null ? null : point.kind().name());
            setBoolean(insert, ++i, point == null ? null : point.employerProvided());
            insert.setString(++i, point == null ? null : point.source().name());
            setBoolean(insert, ++i, point == null ? null : point.shared());
            insert.setString(++i, a.place().name());
            insert.setString(++i, a.purpose().name());
            insert.setString(++i, a.initiatedBy().name());
            insert.setBoolean(++i, a.automated());
            insert.setBoolean(++i, a.prerecorded());
            insert.setBoolean(++i, a.viaPersonalDevice());
            insert.setString(++i, a.visibility().name());
            insert.setString(++i, a.content());
            insert.setBoolean(++i, a.leavesMessage());
            insert.setBoolean(++i, a.identifiesCaller());
            insert.setBoolean(++i, a.disclosesDebt());
            VisitDetails visit = a.visit();
            if (visit == null) {
                insert.setNull(++i, Types.INTEGER);
            } else {
                insert.setInt(++i, visit.staffCount());
            }
            setBoolean(insert, ++i, visit == null ? null : visit.credentialsShown());
            setBoolean(insert, ++i, visit == null ? null : visit.recorded());
            setBoolean(insert, ++i, visit == null ? null : visit.entersPremises());
            setBoolean(insert, ++i, visit == null ? null : visit.invitedIn());
            setBoolean(insert, ++i, visit == null ? null : visit.personContacted());
            insert.setString(++i, a.collectorId());
            insert.setString(++i, a.outcome() == null ? null : a.outcome().name());
            insert.setBoolean(++i, a.messageLeft());
            insert.setString(++i, requestId);
            insert.setString(++i, decidedBy);
            insert.setString(++i, ruleSetVersion);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the inserted attempt");
                }
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement accounts = connection.prepareStatement(INSERT_ACCOUNT)) {
            for (int k = 0; k < a.accountIds().size(); k++) {
                accounts.setLong(1, id);
                accounts.setInt(2, k);
                accounts.setString(3, a.accountIds().get(k));
                accounts.addBatch();
            }
            accounts.executeBatch();
        }
        return id;
    }

    private static void setBoolean(PreparedStatement statement, int index, Boolean value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BOOLEAN);
        } else {
            statement.setBoolean(index, value);
        }
    }

    /**
     * Reads the attempts of a query built on {@link #COLUMNS}, at most {@code limit} of them (the rest
     * of the result is not fetched).
     *
     * @throws SQLException also when a row does not make a valid attempt (edited by hand, say)
     */
    static List<Stored> read(ResultSet rs, int limit) throws SQLException {
        List<Stored> attempts = new ArrayList<>();
        long currentId = 0;
        ContactAttempt.Builder current = null;
        Stored extras = null;
        String currentDebtor = null;
        List<String> accounts = new ArrayList<>();
        while (rs.next()) {
            long id = rs.getLong("attempt_id");
            if (current == null || id != currentId) {
                if (current != null) {
                    attempts.add(build(currentId, currentDebtor, extras, current, accounts));
                    if (attempts.size() >= limit) {
                        return attempts;
                    }
                }
                currentId = id;
                OffsetDateTime recordedAt = rs.getObject("recorded_at", OffsetDateTime.class);
                extras = new Stored(null, rs.getString("request_id"), rs.getString("decided_by"),
                        recordedAt == null ? null : recordedAt.toInstant());
                currentDebtor = rs.getString("debtor_id");
                current = fields(rs);
                accounts = new ArrayList<>();
            }
            accounts.add(rs.getString("account_id"));
        }
        if (current != null) {
            attempts.add(build(currentId, currentDebtor, extras, current, accounts));
        }
        return attempts;
    }

    /** The attempts of {@code rows}. */
    static List<RecordedAttempt> attempts(List<Stored> rows) {
        List<RecordedAttempt> attempts = new ArrayList<>(rows.size());
        rows.forEach(row -> attempts.add(row.recorded()));
        return attempts;
    }

    private static Stored build(long id, String debtorId, Stored extras, ContactAttempt.Builder builder, List<String> accounts)
            throws SQLException {
        try {
            return new Stored(new RecordedAttempt(id, debtorId, builder.accountIds(accounts).build()),
                    extras.requestId(), extras.decidedBy(), extras.recordedAt());
        } catch (IllegalArgumentException e) {
            throw new SQLException("ledger row cg_attempt " + id + " is not a valid attempt: " + e.getMessage(), e);
        }
    }

    private static ContactAttempt.Builder fields(ResultSet rs) throws SQLException {
        try {
            ContactAttempt.Builder b = ContactAttempt.builder()
                    .channel(Channel.valueOf(rs.getString("channel")))
                    .at(rs.getObject("attempted_at", OffsetDateTime.class).toInstant())
                    .recipient(Recipient.valueOf(rs.getString("recipient")))
                    .thirdPartyId(rs.getString("third_party_id"))
                    .place(Place.valueOf(rs.getString("place")))
                    .purpose(Purpose.valueOf(rs.getString("purpose")))
                    .initiatedBy(Initiator.valueOf(rs.getString("initiated_by")))
                    .automated(rs.getBoolean("automated"))
                    .prerecorded(rs.getBoolean("prerecorded"))
                    .viaPersonalDevice(rs.getBoolean("via_personal_device"))
                    .visibility(Visibility.valueOf(rs.getString("visibility")))
                    .content(rs.getString("content"))
                    .leavesMessage(rs.getBoolean("leaves_message"))
                    .identifiesCaller(rs.getBoolean("identifies_caller"))
                    .disclosesDebt(rs.getBoolean("discloses_debt"))
                    .collectorId(rs.getString("collector_id"))
                    .messageLeft(rs.getBoolean("message_left"));
            String pointId = rs.getString("point_id");
            if (pointId != null) {
                b.contactPoint(new ContactPoint(pointId, ContactPointKind.valueOf(rs.getString("point_kind")),
                        rs.getBoolean("point_employer_provided"), ContactPointSource.valueOf(rs.getString("point_source")),
                        rs.getBoolean("point_shared")));
            }
            int staff = rs.getInt("visit_staff_count");
            if (!rs.wasNull()) {
                b.visit(new VisitDetails(staff, rs.getBoolean("visit_credentials_shown"), rs.getBoolean("visit_recorded"),
                        rs.getBoolean("visit_enters_premises"), rs.getBoolean("visit_invited_in"),
                        rs.getBoolean("visit_person_contacted")));
            }
            String outcome = rs.getString("outcome");
            b.outcome(outcome == null ? null : Outcome.valueOf(outcome));
            return b;
        } catch (IllegalArgumentException e) {
            throw new SQLException("ledger row cg_attempt " + rs.getLong("attempt_id") + " is not a valid attempt: "
                    + e.getMessage(), e);
        }
    }
}
