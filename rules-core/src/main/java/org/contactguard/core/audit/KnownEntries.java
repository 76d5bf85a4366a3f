package org.contactguard.core.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.ContactAttempt;

/**
 * The history entries one audit file or table already holds, each under its digest: the first 128
 * bits of the SHA-256 of its canonical JSON, in hex. Remembers at most a given number, the most
 * recently learned (first in, first out: reordering on every look-up cost more than the entries it
 * saved); an entry forgotten is written again when next seen, which costs bytes, never correctness.
 * The writer thread's alone: not thread-safe.
 */
final class KnownEntries {

    /** Characters of a digest: 128 bits in hex. */
    static final int DIGEST_LENGTH = 32;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private final Map<ContactAttempt, SerializedString> known;
    private final MessageDigest sha256;
    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream(1024);

    KnownEntries(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("entries remembered must not be negative, was " + capacity);
        }
        this.known = new LinkedHashMap<>(Math.min(capacity, 4096), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ContactAttempt, SerializedString> eldest) {
                return size() > capacity;
            }
        };
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    /**
     * The digest of {@code attempt} when it is held already, else null; as a serialised string, so a
     * generator copies its bytes instead of checking fifty digests a record character by character.
     */
    SerializedString digestIfKnown(ContactAttempt attempt) {
        return known.get(attempt);
    }

    /** Marks {@code attempt} as held under {@code digest}. */
    void remember(ContactAttempt attempt, SerializedString digest) {
        known.put(attempt, digest);
    }

    /** Forgets every entry: the file or table changed, or a write failed and may not have kept them. */
    void forget() {
        known.clear();
    }

    /** The canonical JSON of {@code attempt} as UTF-8, and its digest. */
    Rendered render(ContactAttempt attempt) {
        scratch.reset();
        try (JsonGenerator g = FACTORY.createGenerator(scratch, JsonEncoding.UTF8)) {
            DecisionJson.writeAttempt(g, attempt);
        } catch (IOException e) {
            // A byte array does not fail; reaching here is a bug in the writer.
            throw new UncheckedIOException(e);
        }
        byte[] json = scratch.toByteArray();
        byte[] hash = sha256.digest(json);
        return new Rendered(new SerializedString(HEX.formatHex(hash, 0, DIGEST_LENGTH / 2)), json);
    }

    /** One entry's digest and canonical UTF-8 JSON. */
    record Rendered(SerializedString digest, byte[] json) {
    }
}
