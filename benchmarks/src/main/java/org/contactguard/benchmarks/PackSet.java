package org.contactguard.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;

/**
 * The pack sets the benchmarks compare, named as JMH {@code @Param} values: {@code starter},
 * {@code cn}, {@code us-regf+us-ma} ('+' joins packs, since JMH splits values on commas), or
 * {@code all} for every pack the catalog ships. Each set has the workload that suits it.
 */
final class PackSet {

    /** Every pack in the catalog's index. */
    static final String ALL = "all";

    private PackSet() {
    }

    /** The packs {@code name} stands for; fails naming the missing packs when the catalog lacks any. */
    static List<String> packs(String name) {
        List<String> catalog = catalog();
        if (ALL.equals(name)) {
            return catalog;
        }
        List<String> wanted = Arrays.asList(name.split("\\+"));
        List<String> missing = wanted.stream().filter(id -> !catalog.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("pack set '" + name + "': " + missing + " not in this catalog " + catalog
                    + "; skip it (-p packs=...) or rebuild once the pack has landed");
        }
        return wanted;
    }

    /** The packs the catalog on the classpath ships, from its index. */
    static List<String> catalog() {
        try (InputStream index = PackSet.class.getClassLoader().getResourceAsStream("rules/packs.txt")) {
            if (index == null) {
                throw new IllegalStateException("no rules/packs.txt on the classpath: is rules-catalog missing?");
            }
            return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An engine with exactly those packs. */
    static ComplianceEngine engine(String name) {
        return ComplianceEngine.builder().packs(packs(name).toArray(String[]::new)).build();
    }

    /** Requests a deployment running those packs would see. */
    static Workload.Region region(String name) {
        return switch (name) {
            case "starter" -> Workload.Region.US;
            case "cn" -> Workload.Region.CN;
            case ALL -> Workload.Region.MIXED;
            default -> name.startsWith("us") ? Workload.Region.US_MA : Workload.Region.MIXED;
        };
    }
}
