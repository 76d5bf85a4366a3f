package org.contactguard.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.contactguard.core.audit.AuditSink;
import org.contactguard.core.audit.JdbcAuditSink;
import org.contactguard.core.audit.JsonLinesAuditSink;

/** Where {@code --audit} points: a folder of JSON Lines files, or a JDBC URL (the audit table). */
final class AuditTarget {

    static final String DESCRIPTION = "a folder (JSON Lines files, one per UTC day) or a JDBC URL "
            + "(jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DB?user=U&password=P; the cg_audit table)";

    private AuditTarget() {
    }

    /**
     * Opens the sink {@code target} names.
     *
     * @throws IOException when the folder cannot be created or the database cannot be reached
     */
    static AuditSink open(String target) throws IOException {
        if (target.startsWith("jdbc:")) {
            return JdbcAuditSink.builder().url(target).build();
        }
        return new JsonLinesAuditSink(Path.of(target));
    }
}
