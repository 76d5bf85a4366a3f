package org.contactguard.core.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.contactguard.core.json.DecisionJson;

/**
 * Audit records in a table, {@code cg_audit}, on PostgreSQL or H2: beside the contact ledger's tables
 * in the same database, or in one of its own. The schema is created at start the ledger's way
 * (versioned scripts in {@code db/}, recorded in {@code cg_audit_schema_version}) and indexed by
 * debtor and decision time.
 *
 * <p>When the sink's database is the JDBC contact ledger's, {@code decideAndRecord} writes each record
 * in the ledger's own transaction (see {@link AuditTrail#onDecision(org.contactguard.core.model.DecisionRequest,
 * org.contactguard.core.decision.Decision, java.time.Duration, Connection)}): the record and the
 * reserved attempt are committed together or not at all.
 *
 * <pre>{@code
 * JdbcAuditSink sink = JdbcAuditSink.builder().url("jdbc:postgresql://db/contactguard").user(u).password(p).build();
 * }</pre>
 */
public final class JdbcAuditSink implements AuditSink {

    /** Longest id stored; longer ones are cut (the request JSON holds them whole). */
    static final int ID_LENGTH = 255;

    static final String INSERT = "INSERT INTO cg_audit (decided_at, debtor_id, request_id, tenant, action_at, verdict, "
            + "rule_ids, rule_set_version, library_version, packs, duration_micros, request_json, decision_json) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT = "SELECT decided_at, debtor_id, request_id, tenant, action_at, library_version, packs, "
            + "duration_micros, request_json, decision_json FROM cg_audit WHERE debtor_id = ? AND decided_at >= ? "
            + "AND decided_at < ? ORDER BY decided_at, audit_id";

    private final String url;
    private final String user;
    private final String password;
    private final DataSource dataSource;
    /** The database's own spelling of its URL, to recognise a ledger transaction on the same database. */
    private final String databaseUrl;
    /** The writer thread's connection, opened on first write and again after a failure. */
    private Connection writing;

    private JdbcAuditSink(Builder b, String databaseUrl) {
        this.url = b.url;
        this.user = b.user;
        this.password = b.password;
        this.dataSource = b.dataSource;
        this.databaseUrl = databaseUrl;
    }

    /** Starts configuring a sink. */
    public static Builder builder() {
        return new Builder();
    }

    private Connection connect() throws SQLException {
        return dataSource != null ? dataSource.getConnection() : open(url, user, password);
    }

    /**
     * A connection of the sink's own. On PostgreSQL, the driver is told to keep query parameters and
     * server details out of exception messages: those messages are logged, and an audit row holds
     * contact point values and message text, which must never reach a log.
     */
    static Connection open(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("logServerErrorDetail", "false");
            properties.setProperty("ApplicationName", "contactguard-audit");
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void write(List<AuditRecord> records) throws IOException {
        try {
            if (writing == null || writing.isClosed()) {
                writing = connect();
            }
            writing.setAutoCommit(false);
            insert(writing, records);
            writing.commit();
        } catch (SQLException e) {
            Connection broken = writing;
            writing = null;
            closeQuietly(broken, e);
            throw new IOException("could not write " + records.size() + " audit records (SQLState " + e.getSQLState()
                    + "): " + e.getMessage(), e);
        }
    }

    /** Closes a connection that failed; a failure to close is attached to the failure that led here. */
    private static void closeQuietly(Connection connection, SQLException cause) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Inserts {@code records} through {@code connection}, in its current transaction. */
    void insert(Connection connection, List<AuditRecord> records) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditRecord r : records) {
                insert.setObject(1, timestamp(r.decidedAt()));
                insert.setString(2, cut(r.debtorId()));
                insert.setString(3, cut(r.requestId()));
                insert.setString(4, cut(r.tenant()));
                insert.setObject(5, r.actionAt() == null ? null : timestamp(r.actionAt()));
                insert.setString(6, r.decision().verdict().name());
                insert.setString(7, cut(String.join(",", r.decision().ruleIds()), 4000));
                insert.setString(8, cut(r.ruleSetVersion(), 100));
                insert.setString(9, cut(r.libraryVersion(), 100));
                insert.setString(10, cut(String.join(",", r.packs()), 1000));
                insert.setLong(11, AuditJson.micros(r.duration()));
                insert.setString(12, r.requestJson());
                insert.setString(13, DecisionJson.writeDecision(r.decision()));
                if (records.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (records.size() > 1) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Whether {@code connection} is to this sink's database, so a record written through it lands in
     * this sink's table.
     */
    boolean isSameDatabase(Connection connection) {
        try {
            return databaseUrl.equals(connection.getMetaData().getURL());
        } catch (SQLException e) {
            // Cannot tell: the record goes through the queue, written on the sink's own connection.
            return false;
        }
    }

    @Override
    public List<AuditRecord> find(String debtorId, Instant from, Instant until) throws IOException {
        Objects.requireNonNull(debtorId, "debtorId");
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(SELECT)) {
            query.setString(1, cut(debtorId));
            query.setObject(2, timestamp(clamp(from)));
            query.setObject(3, timestamp(clamp(until)));
            List<AuditRecord> found = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime actionAt = rs.getObject(5, OffsetDateTime.class);
                    String packs = rs.getString(7);
                    found.add(new AuditRecord(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                            rs.getString(3), rs.getString(4), actionAt == null ? null : actionAt.toInstant(),
                            rs.getString(9), DecisionJson.readDecision(rs.getString(10)), rs.getString(6),
                            packs.isEmpty() ? List.of() : List.of(packs.split(",")),
                            Duration.ofNanos(rs.getLong(8) * 1_000)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IOException("could not read the audit records of debtor " + debtorId + " (SQLState "
                    + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** Databases store years 1 to 9999 at most; Instant.MIN/MAX and the like mean "no bound". */
    private static Instant clamp(Instant at) {
        Instant earliest = Instant.parse("0001-01-01T00:00:00Z");
        Instant latest = Instant.parse("9999-12-31T00:00:00Z");
        return at.isBefore(earliest) ? earliest : at.isAfter(latest) ? latest : at;
    }

    private static String cut(String value) {
        return cut(value, ID_LENGTH);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    @Override
    public String describe() {
        return "table cg_audit at " + databaseUrl;
    }

    @Override
    public void close() throws IOException {
        if (writing != null) {
            try {
                writing.close();
            } catch (SQLException e) {
                throw new IOException("could not close the audit connection: " + e.getMessage(), e);
            } finally {
                writing = null;
            }
        }
    }

    /** Configures a {@link JdbcAuditSink}: a JDBC URL, or a {@link DataSource} the application pools. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private boolean migrate = true;

        private Builder() {
        }

        /** {@code jdbc:postgresql://host:5432/db} or {@code jdbc:h2:file:/path/db}: the ledger's, to share its transactions. */
        public Builder url(String jdbcUrl) {
            this.url = Objects.requireNonNull(jdbcUrl, "url");
            return this;
        }

        /** The database user. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The database user's password. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Uses the application's pool instead of a connection of the sink's own. On PostgreSQL, give the
         * pool {@code logServerErrorDetail=false}: exception messages are logged, and must not carry the
         * audit row's values.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** Whether to create or upgrade the table at start; default true. When false, it must exist. */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Connects, checks the database and migrates the schema.
         *
         * @throws IOException when the database cannot be reached or its schema is not usable
         */
        public JdbcAuditSink build() throws IOException {
            if ((url == null) == (dataSource == null)) {
                throw new IllegalStateException("give either url(...) or dataSource(...)");
            }
            String where = url != null ? url : "the given data source";
            try (Connection connection = dataSource != null ? dataSource.getConnection() : open(url, user, password)) {
                if (migrate) {
                    AuditSchema.migrate(connection);
                } else {
                    AuditSchema.isPostgres(connection);
                    int version;
                    try {
                        version = AuditSchema.version(connection);
                    } catch (SQLException e) {
                        throw new SQLException("no audit schema found (" + e.getMessage() + "); apply "
                                + AuditSchema.SCRIPTS + " or build with migrate(true)", e);
                    }
                    if (version < AuditSchema.LATEST) {
                        throw new SQLException("the audit schema is at version " + version + ", this library needs "
                                + AuditSchema.LATEST + "; apply " + AuditSchema.SCRIPTS + " or build with migrate(true)");
                    }
                }
                return new JdbcAuditSink(this, connection.getMetaData().getURL());
            } catch (SQLException e) {
                throw new IOException("cannot open the audit table at " + where + ": " + e.getMessage(), e);
            }
        }
    }
}
