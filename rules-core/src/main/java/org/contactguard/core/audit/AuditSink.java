package org.contactguard.core.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Where audit records are kept. An {@link AuditTrail} calls {@link #write} from its one writer
 * thread, with records in the order the decisions were made; a sink need not be thread-safe for
 * writing, but {@link #find} may be called from any thread meanwhile.
 *
 * <p>Implementations: {@link JsonLinesAuditSink} (files rolling daily), {@link JdbcAuditSink} (a
 * table beside the contact ledger).
 */
public interface AuditSink extends AutoCloseable {

    /**
     * Keeps {@code records} durably, all or none: when this returns they are written; when it throws,
     * the trail keeps them and calls again with the same records (a sink that wrote some of them
     * before failing may then hold those twice, which is safer than not at all).
     *
     * @throws IOException when they could not be written
     */
    void write(List<AuditRecord> records) throws IOException;

    /**
     * The records of debtor {@code debtorId} decided at {@code from <= decidedAt < until}, oldest
     * first.
     *
     * @throws IOException when the records could not be read
     */
    List<AuditRecord> find(String debtorId, Instant from, Instant until) throws IOException;

    /** What this sink writes to, for messages (no credentials). */
    String describe();

    /** Releases files or connections. */
    @Override
    void close() throws IOException;
}
