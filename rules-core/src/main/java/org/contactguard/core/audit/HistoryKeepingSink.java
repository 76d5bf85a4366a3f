package org.contactguard.core.audit;

import java.io.IOException;
import java.util.List;

/**
 * A sink that keeps each history entry once and has its records refer to entries it already holds,
 * instead of writing a request's whole history into every record: a 50-entry history is nine tenths
 * of a record's bytes and of the writer's time, and successive decisions about one debtor repeat it.
 * The {@link AuditTrail} hands such a sink the requests themselves, not their JSON.
 */
interface HistoryKeepingSink extends AuditSink {

    /**
     * Keeps the records of {@code decided}, all or none, as {@link AuditSink#write} does; reading them
     * back gives each record's request whole, as {@link AuditRecord#requestJson()} describes.
     *
     * @throws IOException when they could not be written
     */
    void writeDecided(List<Decided> decided) throws IOException;
}
