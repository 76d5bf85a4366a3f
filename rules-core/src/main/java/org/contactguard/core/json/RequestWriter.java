package org.contactguard.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
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
 */
final class RequestWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RequestWriter() {
    }

    static ObjectNode request(DecisionRequest r) {
        ObjectNode o = NODES.objectNode();
        putText(o, "id", r.id());
        putText(o, "tenant", r.tenant());
        strings(o, "packs", r.packs());
        o.set("collector", collector(r.collector()));
        ObjectNode action = NODES.objectNode();
        contact(action, r.action());
        o.set("action", action);
        o.set("debtor", debtor(r.debtor()));
        list(o, "accounts", r.accounts(), RequestWriter::account);
        list(o, "thirdParties", r.thirdParties(), RequestWriter::thirdParty);
        list(o, "history", r.history(), RequestWriter::attempt);
        return o;
    }

    private static ObjectNode collector(Collector c) {
        ObjectNode o = NODES.objectNode();
        o.put("kind", c.kind().name());
        putText(o, "id", c.id());
        strings(o, "licensedIn", c.licensedIn());
        o.put("lawFirm", c.lawFirm());
        o.put("personalDevicesApproved", c.personalDevicesApproved());
        return o;
    }

    private static void contact(ObjectNode o, Contact c) {
        o.put("channel", c.channel().name());
        putInstant(o, "at", c.at());
        o.put("recipient", c.recipient().name());
        putText(o, "thirdPartyId", c.thirdPartyId());
        if (c.contactPoint() != null) {
            o.set("contactPoint", contactPoint(c.contactPoint()));
        }
        o.put("place", c.place().name());
        strings(o, "accountIds", c.accountIds());
        o.put("purpose", c.purpose().name());
        o.put("initiatedBy", c.initiatedBy().name());
        o.put("automated", c.automated());
        o.put("prerecorded", c.prerecorded());
        o.put("viaPersonalDevice", c.viaPersonalDevice());
        o.put("visibility", c.visibility().name());
        putText(o, "content", c.content());
        o.put("leavesMessage", c.leavesMessage());
        o.put("identifiesCaller", c.identifiesCaller());
        o.put("disclosesDebt", c.disclosesDebt());
        if (c.visit() != null) {
            o.set("visit", visit(c.visit()));
        }
    }

    /** One history entry, as {@link #request} writes each element of {@code history}. */
    static ObjectNode attempt(ContactAttempt a) {
        ObjectNode o = NODES.objectNode();
        attempt(o, a);
        return o;
    }

    private static void attempt(ObjectNode o, ContactAttempt a) {
        contact(o, a);
        putText(o, "collectorId", a.collectorId());
        if (a.outcome() != null) {
            o.put("outcome", a.outcome().name());
        }
        o.put("messageLeft", a.messageLeft());
    }

    private static ObjectNode contactPoint(ContactPoint p) {
        ObjectNode o = NODES.objectNode();
        o.put("id", p.id());
        o.put("kind", p.kind().name());
        o.put("employerProvided", p.employerProvided());
        o.put("source", p.source().name());
        o.put("shared", p.shared());
        return o;
    }

    private static ObjectNode visit(VisitDetails v) {
        ObjectNode o = NODES.objectNode();
        o.put("staffCount", v.staffCount());
        o.put("credentialsShown", v.credentialsShown());
        o.put("recorded", v.recorded());
        o.put("entersPremises", v.entersPremises());
        o.put("invitedIn", v.invitedIn());
        o.put("personContacted", v.personContacted());
        return o;
    }

    private static ObjectNode debtor(Debtor d) {
        ObjectNode o = NODES.objectNode();
        o.put("id", d.id());
        ArrayNode zones = o.putArray("timeZones");
        d.timeZones().forEach(z -> zones.add(z.getId()));
        strings(o, "jurisdictions", d.jurisdictions());
        o.put("minor", d.minor());
        if (d.wakingHours() != null) {
            ObjectNode w = o.putObject("wakingHours");
            putTime(w, "from", d.wakingHours().from());
            putTime(w, "to", d.wakingHours().to());
        }
        list(o, "restrictions", d.restrictions(), RequestWriter::restriction);
        list(o, "consents", d.consents(), RequestWriter::consent);
        return o;
    }

    private static void restriction(ObjectNode o, Restriction r) {
        Set<String> extras = RequestReader.RESTRICTION_EXTRAS.get(r.kind());
        o.put("kind", r.kind().name());
        putInstant(o, "since", r.since());
        putInstant(o, "until", r.until());
        if (extras.contains("written")) {
            o.put("written", r.written());
        }
        if (extras.contains("attorneyKnown")) {
            o.put("attorneyKnown", r.attorneyKnown());
        }
        if (r.channel() != null) {
            o.put("channel", r.channel().name());
        }
        putText(o, "contactPointId", r.contactPointId());
        putTime(o, "from", r.from());
        putTime(o, "to", r.to());
        if (r.place() != null) {
            o.put("place", r.place().name());
        }
        putInstant(o, "confirmedInWritingAt", r.confirmedInWritingAt());
        if (extras.contains("withinValidationPeriod")) {
            o.put("withinValidationPeriod", r.withinValidationPeriod());
        }
        putInstant(o, "verificationSentAt", r.verificationSentAt());
        if (r.status() != null) {
            o.put("status", r.status().name());
        }
        if (extras.contains("mentalHealthCrisis")) {
            o.put("mentalHealthCrisis", r.mentalHealthCrisis());
        }
        // Most restrictions are about every account: the list is written only when it narrows that.
        if (!r.accountIds().isEmpty()) {
            strings(o, "accountIds", r.accountIds());
        }
    }

    private static void consent(ObjectNode o, Consent c) {
        o.put("kind", c.kind().name());
        putInstant(o, "givenAt", c.givenAt());
        if (c.channel() != null) {
            o.put("channel", c.channel().name());
        }
        putText(o, "contactPointId", c.contactPointId());
        putInstant(o, "validUntil", c.validUntil());
        putInstant(o, "renewedAt", c.renewedAt());
        putTime(o, "from", c.from());
        putTime(o, "to", c.to());
        o.put("written", c.written());
    }

    private static void account(ObjectNode o, Account a) {
        o.put("id", a.id());
        o.put("product", a.product().name());
        o.put("jurisdiction", a.jurisdiction());
        o.put("daysPastDue", a.daysPastDue());
        putText(o, "servicingAccountNumber", a.servicingAccountNumber());
        o.put("timeBarred", a.timeBarred());
        putInstant(o, "soldAt", a.soldAt());
        putInstant(o, "transferNoticeSentAt", a.transferNoticeSentAt());
    }

    private static void thirdParty(ObjectNode o, ThirdParty t) {
        o.put("id", t.id());
        o.put("relation", t.relation().name());
        o.put("debtRelated", t.debtRelated());
        putInstant(o, "refusedContactAt", t.refusedContactAt());
        o.put("requestedCallback", t.requestedCallback());
    }

    private static <T> void list(ObjectNode o, String name, List<T> items, BiConsumer<ObjectNode, T> writer) {
        ArrayNode array = o.putArray(name);
        for (T item : items) {
            ObjectNode element = NODES.objectNode();
            writer.accept(element, item);
            array.add(element);
        }
    }

    private static void strings(ObjectNode o, String name, List<String> values) {
        ArrayNode array = o.putArray(name);
        values.forEach(array::add);
    }

    private static void putText(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    static void putInstant(ObjectNode o, String name, Instant value) {
        if (value != null) {
            o.put(name, value.toString());
        }
    }

    private static void putTime(ObjectNode o, String name, LocalTime value) {
        if (value != null) {
            o.put(name, value.toString());
        }
    }
}
