package org.contactguard.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads tenant overlays: {@code tenants/<tenant>.properties} beside a pack (bare names, e.g.
 * {@code callCap = 5}) and files given to the builder ({@code pack.parameter = value}). What a line
 * may say, and that it may only tighten, is checked by the compiler against the pack's declarations.
 *
 * <p>A line is one of: {@code name = value} (the tenant's value at every date), {@code name@YYYY-MM-DD = value}
 * (from that date), or {@code effect.RULE-ID = DENY} (an advisory that denies for this tenant).
 */
final class TenantOverlay {

    /** How a tenant is named, in file names and in {@code DecisionRequest.tenant}. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The key prefix that turns a pack's advisory into a denial for the tenant. */
    static final String EFFECT_PREFIX = "effect.";

    /**
     * One line of a tenant overlay.
     *
     * @param tenant the tenant's name
     * @param pack the pack it applies to
     * @param key what it sets: a parameter name, {@code name@date} or {@code effect.RULE-ID}
     * @param value the value as written
     * @param file where it was written
     * @param line its line in {@code file}
     */
    record Entry(String tenant, String pack, String key, String value, String file, int line) {
    }

    private TenantOverlay() {
    }

    /** The lines of every pack's own tenant files. */
    static List<Entry> fromPacks(List<PackFiles> packs, List<RuleProblem> problems) {
        List<Entry> entries = new ArrayList<>();
        for (PackFiles pack : packs) {
            for (PackFiles.TenantFile file : pack.tenants()) {
                for (PropertiesFile.Entry entry : PropertiesFile.parse(file.path(), file.text(), problems).entries()) {
                    entries.add(new Entry(file.tenant(), pack.id(), entry.key(), entry.value(), file.path(), entry.line()));
                }
            }
        }
        return entries;
    }

    /** The lines of the builder's tenant files, {@code pack.key = value} each. */
    static List<Entry> fromFiles(Map<String, List<Path>> files, List<RuleProblem> problems) {
        List<Entry> entries = new ArrayList<>();
        files.forEach((tenant, paths) -> {
            if (!NAME.matcher(tenant).matches()) {
                problems.add(new RuleProblem("(builder)", 0, "tenant name '" + tenant + "' must be letters, digits,"
                        + " '.', '_' and '-', starting with a letter or digit"));
                return;
            }
            for (Path path : paths) {
                String text;
                try {
                    text = Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add(new RuleProblem(path.toString(), 0, "cannot read: " + e.getMessage()));
                    continue;
                }
                for (PropertiesFile.Entry entry : PropertiesFile.parse(path.toString(), text, problems).entries()) {
                    int dot = entry.key().indexOf('.');
                    if (dot <= 0 || dot == entry.key().length() - 1) {
                        problems.add(new RuleProblem(path.toString(), entry.line(), "'" + entry.key()
                                + "' must be written pack.parameter, e.g. starter.callCap"));
                    } else {
                        entries.add(new Entry(tenant, entry.key().substring(0, dot), entry.key().substring(dot + 1),
                                entry.value(), path.toString(), entry.line()));
                    }
                }
            }
        });
        return entries;
    }
}
