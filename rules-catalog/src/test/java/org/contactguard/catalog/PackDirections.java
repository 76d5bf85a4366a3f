package org.contactguard.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.contactguard.core.rules.TermList;

/**
 * What the shipped packs' {@code pack.properties} declare about tenants ({@code stricter.<name>}
 * lines), read as a compliance officer reads them, and tenant values one step either side of a
 * pack's value, written as a tenant file would write them.
 */
final class PackDirections {

    /** Parameters that name what a pack is (whose clock, whose law), not how much it allows. */
    static final Map<String, Set<String>> IDENTITY = Map.of(
            "cn", Set.of("zone"),
            "us-ma", Set.of("jurisdiction"),
            "us-wa", Set.of("jurisdiction"),
            "us-nyc", Set.of("jurisdiction"),
            "us-ca", Set.of("jurisdiction"));

    /**
     * Tunable parameters left without a direction because neither way is always stricter; each
     * pack.properties says why in a "No direction for" comment beside the value.
     */
    static final Map<String, Set<String>> NEITHER_WAY = Map.of(
            // The hours also bound the exception for the one response to a debtor's contact.
            "us-regf", Set.of("hoursStart", "hoursEnd", "optOutTerms"),
            // callWindowDays is also the callback-consent exclusion; the license phrases let messages through.
            "us-ca", Set.of("callWindowDays", "licenseNumberTerms"));

    private PackDirections() {
    }

    /** {@code rules/<pack>/pack.properties} from the classpath. */
    static String packProperties(String pack) {
        return resource("rules/" + pack + "/pack.properties");
    }

    /** The pack's {@code stricter.<name> = <direction>} lines, by parameter name. */
    static Map<String, String> directions(String pack) {
        Properties properties = new Properties();
        try (InputStream in = PackDirections.class.getClassLoader().getResourceAsStream("rules/" + pack
                + "/pack.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> directions = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("stricter."))
                .forEach(key -> directions.put(key.substring("stricter.".length()), properties.getProperty(key)));
        return directions;
    }

    /** The terms file a term-list parameter was read from, relative to its pack's folder. */
    static String termFile(String pack, TermList list) {
        String prefix = "rules/" + pack + "/";
        return list.source().startsWith(prefix) ? list.source().substring(prefix.length()) : list.source();
    }

    /**
     * The value {@code steps} steps stricter than {@code base} in {@code direction} (negative steps:
     * looser), as a tenant file writes it: a number moves by one, a time or a duration by a minute, a
     * switch goes to its strict side (or off it). A term list is written to {@code folder} as a copy
     * of the pack's file with terms added (or its last term left out), and the value is that file.
     */
    static String step(String pack, String name, Object base, String direction, int steps, Path folder,
            String fileStem) {
        int sign = switch (direction) {
            case "lower", "earlier", "shorter" -> -steps;
            case "higher", "later", "longer", "more-terms" -> steps;
            case "true", "false" -> steps;
            default -> throw new IllegalArgumentException(pack + ": unknown direction " + direction);
        };
        return switch (direction) {
            case "lower", "higher" -> String.valueOf(((Number) base).intValue() + sign);
            case "earlier", "later" -> time(((LocalTime) base).plusMinutes(sign));
            case "shorter", "longer" -> ((Duration) base).toMinutes() + sign + "m";
            case "true", "false" -> String.valueOf(steps > 0 == direction.equals("true"));
            default -> termList(pack, name, (TermList) base, sign, folder, fileStem);
        };
    }

    static String time(LocalTime time) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    /** A copy of the pack's term file with {@code added} terms more, or (negative) its last term left out. */
    private static String termList(String pack, String name, TermList base, int added, Path folder, String fileStem) {
        String text = resource("rules/" + pack + "/" + termFile(pack, base));
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (added < 0) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.remove(i);
                    break;
                }
            }
        }
        for (int i = 0; i < added; i++) {
            lines.add("tenant term " + name + " " + i);
        }
        String file = fileStem + "-" + name + ".txt";
        try {
            Files.writeString(folder.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static String resource(String path) {
        try (InputStream in = PackDirections.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
