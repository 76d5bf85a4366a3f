package org.contactguard.core.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML scenario files into the same tree JSON files give, so every later check is shared. Only
 * loaded for {@code .yaml}/{@code .yml} files: jackson-dataformat-yaml is an optional dependency.
 */
final class YamlTrees {

    private static final ObjectMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private YamlTrees() {
    }

    static JsonNode parse(String text, String file) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new ScenarioFileException(file, "", "is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
            ScenarioFileException problem = new ScenarioFileException(file, "", "malformed YAML" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").trim());
            problem.initCause(e);
            throw problem;
        }
    }
}
