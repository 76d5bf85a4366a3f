package org.contactguard.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.BankruptcyStatus;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.ContactPointSource;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.InvalidInputException;
import org.contactguard.core.model.LocalTimeWindow;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;
import org.contactguard.core.model.ThirdParty;
import org.contactguard.core.model.Visibility;
import org.contactguard.core.model.VisitDetails;

/**
 * Reads the JSON form of a {@link DecisionRequest} (contract v1) from a Jackson tree, strictly: every
 * problem is an {@link InvalidInputException} whose field is the full path from the request's root.
 *
 * <p>Required fields are those the contract marks required or gives no default; optional fields take
 * the contract's defaults (through the model records, which apply them). Lists the contract does not
 * mark required ({@code packs}, {@code thirdParties}, {@code history}, {@code licensedIn},
 * {@code restrictions}, {@code consents}, {@code debtor.jurisdictions}, a restriction's {@code accountIds})
 * default to empty; {@code debtor.timeZones} is required
 * ({@code []} says "unknown" explicitly).
 */
final class RequestReader {

    static final Set<String> REQUEST = fields("id", "tenant", "packs", "collector", "action", "debtor", "accounts",
            "thirdParties", "history");
    static final Set<String> COLLECTOR = fields("kind", "id", "licensedIn", "lawFirm", "personalDevicesApproved");
    static final Set<String> ACTION = fields("channel", "at", "recipient", "thirdPartyId", "contactPoint", "place",
            "accountIds", "purpose", "initiatedBy", "automated", "prerecorded", "viaPersonalDevice", "visibility", "content",
            "leavesMessage", "identifiesCaller", "disclosesDebt", "visit");
    static final Set<String> ATTEMPT = with(ACTION, "collectorId", "outcome", "messageLeft");
    static final Set<String> CONTACT_POINT = fields("id", "kind", "employerProvided", "source", "shared");
    static final Set<String> VISIT = fields("staffCount", "credentialsShown", "recorded", "entersPremises",
            "invitedIn", "personContacted");
    static final Set<String> DEBTOR = fields("id", "timeZones", "jurisdictions", "minor", "wakingHours", "restrictions",
            "consents");
    static final Set<String> WINDOW = fields("from", "to");
    static final Set<String> RESTRICTION = fields("kind", "since", "until", "written", "attorneyKnown", "channel",
            "contactPointId", "from", "to", "place", "confirmedInWritingAt", "withinValidationPeriod", "verificationSentAt",
            "status", "mentalHealthCrisis", "accountIds");
    static final Set<String> CONSENT = fields("kind", "givenAt", "channel", "contactPointId", "validUntil",
            "renewedAt", "from", "to", "written");
    static final Set<String> ACCOUNT = fields("id", "product", "jurisdiction", "daysPastDue",
            "servicingAccountNumber", "timeBarred", "soldAt", "transferNoticeSentAt");
    static final Set<String> THIRD_PARTY = fields("id", "relation", "debtRelated", "refusedContactAt",
            "requestedCallback");

    /** The restriction fields every kind may carry. */
    static final Set<String> RESTRICTION_COMMON = fields("kind", "since", "until", "accountIds");

    /** The restriction fields each kind may carry besides {@link #RESTRICTION_COMMON}. */
    static final Map<RestrictionKind, Set<String>> RESTRICTION_EXTRAS = restrictionExtras();

    private RequestReader() {
    }

    private static Set<String> fields(String... names) {
        return Set.copyOf(new LinkedHashSet<>(List.of(names)));
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new LinkedHashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private static Map<RestrictionKind, Set<String>> restrictionExtras() {
        Map<RestrictionKind, Set<String>> extras = new EnumMap<>(RestrictionKind.class);
        for (RestrictionKind kind : RestrictionKind.values()) {
            extras.put(kind, Set.of());
        }
        extras.put(RestrictionKind.CEASE_COMMUNICATION, Set.of("written"));
        extras.put(RestrictionKind.ATTORNEY_REPRESENTED, Set.of("attorneyKnown"));
        extras.put(RestrictionKind.OPT_OUT, Set.of("channel", "contactPointId"));
        extras.put(RestrictionKind.INCONVENIENT_TIME, Set.of("from", "to"));
        extras.put(RestrictionKind.INCONVENIENT_PLACE, Set.of("place"));
        extras.put(RestrictionKind.NO_CONTACT_AT_WORK, Set.of("written", "confirmedInWritingAt"));
        extras.put(RestrictionKind.DISPUTED, Set.of("written", "withinValidationPeriod", "verificationSentAt"));
        extras.put(RestrictionKind.BANKRUPTCY, Set.of("status"));
        extras.put(RestrictionKind.BREATHING_SPACE, Set.of("mentalHealthCrisis"));
        return Map.copyOf(extras);
    }

    /** Builds a record, re-labelling the record's own field errors with the path that leads to it. */
    private static <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidInputException e) {
            throw path.isEmpty() ? e : e.prefixed(path);
        }
    }

    static DecisionRequest request(JsonNode node) {
        JsonFields f = JsonFields.of(node, "", REQUEST);
        String id = f.string("id", false);
        String tenant = f.string("tenant", false);
        List<String> packs = f.strings("packs", false);
        JsonFields collectorFields = f.object("collector", false, COLLECTOR);
        Collector collector = collectorFields == null ? null : collector(collectorFields);
        ProposedAction action = action(f.object("action", true, ACTION));
        Debtor debtor = debtor(f.object("debtor", true, DEBTOR));
        List<Account> accounts = f.list("accounts", true, RequestReader::account);
        List<ThirdParty> thirdParties = f.list("thirdParties", false, RequestReader::thirdParty);
        List<ContactAttempt> history = f.list("history", false, RequestReader::attempt);
        return build("", () -> new DecisionRequest(id, tenant, packs, collector, action, debtor, accounts, thirdParties,
                history));
    }

    private static Collector collector(JsonFields f) {
        CollectorKind kind = f.constant("kind", CollectorKind.class, true);
        String id = f.string("id", false);
        List<String> licensedIn = f.strings("licensedIn", false);
        boolean lawFirm = f.bool("lawFirm", false);
        boolean personalDevicesApproved = f.bool("personalDevicesApproved", false);
        return build(f.path(), () -> new Collector(kind, id, licensedIn, lawFirm, personalDevicesApproved));
    }

    /** The fields a proposed action and a history entry share, read once. */
    private record Shared(Channel channel, Instant at, Recipient recipient, String thirdPartyId,
            ContactPoint contactPoint, Place place, List<String> accountIds, Purpose purpose, Initiator initiatedBy,
            boolean automated, boolean prerecorded, boolean viaPersonalDevice, Visibility visibility, String content,
            boolean leavesMessage, boolean identifiesCaller, boolean disclosesDebt, VisitDetails visit) {
    }

    private static Shared shared(JsonFields f) {
        // Arguments are evaluated left to right, so problems are reported in the contract's field order.
        return new Shared(
                f.constant("channel", Channel.class, true),
                f.instant("at", true),
                f.constant("recipient", Recipient.class, true),
                f.string("thirdPartyId", false),
                contactPoint(f.object("contactPoint", false, CONTACT_POINT)),
                f.constant("place", Place.class, false),
                f.strings("accountIds", true),
                f.constant("purpose", Purpose.class, false),
                f.constant("initiatedBy", Initiator.class, false),
                f.bool("automated", false),
                f.bool("prerecorded", false),
                f.bool("viaPersonalDevice", false),
                f.constant("visibility", Visibility.class, false),
                f.string("content", false),
                f.bool("leavesMessage", false),
                f.bool("identifiesCaller", true),
                f.bool("disclosesDebt", false),
                visit(f.object("visit", false, VISIT)));
    }

    private static ProposedAction action(JsonFields f) {
        Shared s = shared(f);
        return build(f.path(), () -> new ProposedAction(s.channel(), s.at(), s.recipient(), s.thirdPartyId(),
                s.contactPoint(), s.place(), s.accountIds(), s.purpose(), s.initiatedBy(), s.automated(),
                s.prerecorded(), s.viaPersonalDevice(), s.visibility(), s.content(), s.leavesMessage(), s.identifiesCaller(),
                s.disclosesDebt(), s.visit()));
    }

    private static ContactAttempt attempt(JsonNode node, String path) {
        JsonFields f = JsonFields.of(node, path, ATTEMPT);
        Shared s = shared(f);
        String collectorId = f.string("collectorId", false);
        Outcome outcome = f.constant("outcome", Outcome.class, false);
        boolean messageLeft = f.bool("messageLeft", false);
        return build(path, () -> new ContactAttempt(s.channel(), s.at(), s.recipient(), s.thirdPartyId(),
                s.contactPoint(), s.place(), s.accountIds(), s.purpose(), s.initiatedBy(), s.automated(),
                s.prerecorded(), s.viaPersonalDevice(), s.visibility(), s.content(), s.leavesMessage(), s.identifiesCaller(),
                s.disclosesDebt(), s.visit(), collectorId, outcome, messageLeft));
    }

    private static ContactPoint contactPoint(JsonFields f) {
        if (f == null) {
            return null;
        }
        String id = f.string("id", true);
        ContactPointKind kind = f.constant("kind", ContactPointKind.class, true);
        boolean employerProvided = f.bool("employerProvided", false);
        ContactPointSource source = f.constant("source", ContactPointSource.class, false);
        boolean shared = f.bool("shared", false);
        return build(f.path(), () -> new ContactPoint(id, kind, employerProvided, source, shared));
    }

    private static VisitDetails visit(JsonFields f) {
        if (f == null) {
            return null;
        }
        int staffCount = f.requiredInt("staffCount");
        boolean credentialsShown = f.requiredBool("credentialsShown");
        boolean recorded = f.requiredBool("recorded");
        boolean entersPremises = f.requiredBool("entersPremises");
        boolean invitedIn = f.requiredBool("invitedIn");
        // Only known after a visit (history); absent on a proposed action.
        boolean personContacted = f.bool("personContacted", false);
        return build(f.path(), () -> new VisitDetails(staffCount, credentialsShown, recorded, entersPremises,
                invitedIn, personContacted));
    }

    private static Debtor debtor(JsonFields f) {
        String id = f.string("id", true);
        List<ZoneId> zones = f.list("timeZones", true, JsonFields::zone);
        List<String> jurisdictions = f.strings("jurisdictions", false);
        boolean minor = f.bool("minor", false);
        JsonFields waking = f.object("wakingHours", false, WINDOW);
        LocalTimeWindow wakingHours = waking == null ? null : window(waking);
        List<Restriction> restrictions = f.list("restrictions", false, RequestReader::restriction);
        List<Consent> consents = f.list("consents", false, RequestReader::consent);
        return build(f.path(), () -> new Debtor(id, zones, jurisdictions, minor, wakingHours, restrictions, consents));
    }

    private static LocalTimeWindow window(JsonFields f) {
        var from = f.localTime("from", true);
        var to = f.localTime("to", true);
        return build(f.path(), () -> new LocalTimeWindow(from, to));
    }

    private static Restriction restriction(JsonNode node, String path) {
        JsonFields f = JsonFields.of(node, path, RESTRICTION);
        RestrictionKind kind = f.constant("kind", RestrictionKind.class, true);
        Set<String> extras = RESTRICTION_EXTRAS.get(kind);
        for (String name : f.presentFields()) {
            if (!extras.contains(name) && !RESTRICTION_COMMON.contains(name)) {
                throw new InvalidInputException(f.path(name), "is not a field of a " + kind + " restriction"
                        + (extras.isEmpty() ? "" : "; it may carry: " + String.join(", ", extras.stream().sorted().toList())));
            }
        }
        var since = f.instant("since", false);
        var until = f.instant("until", false);
        // written is required where the kind turns on it (cease, no contact at work), optional on a dispute.
        boolean written = extras.contains("written")
                && (kind == RestrictionKind.DISPUTED ? f.bool("written", false) : f.requiredBool("written"));
        boolean attorneyKnown = extras.contains("attorneyKnown") && f.requiredBool("attorneyKnown");
        Channel channel = f.constant("channel", Channel.class, kind == RestrictionKind.OPT_OUT);
        String contactPointId = f.string("contactPointId", false);
        boolean time = kind == RestrictionKind.INCONVENIENT_TIME;
        var from = f.localTime("from", time);
        var to = f.localTime("to", time);
        Place place = f.constant("place", Place.class, kind == RestrictionKind.INCONVENIENT_PLACE);
        var confirmed = f.instant("confirmedInWritingAt", false);
        boolean withinValidationPeriod = f.bool("withinValidationPeriod", false);
        var verificationSentAt = f.instant("verificationSentAt", false);
        BankruptcyStatus status = f.constant("status", BankruptcyStatus.class, false);
        boolean mentalHealthCrisis = f.bool("mentalHealthCrisis", false);
        List<String> accountIds = f.strings("accountIds", false);
        return build(path, () -> new Restriction(kind, since, until, written, attorneyKnown, channel, contactPointId,
                from, to, place, confirmed, withinValidationPeriod, verificationSentAt, status, mentalHealthCrisis,
                accountIds));
    }

    private static Consent consent(JsonNode node, String path) {
        JsonFields f = JsonFields.of(node, path, CONSENT);
        ConsentKind kind = f.constant("kind", ConsentKind.class, true);
        var givenAt = f.instant("givenAt", true);
        Channel channel = f.constant("channel", Channel.class, false);
        String contactPointId = f.string("contactPointId", false);
        var validUntil = f.instant("validUntil", false);
        var renewedAt = f.instant("renewedAt", false);
        var from = f.localTime("from", false);
        var to = f.localTime("to", false);
        boolean written = f.bool("written", false);
        return build(path, () -> new Consent(kind, givenAt, channel, contactPointId, validUntil, renewedAt, from, to,
                written));
    }

    private static Account account(JsonNode node, String path) {
        JsonFields f = JsonFields.of(node, path, ACCOUNT);
        String id = f.string("id", true);
        Product product = f.constant("product", Product.class, true);
        String jurisdiction = f.string("jurisdiction", true);
        int daysPastDue = f.requiredInt("daysPastDue");
        String servicing = f.string("servicingAccountNumber", false);
        boolean timeBarred = f.bool("timeBarred", false);
        var soldAt = f.instant("soldAt", false);
        var noticeAt = f.instant("transferNoticeSentAt", false);
        return build(path, () -> new Account(id, product, jurisdiction, daysPastDue, servicing, timeBarred, soldAt,
                noticeAt));
    }

    private static ThirdParty thirdParty(JsonNode node, String path) {
        JsonFields f = JsonFields.of(node, path, THIRD_PARTY);
        String id = f.string("id", true);
        Recipient relation = f.constant("relation", Recipient.class, true);
        boolean debtRelated = f.requiredBool("debtRelated");
        var refusedContactAt = f.instant("refusedContactAt", false);
        boolean requestedCallback = f.bool("requestedCallback", false);
        return build(path, () -> new ThirdParty(id, relation, debtRelated, refusedContactAt, requestedCallback));
    }
}
