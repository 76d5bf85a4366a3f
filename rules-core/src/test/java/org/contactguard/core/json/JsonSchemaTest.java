package org.contactguard.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.ContactPointSource;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.RestrictionKind;
import org.junit.jupiter.api.Test;

/** The published JSON Schemas say what the codec accepts and writes: same fields, same constants. */
class JsonSchemaTest {

    private static final JsonNode REQUEST = DecisionJson.parse(JsonRequests.resource("contactguard-request.schema.json"));
    private static final JsonNode DECISION = DecisionJson.parse(JsonRequests.resource("contactguard-decision.schema.json"));

    @Test
    void everyObjectOfTheRequestSchemaListsExactlyTheFieldsTheReaderAccepts() {
        assertEquals(new TreeSet<>(RequestReader.REQUEST), fields(REQUEST));
        Map<String, Set<String>> defs = Map.ofEntries(
                Map.entry("Collector", RequestReader.COLLECTOR),
                Map.entry("ProposedAction", RequestReader.ACTION),
                Map.entry("ContactAttempt", RequestReader.ATTEMPT),
                Map.entry("ContactPoint", RequestReader.CONTACT_POINT),
                Map.entry("VisitDetails", RequestReader.VISIT),
                Map.entry("Debtor", RequestReader.DEBTOR),
                Map.entry("LocalTimeWindow", RequestReader.WINDOW),
                Map.entry("Restriction", RequestReader.RESTRICTION),
                Map.entry("Consent", RequestReader.CONSENT),
                Map.entry("Account", RequestReader.ACCOUNT),
                Map.entry("ThirdParty", RequestReader.THIRD_PARTY));
        defs.forEach((name, known) -> assertEquals(new TreeSet<>(known), fields(REQUEST.at("/$defs/" + name)), name));
    }

    @Test
    void enumConstantsOfTheSchemaAreTheJavaConstants() {
        assertConstants(Channel.values(), REQUEST.at("/$defs/Channel/enum"));
        assertConstants(Recipient.values(), REQUEST.at("/$defs/Recipient/enum"));
        assertConstants(CollectorKind.values(), REQUEST.at("/$defs/Collector/properties/kind/enum"));
        assertConstants(Outcome.values(), REQUEST.at("/$defs/ContactAttempt/properties/outcome/anyOf/0/enum"));
        assertConstants(ContactPointKind.values(), REQUEST.at("/$defs/ContactPoint/properties/kind/enum"));
        assertConstants(ContactPointSource.values(), REQUEST.at("/$defs/ContactPoint/properties/source/anyOf/0/enum"));
        assertConstants(RestrictionKind.values(), REQUEST.at("/$defs/Restriction/properties/kind/enum"));
        assertConstants(ConsentKind.values(), REQUEST.at("/$defs/Consent/properties/kind/enum"));
        assertConstants(Product.values(), REQUEST.at("/$defs/Account/properties/product/enum"));
        assertConstants(Verdict.values(), DECISION.at("/properties/verdict/enum"));
    }

    @Test
    void theDecisionSchemaListsExactlyTheFieldsTheWriterWrites() {
        JsonNode written = DecisionJson.decisionTree(new Decision(null, Verdict.ALLOW, java.util.List.of(),
                java.util.List.of(), null, "v"));
        Set<String> names = new TreeSet<>();
        written.fieldNames().forEachRemaining(names::add);
        assertEquals(names, fields(DECISION));
        assertEquals(names, required(DECISION));
    }

    @Test
    void theSchemaRequiresExactlyWhatTheReaderRequires() {
        JsonNode full = DecisionJson.parse(JsonRequests.resource("json/full-request.json"));
        Map<String, JsonNode> schemas = Map.ofEntries(
                Map.entry("", REQUEST),
                Map.entry("/collector", REQUEST.at("/$defs/Collector")),
                Map.entry("/action", REQUEST.at("/$defs/ProposedAction")),
                Map.entry("/action/contactPoint", REQUEST.at("/$defs/ContactPoint")),
                Map.entry("/action/visit", REQUEST.at("/$defs/VisitDetails")),
                Map.entry("/debtor", REQUEST.at("/$defs/Debtor")),
                Map.entry("/debtor/wakingHours", REQUEST.at("/$defs/LocalTimeWindow")),
                Map.entry("/debtor/consents/1", REQUEST.at("/$defs/Consent")),
                Map.entry("/accounts/0", REQUEST.at("/$defs/Account")),
                Map.entry("/thirdParties/0", REQUEST.at("/$defs/ThirdParty")),
                Map.entry("/history/0", REQUEST.at("/$defs/ContactAttempt")));
        schemas.forEach((pointer, schema) -> {
            Set<String> required = required(schema);
            full.at(pointer).fieldNames().forEachRemaining(name -> {
                com.fasterxml.jackson.databind.node.ObjectNode copy = full.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) copy.at(pointer)).remove(name);
                DecisionJson.ReadResult read = DecisionJson.readRequest(copy);
                String path = DecisionJson.pointerToPath(pointer + "/" + name);
                boolean readerRequires = !read.isValid() && read.problem().field().equals(path)
                        && read.problem().problem().equals("is required");
                assertEquals(required.contains(name), readerRequires, path + ": " + read.problem());
            });
        });
    }

    private static Set<String> fields(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> required(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.get("required").forEach(n -> names.add(n.textValue()));
        return names;
    }

    private static void assertConstants(Enum<?>[] values, JsonNode schemaEnum) {
        Set<String> expected = new TreeSet<>();
        Arrays.stream(values).forEach(v -> expected.add(v.name()));
        Set<String> actual = new TreeSet<>();
        schemaEnum.forEach(n -> actual.add(n.textValue()));
        assertEquals(expected, actual);
    }
}
