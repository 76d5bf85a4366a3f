package org.contactguard.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.Contact;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.ThirdParty;
import org.contactguard.core.model.VisitDetails;

/**
 * Writes a {@link DecisionRequest} in its canonical JSON form: every field in contract order, defaults
 * written out, absent optional values left out (and a restriction's {@code accountIds} when it names
 * none, i.e. is about every account). Reading the result gives an equal request.
 *
 * <p>Streams into a generator: the audit trail writes a record per decision, mostly history, and a
 * tree built first and serialised after cost ten times the decision. {@link DecisionJson#requestTree}
 * reads the same tokens back as a tree, so there is one writer.
 */
final class RequestWriter {

    private RequestWriter() {
    }

    static void request(JsonGenerator g, DecisionRequest r) throws IOException {
        requestHead(g, r);
        g.writeFieldName(name("history"));
        g.writeStartArray();
        for (ContactAttempt attempt : r.history()) {
            attempt(g, attempt);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The request's object opened and every field but {@code history}, its last, written: the caller
     * writes the history its own way and closes the object.
     */
    static void requestHead(JsonGenerator g, DecisionRequest r) throws IOException {
        g.writeStartObject();
        text(g, "id", r.id());
        text(g, "tenant", r.tenant());
        strings(g, "packs", r.packs());
        g.writeFieldName(name("collector"));
        collector(g, r.collector());
        g.writeFieldName(name("action"));
        g.writeStartObject();
        contact(g, r.action());
        g.writeEndObject();
        g.writeFieldName(name("debtor"));
        debtor(g, r.debtor());
        g.writeFieldName(name("accounts"));
        g.writeStartArray();
        for (Account account : r.accounts()) {
            account(g, account);
        }
        g.writeEndArray();
        g.writeFieldName(name("thirdParties"));
        g.writeStartArray();
        for (ThirdParty party : r.thirdParties()) {
            thirdParty(g, party);
        }
        g.writeEndArray();
    }

    private static void collector(JsonGenerator g, Collector c) throws IOException {
        g.writeStartObject();
        constant(g, "kind", c.kind());
        text(g, "id", c.id());
        strings(g, "licensedIn", c.licensedIn());
        bool(g, "lawFirm", c.lawFirm());
        bool(g, "personalDevicesApproved", c.personalDevicesApproved());
        g.writeEndObject();
    }

    private static void contact(JsonGenerator g, Contact c) throws IOException {
        constant(g, "channel", c.channel());
        instant(g, "at", c.at());
        constant(g, "recipient", c.recipient());
        text(g, "thirdPartyId", c.thirdPartyId());
        if (c.contactPoint() != null) {
            g.writeFieldName(name("contactPoint"));
            contactPoint(g, c.contactPoint());
        }
        constant(g, "place", c.place());
        strings(g, "accountIds", c.accountIds());
        constant(g, "purpose", c.purpose());
        constant(g, "initiatedBy", c.initiatedBy());
        bool(g, "automated", c.automated());
        bool(g, "prerecorded", c.prerecorded());
        bool(g, "viaPersonalDevice", c.viaPersonalDevice());
        constant(g, "visibility", c.visibility());
        text(g, "content", c.content());
        bool(g, "leavesMessage", c.leavesMessage());
        bool(g, "identifiesCaller", c.identifiesCaller());
        bool(g, "disclosesDebt", c.disclosesDebt());
        if (c.visit() != null) {
            g.writeFieldName(name("visit"));
            visit(g, c.visit());
        }
    }

    /** One history entry, as {@link #request} writes each element of {@code history}. */
    static void attempt(JsonGenerator g, ContactAttempt a) throws IOException {
        g.writeStartObject();
        contact(g, a);
        text(g, "collectorId", a.collectorId());
        if (a.outcome() != null) {
            constant(g, "outcome", a.outcome());
        }
        bool(g, "messageLeft", a.messageLeft());
        g.writeEndObject();
    }

    private static void contactPoint(JsonGenerator g, ContactPoint p) throws IOException {
        g.writeStartObject();
        string(g, "id", p.id());
        constant(g, "kind", p.kind());
        bool(g, "employerProvided", p.employerProvided());
        constant(g, "source", p.source());
        bool(g, "shared", p.shared());
        g.writeEndObject();
    }

    private static void visit(JsonGenerator g, VisitDetails v) throws IOException {
        g.writeStartObject();
        number(g, "staffCount", v.staffCount());
        bool(g, "credentialsShown", v.credentialsShown());
        bool(g, "recorded", v.recorded());
        bool(g, "entersPremises", v.entersPremises());
        bool(g, "invitedIn", v.invitedIn());
        bool(g, "personContacted", v.personContacted());
        g.writeEndObject();
    }

    private static void debtor(JsonGenerator g, Debtor d) throws IOException {
        g.writeStartObject();
        string(g, "id", d.id());
        g.writeFieldName(name("timeZones"));
        g.writeStartArray();
        for (java.time.ZoneId zone : d.timeZones()) {
            g.writeString(zone.getId());
        }
        g.writeEndArray();
        strings(g, "jurisdictions", d.jurisdictions());
        bool(g, "minor", d.minor());
        if (d.wakingHours() != null) {
            g.writeFieldName(name("wakingHours"));
            g.writeStartObject();
            time(g, "from", d.wakingHours().from());
            time(g, "to", d.wakingHours().to());
            g.writeEndObject();
        }
        g.writeFieldName(name("restrictions"));
        g.writeStartArray();
        for (Restriction restriction : d.restrictions()) {
            restriction(g, restriction);
        }
        g.writeEndArray();
        g.writeFieldName(name("consents"));
        g.writeStartArray();
        for (Consent consent : d.consents()) {
            consent(g, consent);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void restriction(JsonGenerator g, Restriction r) throws IOException {
        Set<String> extras = RequestReader.RESTRICTION_EXTRAS.get(r.kind());
        g.writeStartObject();
        constant(g, "kind", r.kind());
        instant(g, "since", r.since());
        instant(g, "until", r.until());
        if (extras.contains("written")) {
            bool(g, "written", r.written());
        }
        if (extras.contains("attorneyKnown")) {
            bool(g, "attorneyKnown", r.attorneyKnown());
        }
        if (r.channel() != null) {
            constant(g, "channel", r.channel());
        }
        text(g, "contactPointId", r.contactPointId());
        time(g, "from", r.from());
        time(g, "to", r.to());
        if (r.place() != null) {
            constant(g, "place", r.place());
        }
        instant(g, "confirmedInWritingAt", r.confirmedInWritingAt());
        if (extras.contains("withinValidationPeriod")) {
            bool(g, "withinValidationPeriod", r.withinValidationPeriod());
        }
        instant(g, "verificationSentAt", r.verificationSentAt());
        if (r.status() != null) {
            constant(g, "status", r.status());
        }
        if (extras.contains("mentalHealthCrisis")) {
            bool(g, "mentalHealthCrisis", r.mentalHealthCrisis());
        }
        // Most restrictions are about every account: the list is written only when it narrows that.
        if (!r.accountIds().isEmpty()) {
            strings(g, "accountIds", r.accountIds());
        }
        g.writeEndObject();
    }

    private static void consent(JsonGenerator g, Consent c) throws IOException {
        g.writeStartObject();
        constant(g, "kind", c.kind());
        instant(g, "givenAt", c.givenAt());
        if (c.channel() != null) {
            constant(g, "channel", c.channel());
        }
        text(g, "contactPointId", c.contactPointId());
        instant(g, "validUntil", c.validUntil());
        instant(g, "renewedAt", c.renewedAt());
        time(g, "from", c.from());
        time(g, "to", c.to());
        bool(g, "written", c.written());
        g.writeEndObject();
    }

    private static void account(JsonGenerator g, Account a) throws IOException {
        g.writeStartObject();
        string(g, "id", a.id());
        constant(g, "product", a.product());
        string(g, "jurisdiction", a.jurisdiction());
        number(g, "daysPastDue", a.daysPastDue());
        text(g, "servicingAccountNumber", a.servicingAccountNumber());
        bool(g, "timeBarred", a.timeBarred());
        instant(g, "soldAt", a.soldAt());
        instant(g, "transferNoticeSentAt", a.transferNoticeSentAt());
        g.writeEndObject();
    }

    private static void thirdParty(JsonGenerator g, ThirdParty t) throws IOException {
        g.writeStartObject();
        string(g, "id", t.id());
        constant(g, "relation", t.relation());
        bool(g, "debtRelated", t.debtRelated());
        instant(g, "refusedContactAt", t.refusedContactAt());
        bool(g, "requestedCallback", t.requestedCallback());
        g.writeEndObject();
    }

    /**
     * Field names and constants, encoded once: escaping them again per field was a fifth of writing
     * an audit record. The keys are this class's literals and the contract's enum names, a few
     * hundred at most.
     */
    private static final Map<String, SerializedString> ENCODED = new ConcurrentHashMap<>();

    private static SerializedString name(String text) {
        SerializedString encoded = ENCODED.get(text);
        return encoded != null ? encoded : ENCODED.computeIfAbsent(text, SerializedString::new);
    }

    private static void constant(JsonGenerator g, String field, Enum<?> value) throws IOException {
        g.writeFieldName(name(field));
        g.writeString(name(value.name()));
    }

    private static void string(JsonGenerator g, String field, String value) throws IOException {
        g.writeFieldName(name(field));
        g.writeString(value);
    }

    private static void bool(JsonGenerator g, String field, boolean value) throws IOException {
        g.writeFieldName(name(field));
        g.writeBoolean(value);
    }

    private static void number(JsonGenerator g, String field, int value) throws IOException {
        g.writeFieldName(name(field));
        g.writeNumber(value);
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeFieldName(name(field));
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            string(g, field, value);
        }
    }

    private static void instant(JsonGenerator g, String field, Instant value) throws IOException {
        if (value != null) {
            g.writeFieldName(name(field));
            Instants.write(g, value);
        }
    }

    private static void time(JsonGenerator g, String field, LocalTime value) throws IOException {
        if (value != null) {
            string(g, field, value.toString());
        }
    }
}
