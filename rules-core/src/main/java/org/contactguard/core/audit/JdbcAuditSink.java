package org.contactguard.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.ContactAttempt;

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
 * <p>Records from the trail's queue keep each history entry once, in {@code cg_audit_history_entry}
 * under its digest (the first 128 bits of the SHA-256 of its canonical JSON, in hex); their
 * {@code request_json} leaves out the history and {@code history_refs} lists the digests. A record
 * written in a ledger's transaction, or through {@link #write}, holds its request whole.
 * {@link #find} gives every request back whole either way. The sink remembers the entries it
 * committed most recently (65,536 unless told) so as not to write them again.
 *
 * <pre>{@code
 * JdbcAuditSink sink = JdbcAuditSink.builder().url("jdbc:postgresql://db/contactguard").user(u).password(p).build();
 * }</pre>
 */
public final class JdbcAuditSink implements HistoryKeepingSink {

    /** Longest id stored; longer ones are cut (the request JSON holds them whole). */
    static final int ID_LENGTH = 255;

    static final String INSERT = "INSERT INTO cg_audit (decided_at, debtor_id, request_id, tenant, action_at, verdict, "
            + "rule_ids, rule_set_version, library_version, packs, duration_micros, request_json, decision_json) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_SPLIT = "INSERT INTO cg_audit (decided_at, debtor_id, request_id, tenant, action_at, "
            + "verdict, rule_ids, rule_set_version, library_version, packs, duration_micros, request_json, decision_json, "
            + "history_refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT = "SELECT decided_at, debtor_id, request_id, tenant, action_at, library_version, packs, "
            + "duration_micros, request_json, decision_json, history_refs FROM cg_audit WHERE debtor_id = ? "
            + "AND decided_at >= ? AND decided_at < ? ORDER BY decided_at, audit_id";
    /** Keeps an entry unless the table has it (rows are never updated: a digest names one content). */
    static final String INSERT_ENTRY_POSTGRES = "INSERT INTO cg_audit_history_entry (digest, attempt_json) VALUES (?, ?) "
            + "ON CONFLICT (digest) DO NOTHING";
    static final String INSERT_ENTRY_H2 = "MERGE INTO cg_audit_history_entry (digest, attempt_json) KEY (digest) "
            + "VALUES (?, ?)";
    /** Digests asked for at once when reading entries back. */
    static final int ENTRIES_PER_QUERY = 100;

    private final String url;
    private final String user;
    private final String password;
    private final DataSource dataSource;
    /** The database's own spelling of its URL, to recognise a ledger transaction on the same database. */
    private final String databaseUrl;
    private final boolean postgres;
    /** The writer thread's connection, opened on first write and again after a failure. */
    private Connection writing;
    /** Entries committed to {@code cg_audit_history_entry}: the writer thread's alone. */
    private final KnownEntries known;

    private JdbcAuditSink(Builder b, String databaseUrl, boolean postgres) {
        this.url = b.url;
        this.user = b.user;
        this.password = b.password;
        this.dataSource = b.dataSource;
        this.databaseUrl = databaseUrl;
        this.postgres = postgres;
        this.known = new KnownEntries(b.rememberedEntries);
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
            // A batch of records becomes one multi-row INSERT instead of a statement per row.
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void write(List<AuditRecord> records) throws IOException {
        inTransaction(records.size(), connection -> insert(connection, records));
    }

    /** What {@link #inTransaction} runs. */
    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction of the writer thread's connection, opened on first use and
     * again after a failure, and commits it; a connection that failed is closed and not reused.
     *
     * @throws IOException when the {@code records} records could not be written
     */
    private void inTransaction(int records, Work work) throws IOException {
        try {
            if (writing == null || writing.isClosed()) {
                writing = connect();
            }
            writing.setAutoCommit(false);
            work.run(writing);
            writing.commit();
        } catch (SQLException e) {
            Connection broken = writing;
            writing = null;
            closeQuietly(broken, e);
            throw new IOException("could not write " + records + " audit records (SQLState " + e.getSQLState()
                    + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void writeDecided(List<Decided> decided) throws IOException {
        Map<ContactAttempt, KnownEntries.Rendered> learned = new LinkedHashMap<>();
        List<AuditJson.Split> splits = new ArrayList<>(decided.size());
        for (Decided d : decided) {
            AuditJson.Split split = null;
            if (d.request() != null) {
                try {
                    split = AuditJson.split(d.request(), known, learned);
                } catch (RuntimeException e) {
                    AuditJson.requestNotWritten(d.request().id(), e);
                }
            }
            splits.add(split);
        }
        inTransaction(decided.size(), connection -> {
            insertEntries(connection, learned.values());
            try (PreparedStatement insert = connection.prepareStatement(INSERT_SPLIT)) {
                for (int i = 0; i < decided.size(); i++) {
                    AuditJson.Split split = splits.get(i);
                    bind(insert, decided.get(i).head(), split == null ? null : split.requestJson());
                    insert.setString(14, split == null ? null : split.historyRefs());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        learned.forEach((attempt, rendered) -> known.remember(attempt, rendered.digest()));
    }

    private void insertEntries(Connection connection, Collection<KnownEntries.Rendered> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        // In digest order: two processes inserting the same entries lock their rows in one order, not
        // each in its own history's, which could deadlock them.
        List<KnownEntries.Rendered> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(entry -> entry.digest().getValue()));
        try (PreparedStatement insert = connection.prepareStatement(postgres ? INSERT_ENTRY_POSTGRES : INSERT_ENTRY_H2)) {
            for (KnownEntries.Rendered entry : sorted) {
                insert.setString(1, entry.digest().getValue());
                insert.setString(2, new String(entry.json(), StandardCharsets.UTF_8));
                insert.addBatch();
            }
            insert.executeBatch();
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
                bind(insert, r, r.requestJson());
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

    /** Sets the thirteen columns {@link #INSERT} and {@link #INSERT_SPLIT} share. */
    private static void bind(PreparedStatement insert, AuditRecord r, String requestJson) throws SQLException {
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
        insert.setString(12, requestJson);
        insert.setString(13, DecisionJson.writeDecision(r.decision()));
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
            List<List<String>> refs = new ArrayList<>();
            Set<String> needed = new HashSet<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime actionAt = rs.getObject(5, OffsetDateTime.class);
                    String packs = rs.getString(7);
                    found.add(new AuditRecord(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                            rs.getString(3), rs.getString(4), actionAt == null ? null : actionAt.toInstant(),
                            rs.getString(9), DecisionJson.readDecision(rs.getString(10)), rs.getString(6),
                            packs.isEmpty() ? List.of() : List.of(packs.split(",")),
                            Duration.ofNanos(rs.getLong(8) * 1_000)));
                    String historyRefs = rs.getString(11);
                    List<String> digests = historyRefs == null ? null
                            : historyRefs.isEmpty() ? List.of() : List.of(historyRefs.split(","));
                    refs.add(digests);
                    if (digests != null) {
                        needed.addAll(digests);
                    }
                }
            }
            Map<String, JsonNode> entries = entries(connection, needed);
            for (int i = 0; i < found.size(); i++) {
                AuditRecord r = found.get(i);
                if (refs.get(i) != null && r.requestJson() != null) {
                    String whole;
                    try {
                        whole = AuditJson.whole(r.requestJson(), refs.get(i), entries::get);
                    } catch (RuntimeException e) {
                        throw new IOException("the audit record of request " + r.requestId() + " decided at "
                                + r.decidedAt() + " cannot be read back: " + e.getMessage(), e);
                    }
                    found.set(i, new AuditRecord(r.decidedAt(), r.debtorId(), r.requestId(), r.tenant(), r.actionAt(),
                            whole, r.decision(), r.libraryVersion(), r.packs(), r.duration()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IOException("could not read the audit records of debtor " + debtorId + " (SQLState "
                    + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    /** The history entries of {@code digests}, asked for a hundred at a time. */
    private static Map<String, JsonNode> entries(Connection connection, Set<String> digests) throws SQLException {
        Map<String, JsonNode> entries = new HashMap<>();
        List<String> all = new ArrayList<>(digests);
        for (int from = 0; from < all.size(); from += ENTRIES_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + ENTRIES_PER_QUERY));
            String sql = "SELECT digest, attempt_json FROM cg_audit_history_entry WHERE digest IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    query.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        entries.put(rs.getString(1), DecisionJson.parse(rs.getString(2)));
                    }
                }
            }
        }
        return entries;
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
        private int rememberedEntries = JsonLinesAuditSink.DEFAULT_REMEMBERED_ENTRIES;

        private Builder() {
        }

        /**
         * How many history entries the sink remembers having committed, so as not to write them again;
         * default 65,536 (about 30 MB at most). One forgotten is offered to the table again, which keeps
         * the row it has.
         */
        public Builder rememberedEntries(int entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("rememberedEntries must not be negative, was " + entries);
            }
            this.rememberedEntries = entries;
            return this;
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
                boolean postgres = AuditSchema.isPostgres(connection);
                if (migrate) {
                    AuditSchema.migrate(connection);
                } else {
                    int version;
                    try {
                        version = AuditSchema.version(connection);
                    } catch (SQLException e) {
                        throw new SQLException("no audit schema found (" + e.getMessage() + "); apply "
                                + AuditSchema.SCRIPTS + " or build with migrate(true)", e);
                    }
                    AuditSchema.refuseNewer(version);
                    if (version < AuditSchema.LATEST) {
                        throw new SQLException("the audit schema is at version " + version + ", this library needs "
                                + AuditSchema.LATEST + "; apply " + AuditSchema.SCRIPTS + " or build with migrate(true)");
                    }
                }
                return new JdbcAuditSink(this, connection.getMetaData().getURL(), postgres);
            } catch (SQLException e) {
                throw new IOException("cannot open the audit table at " + where + ": " + e.getMessage(), e);
            }
        }
    }
}
