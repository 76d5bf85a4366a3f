package org.contactguard.core.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.contactguard.core.calendar.CalendarLoadException;
import org.contactguard.core.calendar.HolidayCalendar;
import org.contactguard.core.calendar.HolidayCalendars;
import org.contactguard.core.model.Authority;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.rules.Measure;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.io.ResourceFactory;

/**
 * Turns pack files into a {@link RuleSet}, or a {@link RuleLoadException} listing every problem
 * with file and line.
 *
 * <p>Checks run on the parsed DRL before Drools compiles it, because the parser keeps the line
 * of every rule and declaration while the compiled rule base does not. Problems are collected,
 * not thrown one by one, so an editor fixes a whole file in one pass.
 */
final class RuleSetCompiler {

    static final Set<String> RESERVED_IDS = Set.of("INPUT-INVALID", "ENGINE-ERROR", "LEDGER-UNAVAILABLE",
            "AUDIT-UNAVAILABLE", "CALENDAR-UNAVAILABLE");
    private static final List<String> REQUIRED_METADATA = List.of("id", "citation", "authority", "message");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$.])(\\d+(?:\\.\\d+)?)[lLdDfFbBiI]?(?![\\w.])");
    private static final Pattern CLOCK_TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern WHEN_KEYWORD = Pattern.compile("\\bwhen\\b");
    private static final Pattern THEN_KEYWORD = Pattern.compile("\\bthen\\b");
    private static final String PARAMETERS_ANNOTATION = "parameters";
    static final String EXTENDS_KEY = "pack.extends";
    static final String JURISDICTIONS_KEY = "pack.jurisdictions";
    static final String OVERLAY_JURISDICTIONS_KEY = "pack.overlayJurisdictions";
    static final String DEFAULT_KEY = "pack.default";
    static final String EXEMPT_KEY = "pack.exemptCollectorKinds";
    static final String EXEMPT_CITATION_KEY = EXEMPT_KEY + ".citation";
    static final String VOCABULARY_KEY = "pack.vocabulary";
    static final String MEASURE_PREFIX = "measure.";
    static final String LOCALES_KEY = "pack.locales";
    static final String ZONE_KEY = "pack.zone";
    /** {@code pack.calendars = IE}: the holiday calendars whose local day ({@code LocalDay}) the pack's rules read. */
    static final String CALENDARS_KEY = "pack.calendars";

    private final ClassLoader classLoader;
    private final List<RuleProblem> problems = new ArrayList<>();
    /** What {@code contactguard lint} warns about: constructs that work but keep rules from reading like the law. */
    private final List<RuleProblem> warnings = new ArrayList<>();
    private boolean parsedAll = true;
    private boolean wholeSource;
    private boolean usePrebuilt = true;
    /** The packs' rule bases built from pre-built models, by pack id; a pack without one is compiled. */
    private Map<String, PrebuiltModels.Prebuilt> prebuilt = Map.of();
    /** The executable models of the packs built from one, by pack id: the engine merges them per pack combination. */
    private final Map<String, org.drools.model.Model> models = new HashMap<>();
    private List<TenantOverlay.Entry> tenants = List.of();
    private Set<String> tenantNames = Set.of();

    private RuleSetCompiler(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Compiles {@code packs} (with {@code overrides} applied) into one rule set; throws
     * {@link RuleLoadException} listing every problem.
     */
    static RuleSet compile(List<PackFiles> packs, List<ParameterOverride> overrides, ClassLoader classLoader) {
        return compile(packs, overrides, classLoader, false, true);
    }

    /**
     * @param wholeSource the builder named no packs, so every pack the source offers was loaded;
     *     packs marked {@code pack.default = false} then stay out of the defaults
     * @param usePrebuilt start a pack from its pre-built executable model when that matches its DRL
     */
    static RuleSet compile(List<PackFiles> packs, List<ParameterOverride> overrides, ClassLoader classLoader,
            boolean wholeSource, boolean usePrebuilt) {
        return compile(packs, overrides, classLoader, wholeSource, usePrebuilt, List.of(), Set.of());
    }

    /**
     * @param tenants the lines of every tenant overlay (see {@link TenantOverlay})
     * @param tenantNames every tenant an overlay file names, including files with no lines
     */
    static RuleSet compile(List<PackFiles> packs, List<ParameterOverride> overrides, ClassLoader classLoader,
            boolean wholeSource, boolean usePrebuilt, List<TenantOverlay.Entry> tenants, Set<String> tenantNames) {
        RuleSetCompiler compiler = new RuleSetCompiler(classLoader);
        compiler.wholeSource = wholeSource;
        compiler.usePrebuilt = usePrebuilt;
        compiler.tenants = List.copyOf(tenants);
        compiler.tenantNames = Set.copyOf(tenantNames);
        return compiler.run(packs, overrides);
    }

    /** A pack after parsing, on its way to becoming a {@link PackInfo}. */
    private static final class ParsedPack {
        final PackFiles files;
        final PropertiesFile properties;
        final Map<String, PackageDescr> descrByFile = new LinkedHashMap<>();
        String packageName;
        String parameterType;
        String parameterTypeFile;
        final Map<String, DeclaredParameter> declared = new LinkedHashMap<>();
        final Map<String, Object> values = new TreeMap<>();
        final Set<String> given = new HashSet<>();
        final List<RuleInfo> rules = new ArrayList<>();
        /** {@code measure.<name>} declarations, resolved once the parameter values are final. */
        final List<PropertiesFile.Entry> measureEntries = new ArrayList<>();
        final List<Measure> measures = new ArrayList<>();
        /** {@code pack.vocabulary}: 2 for packs written on the derived facts (stricter checks), 1 otherwise. */
        int vocabulary = 1;
        boolean prebuilt;
        /** {@code pack.exemptCollectorKinds}. */
        final Set<CollectorKind> exempt = EnumSet.noneOf(CollectorKind.class);
        /** {@code pack.zone}: where the pack's dates start at local midnight; null when not declared. */
        java.time.ZoneId zone;
        /** {@code pack.calendars}, resolved; and its line, for "needs pack.zone". */
        final List<HolidayCalendar> calendars = new ArrayList<>();
        int calendarsLine;
        /** Dated parameter values ({@code callCap@2027-01-01 = 5}), by name then date. */
        final Map<String, TreeMap<java.time.LocalDate, Object>> dated = new TreeMap<>();
        /** Where the first dated value was written, for "needs pack.zone". */
        String firstDateAt;
        /** {@code stricter.<name>}: which way each parameter tightens. */
        final Map<String, Tightening> stricter = new TreeMap<>();
        /** Rules' {@code @effective}/{@code @expires} dates, by rule id: [effective, expires]. */
        final Map<String, java.time.LocalDate[]> ruleDates = new TreeMap<>();

        ParsedPack(PackFiles files, PropertiesFile properties) {
            this.files = files;
            this.properties = properties;
        }
    }

    private record DeclaredParameter(String name, ParameterType type, String file, int line) {
    }

    private RuleSet run(List<PackFiles> packs, List<ParameterOverride> overrides) {
        // A cold start is two halves of about equal length: parsing and checking the packs, and
        // building their rule bases from the pre-built models. They do not depend on each other
        // (a model is used only when it was made from the very DRL read here), so they overlap.
        FutureTask<Map<String, PrebuiltModels.Prebuilt>> prebuiltAside = usePrebuilt ? loadPrebuiltAside(packs) : null;
        List<ParsedPack> parsed = new ArrayList<>();
        Map<String, RuleInfo> rulesById = new LinkedHashMap<>();
        Map<String, String> packByPackage = new HashMap<>();
        for (PackFiles files : packs) {
            ParsedPack pack = new ParsedPack(files,
                    PropertiesFile.parse(files.propertiesPath(), files.propertiesText(), problems));
            parseDrls(pack);
            checkPackage(pack, packByPackage);
            collectRules(pack, rulesById);
            collectParameterDeclarations(pack);
            bindParameterValues(pack);
            parsed.add(pack);
        }
        applyOverrides(parsed, overrides);
        for (ParsedPack pack : parsed) {
            pack.measures.addAll(resolveMeasures(pack, pack.values));
            loadLocales(pack, rulesById);
            checkNamesAndMessages(pack);
        }
        PackSelection selection = packSelection(parsed);
        // Compile whenever every file parsed, so DRL errors are reported together with metadata and
        // parameter problems: an editor fixes everything in one pass.
        prebuilt = prebuiltAside == null ? Map.of() : await(prebuiltAside);
        Map<String, KieBase> kieBases = parsedAll ? build(parsed) : null;
        if (!problems.isEmpty()) {
            throw new RuleLoadException(problems);
        }
        Map<String, PackInfo> infos = new LinkedHashMap<>();
        Map<String, Object> parameterFacts = new HashMap<>();
        Map<String, List<Measure>> measures = new HashMap<>();
        for (ParsedPack pack : parsed) {
            measures.put(pack.files.id(), List.copyOf(pack.measures));
            infos.put(pack.files.id(), new PackInfo(pack.files.id(), metadata(pack, "pack.name", pack.files.id()),
                    metadata(pack, "pack.description", ""), pack.packageName, pack.values, pack.rules,
                    digest(pack), pack.files.propertiesPath(), pack.prebuilt, pack.exempt,
                    metadata(pack, EXEMPT_CITATION_KEY, "")));
            if (pack.parameterType != null) {
                // Declared types belong to the KieBase that compiled them: the pack's own.
                parameterFacts.put(pack.files.id(), parameterFact(kieBases.get(pack.files.id()), pack, pack.values));
            }
        }
        Variants variants = problems.isEmpty() ? new VariantBuilder(parsed, kieBases, rulesById, selection).build()
                : Variants.NONE;
        if (!problems.isEmpty()) {
            throw new RuleLoadException(new ArrayList<>(new LinkedHashSet<>(problems)));
        }
        return new RuleSet(kieBases, infos, rulesById, parameterFacts, selection, measures, models, warnings, Map.of(),
                variants);
    }

    /**
     * Reads the selection settings ({@code pack.extends}, {@code pack.jurisdictions},
     * {@code pack.overlayJurisdictions}, {@code pack.default}); an overlay must name a loaded pack
     * that is not itself an overlay, and at least one jurisdiction.
     */
    private PackSelection packSelection(List<ParsedPack> packs) {
        Map<String, PackSelection.Overlay> overlays = new LinkedHashMap<>();
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        Map<String, Set<String>> appliesTo = new LinkedHashMap<>();
        Set<String> notDefault = new LinkedHashSet<>();
        List<String> ids = packs.stream().map(p -> p.files.id()).toList();
        for (ParsedPack pack : packs) {
            String path = pack.files.propertiesPath();
            PropertiesFile.Entry base = pack.properties.get(EXTENDS_KEY);
            PropertiesFile.Entry jurisdictions = pack.properties.get(JURISDICTIONS_KEY);
            PropertiesFile.Entry needed = pack.properties.get(OVERLAY_JURISDICTIONS_KEY);
            if (needed != null) {
                needs.put(pack.files.id(), listSetting(needed));
            }
            PropertiesFile.Entry isDefault = pack.properties.get(DEFAULT_KEY);
            if (isDefault != null) {
                String value = isDefault.value().strip();
                if (!value.equals("true") && !value.equals("false")) {
                    problems.add(new RuleProblem(path, isDefault.line(), DEFAULT_KEY + " must be true or false, not '"
                            + value + "'"));
                } else if (value.equals("false") && wholeSource) {
                    notDefault.add(pack.files.id());
                }
            }
            if (base == null) {
                if (jurisdictions != null) {
                    // A base pack's jurisdictions: the accounts it applies to when a request names no packs.
                    Set<String> patterns = listSetting(jurisdictions);
                    if (patterns.isEmpty() || patterns.stream().anyMatch(p -> p.indexOf('*') >= 0
                            && p.indexOf('*') != p.length() - 1)) {
                        problems.add(new RuleProblem(path, jurisdictions.line(), JURISDICTIONS_KEY + " lists account"
                                + " jurisdictions, e.g. CN or US, US-*; a * may only end a code"));
                    }
                    appliesTo.put(pack.files.id(), patterns);
                }
                continue;
            }
            String baseId = base.value().strip();
            if (!ids.contains(baseId)) {
                problems.add(new RuleProblem(path, base.line(), "extends pack '" + baseId + "', which is not loaded"
                        + " (loaded: " + ids + "); load it too"));
            } else if (baseId.equals(pack.files.id())) {
                problems.add(new RuleProblem(path, base.line(), "a pack cannot extend itself"));
            }
            Set<String> covered = jurisdictions == null ? Set.of() : listSetting(jurisdictions);
            if (covered.isEmpty()) {
                problems.add(new RuleProblem(path, jurisdictions == null ? 0 : jurisdictions.line(), "an overlay needs "
                        + JURISDICTIONS_KEY + ": the account jurisdictions it applies to, e.g. US-MA"));
            }
            overlays.put(pack.files.id(), new PackSelection.Overlay(pack.files.id(), baseId, covered));
        }
        for (PackSelection.Overlay overlay : overlays.values()) {
            if (overlays.containsKey(overlay.base())) {
                ParsedPack pack = packs.stream().filter(p -> p.files.id().equals(overlay.pack())).findFirst().orElseThrow();
                problems.add(new RuleProblem(pack.files.propertiesPath(), pack.properties.get(EXTENDS_KEY).line(),
                        "extends '" + overlay.base() + "', which is itself an overlay; extend its base pack"));
            }
        }
        return new PackSelection(ids, overlays, needs, appliesTo, notDefault);
    }

    private static Set<String> listSetting(PropertiesFile.Entry entry) {
        Set<String> values = new LinkedHashSet<>();
        for (String part : entry.value().split(",")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }

    private void parseDrls(ParsedPack pack) {
        for (PackFiles.DrlFile drl : pack.files.drls()) {
            DrlParser parser = new DrlParser();
            try {
                PackageDescr descr = parser.parse(resource(drl), drl.text());
                if (parser.hasErrors()) {
                    parsedAll = false;
                    for (DroolsError error : parser.getErrors()) {
                        problems.add(new RuleProblem(drl.path(), firstLine(error.getLines()), clean(error.getMessage())));
                    }
                } else if (descr == null) {
                    parsedAll = false;
                    problems.add(new RuleProblem(drl.path(), 0, "cannot be parsed as DRL"));
                } else {
                    pack.descrByFile.put(drl.path(), descr);
                }
            } catch (DroolsParserException e) {
                parsedAll = false;
                problems.add(new RuleProblem(drl.path(), e.getLineNumber(), clean(e.getMessage())));
            }
        }
    }

    private void checkPackage(ParsedPack pack, Map<String, String> packByPackage) {
        for (Map.Entry<String, PackageDescr> entry : pack.descrByFile.entrySet()) {
            String name = entry.getValue().getName();
            int line = Math.max(entry.getValue().getLine(), 1);
            if (name == null || name.isBlank()) {
                problems.add(new RuleProblem(entry.getKey(), 1, "has no package declaration"));
            } else if (pack.packageName == null) {
                pack.packageName = name;
                String other = packByPackage.putIfAbsent(name, pack.files.id());
                if (other != null) {
                    problems.add(new RuleProblem(entry.getKey(), line, "package " + name + " is already used by pack '"
                            + other + "'; each pack needs its own package"));
                }
            } else if (!pack.packageName.equals(name)) {
                problems.add(new RuleProblem(entry.getKey(), line, "package " + name + " differs from " + pack.packageName
                        + " used by the other files of pack '" + pack.files.id() + "'"));
            }
        }
    }

    private void collectRules(ParsedPack pack, Map<String, RuleInfo> rulesById) {
        for (Map.Entry<String, PackageDescr> entry : pack.descrByFile.entrySet()) {
            String file = entry.getKey();
            String[] lines = textOf(pack, file).split("\r?\n", -1);
            for (RuleDescr rule : entry.getValue().getRules()) {
                RuleInfo info = ruleInfo(pack, file, rule);
                checkNoLiterals(file, lines, rule);
                if (info == null) {
                    continue;
                }
                RuleInfo previous = rulesById.putIfAbsent(info.id(), info);
                if (previous != null) {
                    problems.add(new RuleProblem(file, rule.getLine(), "rule \"" + rule.getName() + "\": @id " + info.id()
                            + " is already used by rule \"" + previous.name() + "\" at " + previous.file() + ":"
                            + previous.line()));
                } else {
                    pack.rules.add(info);
                }
            }
        }
    }

    private RuleInfo ruleInfo(ParsedPack pack, String file, RuleDescr rule) {
        int line = rule.getLine();
        String where = "rule \"" + rule.getName() + "\": ";
        Map<String, String> meta = new HashMap<>();
        for (String key : REQUIRED_METADATA) {
            String value = annotation(rule, key);
            if (value == null || value.isBlank()) {
                problems.add(new RuleProblem(file, line, where + "missing @" + key + "(\"...\")"));
            } else {
                meta.put(key, value);
            }
        }
        String id = meta.get("id");
        if (id != null && RESERVED_IDS.contains(id)) {
            problems.add(new RuleProblem(file, line, where + "@id " + id + " is reserved for the engine"));
            return null;
        }
        if (id != null && !RULE_ID.matcher(id).matches()) {
            problems.add(new RuleProblem(file, line, where + "@id \"" + id
                    + "\" must be upper-case words joined by '-', e.g. US-REGF-FREQ-01"));
            return null;
        }
        Authority authority = null;
        String authorityText = meta.get("authority");
        if (authorityText != null) {
            try {
                authority = Authority.valueOf(authorityText);
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(file, line, where + "@authority \"" + authorityText + "\" is not one of "
                        + List.of(Authority.values())));
            }
        }
        Effect effect = Effect.DENY;
        String effectText = annotation(rule, "effect");
        if (effectText != null) {
            try {
                effect = Effect.valueOf(effectText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(file, line, where + "@effect \"" + effectText
                        + "\" must be DENY or ADVISORY"));
            }
        }
        java.time.LocalDate[] dates = ruleDates(pack, file, rule, where);
        if (meta.size() < REQUIRED_METADATA.size() || authority == null) {
            return null;
        }
        if (dates != null) {
            pack.ruleDates.put(id, dates);
            if (pack.firstDateAt == null) {
                pack.firstDateAt = file + ":" + line;
            }
        }
        return new RuleInfo(id, pack.files.id(), rule.getName(), meta.get("citation"), authority, meta.get("message"),
                effect, file, line);
    }

    /**
     * A rule's {@code @effective} and {@code @expires} dates, or null when it has neither; a date
     * that is not {@code YYYY-MM-DD}, or an expiry not after the start, is a problem at the rule.
     */
    private java.time.LocalDate[] ruleDates(ParsedPack pack, String file, RuleDescr rule, String where) {
        String effective = annotation(rule, "effective");
        String expires = annotation(rule, "expires");
        if (effective == null && expires == null) {
            return null;
        }
        java.time.LocalDate[] dates = new java.time.LocalDate[2];
        boolean ok = true;
        String[] texts = {effective, expires};
        String[] names = {"effective", "expires"};
        for (int i = 0; i < 2; i++) {
            if (texts[i] == null) {
                continue;
            }
            try {
                dates[i] = EffectivePeriod.parseDate(texts[i]);
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(file, annotationLine(pack, file, rule, names[i]), where + "@" + names[i] + " "
                        + e.getMessage()));
                ok = false;
            }
        }
        if (ok && dates[0] != null && dates[1] != null && !dates[1].isAfter(dates[0])) {
            problems.add(new RuleProblem(file, annotationLine(pack, file, rule, "expires"), where + "@expires " + dates[1]
                    + " is not after @effective " + dates[0]));
            ok = false;
        }
        return ok ? dates : null;
    }

    /**
     * The line of the rule's {@code @name(...)} annotation (the parser gives annotations the rule's
     * line), found in the text between the rule's start and its consequence; else the rule's own line.
     */
    private static int annotationLine(ParsedPack pack, String file, RuleDescr rule, String name) {
        String[] lines = textOf(pack, file).split("\r?\n", -1);
        int end = Math.min(rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : lines.length, lines.length);
        for (int line = Math.max(rule.getLine(), 1); line <= end; line++) {
            if (lines[line - 1].contains("@" + name + "(")) {
                return line;
            }
        }
        return rule.getLine();
    }

    /**
     * Numbers belong in {@code pack.properties}, where compliance can tune them: a number (other
     * than 0) or a clock time in a rule's conditions is rejected. Consequences may compute.
     *
     * <p>The conditions are the text between the {@code when} and {@code then} keywords, found by
     * position (they may share a line with a condition), with comments and string contents
     * blanked so that words and digits inside them do not count.
     */
    private void checkNoLiterals(String file, String[] lines, RuleDescr rule) {
        int start = rule.getLine();
        int end = Math.min(rule.getConsequenceLine(), lines.length);
        if (start <= 0 || end < start) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (int lineNo = start; lineNo <= end; lineNo++) {
            text.append(lines[lineNo - 1]).append('\n');
        }
        String code = blankComments(text.toString());
        String bare = STRING_LITERAL.matcher(code).replaceAll(m -> "\"" + " ".repeat(m.group().length() - 2) + "\"");
        Matcher when = WHEN_KEYWORD.matcher(bare);
        if (!when.find()) {
            return;
        }
        Matcher then = THEN_KEYWORD.matcher(bare);
        int conditionsEnd = then.find(when.end()) ? then.start() : bare.length();
        Matcher strings = STRING_LITERAL.matcher(code).region(when.end(), conditionsEnd);
        while (strings.find()) {
            if (CLOCK_TIME.matcher(strings.group()).find()) {
                problems.add(new RuleProblem(file, start + lineOffset(code, strings.start()), "rule \"" + rule.getName()
                        + "\": time " + strings.group() + " written in a condition; declare a parameter and set it in"
                        + " pack.properties"));
            }
        }
        lintConditions(file, rule, start, bare, when.end(), conditionsEnd);
        Matcher numbers = NUMBER.matcher(bare).region(when.end(), conditionsEnd);
        while (numbers.find()) {
            if (!numbers.group(1).equals("0")) {
                problems.add(new RuleProblem(file, start + lineOffset(bare, numbers.start()), "rule \"" + rule.getName()
                        + "\": number " + numbers.group().strip() + " written in a condition; declare a parameter and"
                        + " set it in pack.properties"));
            }
        }
    }

    /** {@code text} with line and block comments replaced by spaces, newlines kept, strings untouched. */
    private static String blankComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                Matcher literal = STRING_LITERAL.matcher(text).region(i, text.length());
                int stop = literal.lookingAt() ? literal.end() : text.length();
                out.append(text, i, stop);
                i = stop;
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int stop = text.indexOf("*/", i + 2);
                stop = stop < 0 ? text.length() : stop + 2;
                for (; i < stop; i++) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int lineOffset(String text, int position) {
        int lines = 0;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /**
     * Constructs lint warns about in conditions: each works, but hides legal logic in Java or
     * re-derives what the engine computes once (see docs/writing-rules.md, "What lint says").
     */
    private static final List<LintCheck> LINT_CHECKS = List.of(
            new LintCheck(Pattern.compile("\\bfrom\\s+collect\\b"), "'from collect' re-collects facts in every rule;"
                    + " match the engine's derived facts (Tally, RestrictionInForce) instead"),
            new LintCheck(Pattern.compile("\\bfrom\\s+[A-Z]\\w*\\s*\\.\\s*\\w+\\s*\\("), "'from Helper.of(...)' builds a"
                    + " helper per rule; declare a measure in pack.properties and match its Tally"),
            new LintCheck(Pattern.compile("\\beval\\s*\\("), "'eval' hides the condition from the network; write it as a"
                    + " constraint on a fact"),
            new LintCheck(Pattern.compile("(?<![\\w.$])[A-Z]\\w*\\s*\\.\\s*[a-z]\\w*\\s*\\("), "static helper call in a"
                    + " condition; a helper computes, a cited rule decides: match a derived fact"),
            new LintCheck(Pattern.compile("\\)\\s*==\\s*false\\b"), "'== false' on a helper result; state the legal"
                    + " condition as its own cited rule or a derived fact's field"),
            new LintCheck(Pattern.compile("\\bCollector\\s*\\(\\s*kind\\s*!=\\s*CollectorKind\\.\\w+\\s*\\)"),
                    "a collector exempted rule by rule; say it once for the pack, with its citation, as "
                    + EXEMPT_KEY + " in pack.properties"));

    private record LintCheck(Pattern pattern, String advice) {
    }

    private void lintConditions(String file, RuleDescr rule, int start, String bare, int from, int to) {
        for (LintCheck check : LINT_CHECKS) {
            Matcher found = check.pattern().matcher(bare).region(from, to);
            while (found.find()) {
                warnings.add(new RuleProblem(file, start + lineOffset(bare, found.start()), "warning: rule \""
                        + rule.getName() + "\": " + check.advice()));
            }
        }
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    /**
     * A rule's name and message must not spell a parameter's value: with {@code hoursStart = 09:00}
     * a message saying "before 08:00" misinforms. In a {@code pack.vocabulary = 2} pack any number
     * in a name or message (outside {@code {placeholders}}) is a load error, and every placeholder
     * must name a parameter or something the rule binds; in older packs a name or message spelling
     * a parameter's current value is a lint warning.
     */
    private void checkNamesAndMessages(ParsedPack pack) {
        Set<String> values = new HashSet<>();
        for (Object value : pack.values.values()) {
            values.addAll(spellings(value));
        }
        for (RuleInfo rule : pack.rules) {
            List<String[]> texts = new ArrayList<>();
            texts.add(new String[] {"name", rule.name()});
            texts.add(new String[] {"@message", rule.message()});
            rule.messages().forEach((tag, message) -> texts.add(new String[] {"message (" + tag + ")", message}));
            for (String[] text : texts) {
                String bare = PLACEHOLDER.matcher(text[1]).replaceAll("");
                Matcher digits = DIGITS.matcher(bare);
                while (digits.find()) {
                    if (pack.vocabulary >= 2) {
                        problems.add(new RuleProblem(rule.file(), rule.line(), "rule \"" + rule.name() + "\": " + text[0]
                                + " spells the number " + digits.group() + "; name the parameter instead, e.g. {"
                                + exampleParameter(pack) + "}"));
                    } else if (values.contains(digits.group())) {
                        warnings.add(new RuleProblem(rule.file(), rule.line(), "warning: rule \"" + rule.name() + "\": "
                                + text[0] + " spells " + digits.group() + ", a parameter's value; write {name} instead"));
                    }
                }
            }
        }
    }

    /**
     * Reads {@code messages_<tag>.properties} for each tag {@code pack.locales} lists: one line per
     * rule id, the message in that language (a template like {@code @message}). A file that is
     * missing, or names a rule the pack does not have, is a problem at its line.
     */
    private void loadLocales(ParsedPack pack, Map<String, RuleInfo> rulesById) {
        PropertiesFile.Entry setting = pack.properties.get(LOCALES_KEY);
        if (setting == null) {
            return;
        }
        Map<String, Map<String, String>> byRule = new HashMap<>();
        for (String tag : listSetting(setting)) {
            String name = "messages_" + tag + ".properties";
            String text;
            try {
                text = pack.files.folder().read(name);
            } catch (java.io.IOException e) {
                problems.add(new RuleProblem(pack.files.propertiesPath(), setting.line(), "cannot read " + name + ": " + e));
                continue;
            }
            if (text == null) {
                problems.add(new RuleProblem(pack.files.propertiesPath(), setting.line(), LOCALES_KEY + " lists " + tag
                        + " but the pack has no " + name));
                continue;
            }
            String path = pack.files.propertiesPath().replace("pack.properties", name);
            for (PropertiesFile.Entry entry : PropertiesFile.parse(path, text, problems).entries()) {
                RuleInfo rule = rulesById.get(entry.key());
                if (rule == null || !rule.pack().equals(pack.files.id())) {
                    // A rule file that did not parse, or a rule rejected for its metadata, is already a
                    // problem; its messages would only repeat it.
                    if (parsedAll && !declaredIds(pack).contains(entry.key())) {
                        problems.add(new RuleProblem(path, entry.line(), "no rule with @id " + entry.key() + " in pack '"
                                + pack.files.id() + "'"));
                    }
                } else {
                    byRule.computeIfAbsent(entry.key(), id -> new HashMap<>()).put(tag, entry.value());
                }
            }
        }
        for (int i = 0; i < pack.rules.size(); i++) {
            RuleInfo rule = pack.rules.get(i);
            Map<String, String> messages = byRule.get(rule.id());
            if (messages != null) {
                RuleInfo localized = new RuleInfo(rule.id(), rule.pack(), rule.name(), rule.citation(), rule.authority(),
                        rule.message(), rule.effect(), rule.file(), rule.line(), messages);
                pack.rules.set(i, localized);
                rulesById.put(rule.id(), localized);
            }
        }
    }

    /** Every {@code @id} the pack's parsed rules write, accepted or not. */
    private static Set<String> declaredIds(ParsedPack pack) {
        Set<String> ids = new HashSet<>();
        for (PackageDescr descr : pack.descrByFile.values()) {
            for (RuleDescr rule : descr.getRules()) {
                String id = annotation(rule, "id");
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static String exampleParameter(ParsedPack pack) {
        return pack.declared.isEmpty() ? "callCap" : pack.declared.keySet().iterator().next();
    }

    /** The digit runs a parameter's value shows in text: 7, 08 and 00 for 08:00, 168 and 7 for 7 days. */
    private static Set<String> spellings(Object value) {
        Set<String> out = new HashSet<>();
        if (value instanceof Integer || value instanceof Long) {
            out.add(value.toString());
        } else if (value instanceof java.time.LocalTime time) {
            out.add(String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute()).replace(":", ""));
            out.add(Integer.toString(time.getHour()));
            out.add(String.format(Locale.ROOT, "%02d", time.getHour()));
            out.remove("0");
            out.remove("00");
        } else if (value instanceof java.time.Duration duration && !duration.isZero()) {
            out.add(Long.toString(duration.toHours()));
            if (duration.toHours() % 24 == 0) {
                out.add(Long.toString(duration.toDays()));
            }
            out.remove("0");
        }
        return out;
    }

    /**
     * Resolves the pack's {@code measure.<name>} lines into {@link Measure}s against its final
     * parameter values; every problem names the line.
     */
    private List<Measure> resolveMeasures(ParsedPack pack, Map<String, Object> values) {
        List<Measure> measures = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PropertiesFile.Entry entry : pack.measureEntries) {
            String name = entry.key().substring(MEASURE_PREFIX.length());
            String where = "measure '" + name + "': ";
            String path = pack.files.propertiesPath();
            if (!name.matches("[a-z][A-Za-z0-9]*")) {
                problems.add(new RuleProblem(path, entry.line(), where + "a measure's name is one lower-camel-case word"));
                continue;
            }
            if (!names.add(name)) {
                problems.add(new RuleProblem(path, entry.line(), where + "declared twice"));
                continue;
            }
            Channel channel = null;
            Initiator initiator = null;
            Recipient recipient = null;
            Outcome outcome = null;
            boolean connected = false;
            Measure.Per per = null;
            Duration rolling = null;
            int days = 0;
            Integer cap = null;
            boolean ok = true;
            MeasureClauses more = new MeasureClauses();
            for (String clause : entry.value().split(",")) {
                String[] words = clause.strip().split("\\s+");
                String word = words[0];
                String argument = words.length == 2 ? words[1] : null;
                try {
                    if (word.equals("connected") && words.length == 1) {
                        connected = true;
                    } else if (more.read(words)) {
                        continue;
                    } else if (argument == null) {
                        throw new IllegalArgumentException("'" + clause.strip() + "' is not a clause");
                    } else if (word.equals("channel")) {
                        channel = Channel.valueOf(argument);
                    } else if (word.equals("initiatedBy")) {
                        initiator = Initiator.valueOf(argument);
                    } else if (word.equals("recipient")) {
                        recipient = Recipient.valueOf(argument);
                    } else if (word.equals("outcome")) {
                        outcome = Outcome.valueOf(argument);
                    } else if (word.equals("per")) {
                        per = switch (argument) {
                            case "account" -> Measure.Per.ACCOUNT;
                            case "contactPoint" -> Measure.Per.CONTACT_POINT;
                            case "debtor" -> Measure.Per.DEBTOR;
                            default -> throw new IllegalArgumentException("per must be account, contactPoint or debtor");
                        };
                    } else if (word.equals("within")) {
                        Object window = values.get(argument);
                        if (window instanceof Duration duration) {
                            rolling = duration;
                        } else if (window instanceof Integer count) {
                            days = count;
                        } else {
                            throw new IllegalArgumentException("within names '" + argument + "', which is not a duration"
                                    + " or int parameter of this pack");
                        }
                    } else if (word.equals("cap")) {
                        if (!(values.get(argument) instanceof Integer value)) {
                            throw new IllegalArgumentException("cap names '" + argument + "', which is not an int"
                                    + " parameter of this pack");
                        }
                        cap = value;
                    } else {
                        throw new IllegalArgumentException("unknown clause '" + word + "' (known: channel, initiatedBy,"
                                + " recipient, outcome, connected, contactPoint, atWork, unprompted, purpose,"
                                + " jurisdiction, per, within, cap)");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new RuleProblem(path, entry.line(), where + e.getMessage()));
                    ok = false;
                }
            }
            if (ok && (per == null || (rolling == null && days <= 0) || cap == null)) {
                problems.add(new RuleProblem(path, entry.line(), where + "needs 'per', 'within' and 'cap' clauses"));
                ok = false;
            }
            if (ok) {
                measures.add(new Measure(name, channel, initiator, recipient, connected, outcome, per, rolling, days,
                        cap, more.filter()));
            }
        }
        return measures;
    }

    private void collectParameterDeclarations(ParsedPack pack) {
        for (Map.Entry<String, PackageDescr> entry : pack.descrByFile.entrySet()) {
            for (TypeDeclarationDescr type : entry.getValue().getTypeDeclarations()) {
                if (type.getAnnotation(PARAMETERS_ANNOTATION) == null) {
                    continue;
                }
                if (pack.parameterType != null) {
                    problems.add(new RuleProblem(entry.getKey(), type.getLine(), "pack '" + pack.files.id()
                            + "' declares a second @parameters type " + type.getTypeName() + "; "
                            + pack.parameterType + " in " + pack.parameterTypeFile + " is the first"));
                    continue;
                }
                pack.parameterType = type.getTypeName();
                pack.parameterTypeFile = entry.getKey();
                for (TypeFieldDescr field : type.getFields().values()) {
                    String declaredType = field.getPattern().getObjectType();
                    ParameterType parameterType = ParameterType.ofDeclared(declaredType);
                    if (parameterType == null) {
                        problems.add(new RuleProblem(entry.getKey(), field.getLine(), "parameter '" + field.getFieldName()
                                + "' has type " + declaredType + "; supported: " + ParameterType.supported()));
                    } else {
                        pack.declared.put(field.getFieldName(),
                                new DeclaredParameter(field.getFieldName(), parameterType, entry.getKey(), field.getLine()));
                    }
                }
            }
        }
    }

    /** The class path's holiday calendars, read when a pack first names one. */
    private Map<String, HolidayCalendar> calendarCatalog;

    /** {@code pack.calendars = IE UK-ENG-WLS}: each id one of the class path's calendars (calendars/calendars.txt). */
    private void calendars(ParsedPack pack, PropertiesFile.Entry entry, String path) {
        pack.calendarsLine = entry.line();
        if (calendarCatalog == null) {
            try {
                calendarCatalog = HolidayCalendars.catalog(classLoader);
            } catch (CalendarLoadException e) {
                problems.add(new RuleProblem(path, entry.line(), CALENDARS_KEY + ": the holiday calendars cannot be read: "
                        + String.join("; ", e.problems())));
                calendarCatalog = Map.of();
                return;
            }
        }
        for (String id : entry.value().split("[,\\s]+")) {
            if (id.isEmpty()) {
                continue;
            }
            HolidayCalendar calendar = calendarCatalog.get(id);
            if (calendar == null) {
                problems.add(new RuleProblem(path, entry.line(), CALENDARS_KEY + " names calendar '" + id
                        + "', which is not one of " + new TreeSet<>(calendarCatalog.keySet())
                        + " (calendars/calendars.txt on the class path)"));
            } else if (!pack.calendars.contains(calendar)) {
                pack.calendars.add(calendar);
            }
        }
    }

    private void bindParameterValues(ParsedPack pack) {
        String path = pack.files.propertiesPath();
        for (PropertiesFile.Entry entry : pack.properties.entries()) {
            if (entry.key().startsWith(MEASURE_PREFIX)) {
                pack.measureEntries.add(entry);
                continue;
            }
            if (entry.key().equals(LOCALES_KEY)) {
                continue;
            }
            if (entry.key().equals(VOCABULARY_KEY)) {
                if (entry.value().equals("1") || entry.value().equals("2")) {
                    pack.vocabulary = Integer.parseInt(entry.value());
                } else {
                    problems.add(new RuleProblem(path, entry.line(), VOCABULARY_KEY + " must be 1 or 2, found '"
                            + entry.value() + "'"));
                }
                continue;
            }
            if (entry.key().equals(EXEMPT_KEY)) {
                exemptCollectorKinds(pack, entry, path);
                continue;
            }
            if (entry.key().equals(ZONE_KEY)) {
                try {
                    pack.zone = zoneOf(entry.value());
                } catch (IllegalArgumentException e) {
                    problems.add(new RuleProblem(path, entry.line(), ZONE_KEY + " " + e.getMessage()));
                }
                continue;
            }
            if (entry.key().equals(CALENDARS_KEY)) {
                calendars(pack, entry, path);
                continue;
            }
            if (entry.key().startsWith(Tightening.PREFIX)) {
                declareTightening(pack, entry);
                continue;
            }
            if (entry.key().startsWith("pack.")) {
                if (!Set.of("pack.name", "pack.description", PackReader.RULES_KEY, EXTENDS_KEY, JURISDICTIONS_KEY,
                        OVERLAY_JURISDICTIONS_KEY, DEFAULT_KEY, EXEMPT_CITATION_KEY).contains(entry.key())) {
                    problems.add(new RuleProblem(path, entry.line(), "unknown pack setting '" + entry.key()
                            + "' (known: pack.name, pack.description, pack.rules, " + EXTENDS_KEY + ", "
                            + JURISDICTIONS_KEY + ", " + OVERLAY_JURISDICTIONS_KEY + ", " + DEFAULT_KEY + ", "
                            + VOCABULARY_KEY + ", " + LOCALES_KEY + ", " + EXEMPT_KEY + ", " + EXEMPT_CITATION_KEY
                            + ", " + ZONE_KEY + ", " + CALENDARS_KEY + "; measures: " + MEASURE_PREFIX + "<name>; directions: "
                            + Tightening.PREFIX + "<parameter>)"));
                }
                continue;
            }
            bind(pack, entry.key(), entry.value(), path, entry.line());
        }
        for (Map.Entry<String, Tightening> entry : pack.stricter.entrySet()) {
            DeclaredParameter parameter = pack.declared.get(entry.getKey());
            PropertiesFile.Entry line = pack.properties.get(Tightening.PREFIX + entry.getKey());
            if (parameter == null) {
                problems.add(new RuleProblem(path, line.line(), Tightening.PREFIX + entry.getKey() + " names no declared"
                        + " parameter (declared: " + String.join(", ", pack.declared.keySet()) + ")"));
            } else if (!entry.getValue().fits(parameter.type())) {
                problems.add(new RuleProblem(path, line.line(), Tightening.PREFIX + entry.getKey() + " = "
                        + entry.getValue().word() + " does not fit a parameter of type " + parameter.type().name()
                        .toLowerCase(Locale.ROOT) + " (" + entry.getValue().word() + " means " + entry.getValue().meaning()
                        + ")"));
            }
        }
        for (DeclaredParameter parameter : pack.declared.values()) {
            if (!pack.given.contains(parameter.name())) {
                problems.add(new RuleProblem(path, 0, "parameter '" + parameter.name() + "' (declared at "
                        + parameter.file() + ":" + parameter.line() + ") has no value; set it here"));
            }
        }
    }

    /**
     * {@code pack.exemptCollectorKinds = CREDITOR}: the kinds of collector the pack's law does not
     * bind. An exemption is law, so it needs {@code pack.exemptCollectorKinds.citation}.
     */
    private void exemptCollectorKinds(ParsedPack pack, PropertiesFile.Entry entry, String path) {
        for (String name : entry.value().split(",")) {
            String kind = name.trim();
            try {
                pack.exempt.add(CollectorKind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(path, entry.line(), EXEMPT_KEY + ": unknown collector kind '" + kind
                        + "' (known: " + java.util.Arrays.toString(CollectorKind.values()) + ")"));
            }
        }
        PropertiesFile.Entry citation = pack.properties.get(EXEMPT_CITATION_KEY);
        if (citation == null || citation.value().isBlank()) {
            problems.add(new RuleProblem(path, entry.line(), EXEMPT_KEY + " needs " + EXEMPT_CITATION_KEY
                    + ": the provision that leaves these collectors outside the pack's law"));
        }
    }

    private void applyOverrides(List<ParsedPack> packs, List<ParameterOverride> overrides) {
        for (ParameterOverride override : overrides) {
            ParsedPack pack = packs.stream().filter(p -> p.files.id().equals(override.pack())).findFirst().orElse(null);
            if (pack == null) {
                problems.add(new RuleProblem(override.file(), override.line(), "pack '" + override.pack()
                        + "' is not loaded (loaded: " + packs.stream().map(p -> p.files.id()).toList() + ")"));
            } else {
                bind(pack, override.name(), override.value(), override.file(), override.line());
            }
        }
    }

    private void declareTightening(ParsedPack pack, PropertiesFile.Entry entry) {
        String name = entry.key().substring(Tightening.PREFIX.length());
        Tightening direction = Tightening.of(entry.value());
        if (direction == null) {
            problems.add(new RuleProblem(pack.files.propertiesPath(), entry.line(), entry.key() + " must be one of "
                    + Tightening.words() + ", found '" + entry.value() + "'"));
        } else {
            pack.stricter.put(name, direction);
        }
    }

    /** {@code text} as a zone for a pack's dates: an IANA region id, as the contract requires of every zone. */
    private static java.time.ZoneId zoneOf(String text) {
        String id = text.strip();
        if (!id.matches("[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+)+|UTC|Etc/UTC") || id.startsWith("Etc/GMT")) {
            throw new IllegalArgumentException("must be an IANA region id such as Asia/Shanghai, found '" + text + "'");
        }
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a known time zone", e);
        }
    }

    private void bind(ParsedPack pack, String name, String text, String file, int line) {
        int at = name.indexOf('@');
        if (at > 0) {
            bindDated(pack, name.substring(0, at), name.substring(at + 1), text, file, line);
            return;
        }
        if (!file.equals(pack.files.propertiesPath())) {
            // A deployment's undated value replaces the parameter at every date, the pack's dated values too.
            pack.dated.remove(name);
        }
        DeclaredParameter parameter = pack.declared.get(name);
        if (parameter == null) {
            problems.add(new RuleProblem(file, line, "unknown parameter '" + name + "' for pack '" + pack.files.id()
                    + "' (declared: " + (pack.declared.isEmpty() ? "none" : String.join(", ", pack.declared.keySet()))
                    + ")"));
            return;
        }
        // Recorded before parsing: a value that is given but malformed is one problem, not also "missing".
        pack.given.add(name);
        Object value = parse(pack, parameter, text, file, line);
        if (value != null) {
            pack.values.put(name, value);
        }
    }

    /** {@code name@date = value}: the parameter's value from local midnight of that date in the pack's zone. */
    private void bindDated(ParsedPack pack, String name, String dateText, String text, String file, int line) {
        DeclaredParameter parameter = pack.declared.get(name);
        if (parameter == null) {
            problems.add(new RuleProblem(file, line, "unknown parameter '" + name + "' for pack '" + pack.files.id()
                    + "' (declared: " + (pack.declared.isEmpty() ? "none" : String.join(", ", pack.declared.keySet()))
                    + ")"));
            return;
        }
        java.time.LocalDate date;
        try {
            date = EffectivePeriod.parseDate(dateText);
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(file, line, "parameter '" + name + "@" + dateText + "': " + e.getMessage()));
            return;
        }
        Object value = parse(pack, parameter, text, file, line);
        if (value != null) {
            pack.dated.computeIfAbsent(name, n -> new TreeMap<>()).put(date, value);
            if (pack.firstDateAt == null) {
                pack.firstDateAt = file + ":" + line;
            }
        }
    }

    /** The value of {@code text} for {@code parameter}, or null after adding the problem. */
    private Object parse(ParsedPack pack, DeclaredParameter parameter, String text, String file, int line) {
        if (parameter.type() == ParameterType.TERM_LIST) {
            return TermListFiles.load(pack.files, text, file, line, file.equals(pack.files.propertiesPath()), problems);
        }
        try {
            return parameter.type().parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(file, line, "parameter '" + parameter.name() + "' must be "
                    + parameter.type().expected() + ", found '" + text + "'"));
            return null;
        }
    }

    /**
     * Compiles each pack into its own KieBase, so a request is matched only against the packs it
     * selects; null when any pack has errors (the errors of every pack are reported).
     */
    private Map<String, KieBase> build(List<ParsedPack> packs) {
        Map<String, KieBase> kieBases = new LinkedHashMap<>();
        boolean failed = false;
        for (ParsedPack pack : packs) {
            KieBase kieBase = build(pack);
            if (kieBase == null) {
                failed = true;
            } else {
                kieBases.put(pack.files.id(), kieBase);
            }
        }
        return failed ? null : kieBases;
    }

    /** Starts building the packs' rule bases from their pre-built models, on a thread of its own. */
    private FutureTask<Map<String, PrebuiltModels.Prebuilt>> loadPrebuiltAside(List<PackFiles> packs) {
        FutureTask<Map<String, PrebuiltModels.Prebuilt>> task = new FutureTask<>(() -> {
            Map<String, PrebuiltModels.Prebuilt> loaded = new HashMap<>();
            for (PackFiles pack : packs) {
                PrebuiltModels.Prebuilt model = PrebuiltModels.load(pack, classLoader);
                if (model != null) {
                    loaded.put(pack.id(), model);
                }
            }
            return loaded;
        });
        Thread thread = new Thread(task, "contactguard-prebuilt-models");
        thread.setDaemon(true);
        thread.setContextClassLoader(classLoader);
        thread.start();
        return task;
    }

    /** The pre-built rule bases, once their thread is done; its failure is this one's. */
    private static Map<String, PrebuiltModels.Prebuilt> await(FutureTask<Map<String, PrebuiltModels.Prebuilt>> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the rule bases of the pre-built models", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("building the rule bases of the pre-built models failed", e.getCause());
        }
    }

    private KieBase build(ParsedPack pack) {
        PrebuiltModels.Prebuilt model = prebuilt.get(pack.files.id());
        if (model != null) {
            pack.prebuilt = true;
            models.put(pack.files.id(), model.model());
            return model.kieBase();
        }
        KnowledgeBuilderConfiguration configuration =
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(classLoader);
        // Facts are immutable and rules never modify them, so property reactivity has nothing to
        // track; opting out keeps method-call constraints (placedCalls($account, ...)) quiet and cheap.
        configuration.setOption(PropertySpecificOption.ALLOWED);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        CompositeKnowledgeBuilder batch = builder.batch();
        for (PackFiles.DrlFile drl : pack.files.drls()) {
            batch.add(resource(drl), ResourceType.DRL);
        }
        batch.build();
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                Resource source = error.getResource();
                String file = source == null || source.getSourcePath() == null ? "(rules)" : source.getSourcePath();
                problems.add(new RuleProblem(file, firstLine(error.getLines()), clean(error.getMessage())));
            }
            return null;
        }
        return builder.newKieBase();
    }

    private Object parameterFact(KieBase kieBase, ParsedPack pack, Map<String, Object> values) {
        FactType type = kieBase.getFactType(pack.packageName, pack.parameterType);
        if (type == null) {
            problems.add(new RuleProblem(pack.parameterTypeFile, 0, "declared type " + pack.parameterType
                    + " is missing from the compiled rules"));
            return null;
        }
        try {
            Object fact = type.newInstance();
            for (Map.Entry<String, Object> value : values.entrySet()) {
                type.set(fact, value.getKey(), value.getValue());
            }
            return fact;
        } catch (InstantiationException | IllegalAccessException | RuntimeException e) {
            problems.add(new RuleProblem(pack.parameterTypeFile, 0, "cannot create " + pack.parameterType + ": " + e));
            return null;
        }
    }

    private static String annotation(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        if (annotation == null) {
            return null;
        }
        Object value = annotation.getSingleValueStripped();
        return value == null ? null : value.toString().strip();
    }

    private static String metadata(ParsedPack pack, String key, String fallback) {
        PropertiesFile.Entry entry = pack.properties.get(key);
        return entry == null ? fallback : entry.value();
    }

    private static String textOf(ParsedPack pack, String file) {
        return pack.files.drls().stream().filter(d -> d.path().equals(file)).findFirst().map(PackFiles.DrlFile::text)
                .orElse("");
    }

    /** SHA-256 over the pack's files and its effective parameters, so an override changes the version too. */
    private static String digest(ParsedPack pack) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, "pack:" + pack.files.id());
            update(sha, pack.files.propertiesText());
            pack.files.drls().stream().sorted(Comparator.comparing(PackFiles.DrlFile::path)).forEach(drl -> {
                update(sha, drl.path().substring(drl.path().replace('\\', '/').lastIndexOf('/') + 1));
                update(sha, drl.text());
            });
            pack.values.forEach((name, value) -> update(sha, name + "=" + value));
            // Localized messages are part of what a decision says, so they are part of its version.
            pack.rules.forEach(rule -> new TreeMap<>(rule.messages()).forEach((tag, message) ->
                    update(sha, rule.id() + "@" + tag + "=" + message)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Adds {@code text} to {@code sha}, length-prefixed so that no two sequences of texts collide. */
    static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static Resource resource(PackFiles.DrlFile drl) {
        Resource resource = ResourceFactory.newByteArrayResource(drl.text().getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(drl.path());
        resource.setResourceType(ResourceType.DRL);
        return resource;
    }

    private static int firstLine(int[] lines) {
        if (lines == null) {
            return 0;
        }
        for (int line : lines) {
            if (line > 0) {
                return line;
            }
        }
        return 0;
    }

    private static String clean(String message) {
        return message == null ? "(no message from Drools)" : message.strip().replaceAll("\\s+", " ");
    }

    /**
     * Builds a loaded rule set's {@link Variants}: one rule set per effective-dated period and per
     * tenant (and per period of each tenant), sharing the packs' KieBases. Every tenant value is
     * checked against the pack's declared direction ({@code stricter.<name>}) in every period, so an
     * overlay that would loosen a value at any date does not load.
     */
    private final class VariantBuilder {
        private final List<ParsedPack> packs;
        private final Map<String, KieBase> kieBases;
        private final Map<String, RuleInfo> rulesById;
        private final PackSelection selection;
        private final Map<String, EffectivePeriod> ruleDates = new TreeMap<>();
        private final Map<String, java.time.ZoneId> zones = new TreeMap<>();
        /** The moments each pack's rules or values change (its own dates and its tenants'), by pack id. */
        private final Map<String, TreeSet<Instant>> ownChanges = new TreeMap<>();
        /** {@link #ownChanges} once every tenant line is read, as every variant of the load shares them. */
        private Map<String, Instant[]> packChanges = Map.of();
        /** Each pack's {@code pack.calendars}, by pack id (packs that declare none are absent). */
        private final Map<String, List<HolidayCalendar>> calendars = new TreeMap<>();
        /** Tenant lines already reported as loosening: each is reported once, at the first period it loosens. */
        private final Set<TenantOverlay.Entry> loosening = new HashSet<>();

        VariantBuilder(List<ParsedPack> packs, Map<String, KieBase> kieBases, Map<String, RuleInfo> rulesById,
                PackSelection selection) {
            this.packs = packs;
            this.kieBases = kieBases;
            this.rulesById = rulesById;
            this.selection = selection;
        }

        /** One tenant's lines for one pack, parsed. */
        private final class Overlay {
            final String tenant;
            final Map<String, Object> values = new TreeMap<>();
            final Map<String, TreeMap<java.time.LocalDate, Object>> dated = new TreeMap<>();
            /** Where each value was written, by parameter name then date (null: undated). */
            final Map<String, TenantOverlay.Entry> lines = new HashMap<>();
            final Set<String> denies = new HashSet<>();
            final List<TenantOverlay.Entry> entries = new ArrayList<>();

            Overlay(String tenant) {
                this.tenant = tenant;
            }

            /** The tenant's value of {@code name} at {@code at} (null: before every date), with its line; null if none. */
            TenantOverlay.Entry lineAt(String name, Instant at, java.time.ZoneId zone) {
                java.time.LocalDate date = dateAt(dated.get(name), at, zone);
                return lines.get(name + (date == null ? "" : "@" + date));
            }

            Object valueAt(String name, Instant at, java.time.ZoneId zone) {
                java.time.LocalDate date = dateAt(dated.get(name), at, zone);
                return date == null ? values.get(name) : dated.get(name).get(date);
            }
        }

        Variants build() {
            TreeSet<Instant> changes = new TreeSet<>();
            for (ParsedPack pack : packs) {
                if (pack.zone != null) {
                    zones.put(pack.files.id(), pack.zone);
                }
                if (!pack.calendars.isEmpty()) {
                    if (pack.zone == null) {
                        problems.add(new RuleProblem(pack.files.propertiesPath(), pack.calendarsLine, "pack '"
                                + pack.files.id() + "' reads holiday calendars " + pack.calendars.stream()
                                .map(HolidayCalendar::id).toList() + " but has no " + ZONE_KEY + ": set the zone in"
                                + " which its local dates are told"));
                        continue;
                    }
                    calendars.put(pack.files.id(), List.copyOf(pack.calendars));
                }
                if (pack.firstDateAt != null && pack.zone == null) {
                    problems.add(new RuleProblem(pack.files.propertiesPath(), 0, "pack '" + pack.files.id() + "' has"
                            + " effective dates (first at " + pack.firstDateAt + ") but no " + ZONE_KEY + ": set the"
                            + " zone of its jurisdiction, in which each date starts at local midnight"));
                    continue;
                }
                TreeSet<Instant> own = ownChanges.computeIfAbsent(pack.files.id(), id -> new TreeSet<>());
                pack.ruleDates.forEach((id, dates) -> {
                    EffectivePeriod period = new EffectivePeriod(dates[0], dates[1], pack.zone);
                    ruleDates.put(id, period);
                    addIfSet(changes, period.from());
                    addIfSet(changes, period.until());
                    addIfSet(own, period.from());
                    addIfSet(own, period.until());
                });
                pack.dated.values().forEach(byDate -> byDate.keySet().forEach(date -> {
                    changes.add(EffectivePeriod.startOf(date, pack.zone));
                    own.add(EffectivePeriod.startOf(date, pack.zone));
                }));
            }
            Map<String, Map<String, Overlay>> overlays = overlays(changes);
            if (!problems.isEmpty()) {
                return Variants.NONE;
            }
            List<Instant> moments = List.copyOf(changes);
            packChanges = changesByPack();
            List<RuleSet> periods = moments.isEmpty() ? List.of() : periods(null, moments);
            Map<String, RuleSet> tenantSets = new TreeMap<>();
            overlays.forEach((tenant, byPack) -> {
                List<RuleSet> tenantPeriods = moments.isEmpty() ? List.of() : periods(byPack, moments);
                tenantSets.put(tenant, variant(byPack, null, Variants.ofTenant(moments, tenantPeriods, ruleDates, zones,
                        packChanges, calendars)));
            });
            return Variants.of(tenantSets, moments, periods, ruleDates, zones, packChanges, calendars);
        }

        /** {@link #ownChanges} as the arrays every variant of this load shares, packs without changes left out. */
        private Map<String, Instant[]> changesByPack() {
            Map<String, Instant[]> byPack = new TreeMap<>();
            ownChanges.forEach((pack, moments) -> {
                if (!moments.isEmpty()) {
                    byPack.put(pack, moments.toArray(new Instant[0]));
                }
            });
            return Map.copyOf(byPack);
        }

        private static void addIfSet(Set<Instant> changes, Instant moment) {
            if (moment != null) {
                changes.add(moment);
            }
        }

        /** One rule set per period: before the first change, then from each. */
        private List<RuleSet> periods(Map<String, Overlay> overlay, List<Instant> moments) {
            List<RuleSet> periods = new ArrayList<>();
            for (int i = 0; i <= moments.size(); i++) {
                Instant from = i == 0 ? null : moments.get(i - 1);
                Instant until = i == moments.size() ? null : moments.get(i);
                periods.add(variant(overlay, from, Variants.period(from, until, ruleDates, zones, packChanges, calendars)));
            }
            return periods;
        }

        /** Reads every tenant line into overlays by tenant and pack; the dates tenants write join {@code changes}. */
        private Map<String, Map<String, Overlay>> overlays(Set<Instant> changes) {
            Map<String, Map<String, Overlay>> overlays = new TreeMap<>();
            tenantNames.forEach(name -> overlays.put(name, new TreeMap<>()));
            for (TenantOverlay.Entry entry : tenants) {
                ParsedPack pack = packs.stream().filter(p -> p.files.id().equals(entry.pack())).findFirst().orElse(null);
                String where = "tenant '" + entry.tenant() + "': ";
                if (pack == null) {
                    problems.add(new RuleProblem(entry.file(), entry.line(), where + "pack '" + entry.pack()
                            + "' is not loaded (loaded: " + packs.stream().map(p -> p.files.id()).toList() + ")"));
                    continue;
                }
                Overlay overlay = overlays.computeIfAbsent(entry.tenant(), t -> new TreeMap<>())
                        .computeIfAbsent(pack.files.id(), id -> new Overlay(entry.tenant()));
                overlay.entries.add(entry);
                if (entry.key().startsWith(TenantOverlay.EFFECT_PREFIX)) {
                    effect(pack, overlay, entry, where);
                    continue;
                }
                int at = entry.key().indexOf('@');
                String name = at > 0 ? entry.key().substring(0, at) : entry.key();
                DeclaredParameter parameter = pack.declared.get(name);
                if (parameter == null) {
                    problems.add(new RuleProblem(entry.file(), entry.line(), where + "unknown parameter '" + name
                            + "' for pack '" + pack.files.id() + "' (declared: " + String.join(", ",
                            pack.declared.keySet()) + ")"));
                    continue;
                }
                if (pack.stricter.get(name) == null) {
                    problems.add(new RuleProblem(entry.file(), entry.line(), where + "parameter '" + name + "' of pack '"
                            + pack.files.id() + "' declares no direction (" + Tightening.PREFIX + name + " in "
                            + pack.files.propertiesPath() + "), so no tenant may change it"));
                    continue;
                }
                java.time.LocalDate date = null;
                if (at > 0) {
                    try {
                        date = EffectivePeriod.parseDate(entry.key().substring(at + 1));
                    } catch (IllegalArgumentException e) {
                        problems.add(new RuleProblem(entry.file(), entry.line(), where + "'" + entry.key() + "': "
                                + e.getMessage()));
                        continue;
                    }
                    if (pack.zone == null) {
                        problems.add(new RuleProblem(entry.file(), entry.line(), where + "a dated value needs the pack's "
                                + ZONE_KEY + " in " + pack.files.propertiesPath()));
                        continue;
                    }
                }
                Object value = parse(pack, parameter, entry.value(), entry.file(), entry.line());
                if (value == null) {
                    continue;
                }
                if (date == null) {
                    overlay.values.put(name, value);
                    overlay.lines.put(name, entry);
                } else {
                    overlay.dated.computeIfAbsent(name, n -> new TreeMap<>()).put(date, value);
                    overlay.lines.put(name + "@" + date, entry);
                    changes.add(EffectivePeriod.startOf(date, pack.zone));
                    ownChanges.computeIfAbsent(pack.files.id(), id -> new TreeSet<>())
                            .add(EffectivePeriod.startOf(date, pack.zone));
                }
            }
            return overlays;
        }

        /** {@code effect.RULE-ID = DENY}: an advisory that denies for this tenant; never a denial made an advisory. */
        private void effect(ParsedPack pack, Overlay overlay, TenantOverlay.Entry entry, String where) {
            String id = entry.key().substring(TenantOverlay.EFFECT_PREFIX.length());
            RuleInfo rule = rulesById.get(id);
            if (rule == null || !rule.pack().equals(pack.files.id())) {
                problems.add(new RuleProblem(entry.file(), entry.line(), where + "no rule with @id " + id + " in pack '"
                        + pack.files.id() + "'"));
                return;
            }
            Effect wanted;
            try {
                wanted = Effect.valueOf(entry.value().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(entry.file(), entry.line(), where + entry.key() + " must be DENY or ADVISORY,"
                        + " found '" + entry.value() + "'"));
                return;
            }
            if (wanted == Effect.ADVISORY && rule.effect() == Effect.DENY) {
                problems.add(new RuleProblem(entry.file(), entry.line(), where + entry.key() + " = ADVISORY would loosen "
                        + id + ", which denies; a tenant may make an advisory deny, never the reverse"));
            } else if (wanted == Effect.DENY && rule.effect() == Effect.ADVISORY) {
                overlay.denies.add(id);
            }
        }

        /**
         * The rule set in force from {@code from} (null: before every change) with {@code overlay}
         * (null: no tenant) applied: each pack's values and rules in force then.
         */
        private RuleSet variant(Map<String, Overlay> overlay, Instant from, Variants variants) {
            Map<String, PackInfo> infos = new LinkedHashMap<>();
            Map<String, RuleInfo> byId = new LinkedHashMap<>(rulesById);
            Map<String, Object> facts = new HashMap<>();
            Map<String, List<Measure>> measures = new HashMap<>();
            Map<String, Set<String>> outOfForce = new HashMap<>();
            for (ParsedPack pack : packs) {
                String id = pack.files.id();
                Map<String, Object> values = new TreeMap<>(pack.values);
                pack.dated.forEach((name, byDate) -> {
                    java.time.LocalDate date = dateAt(byDate, from, pack.zone);
                    if (date != null) {
                        values.put(name, byDate.get(date));
                    }
                });
                Overlay tenant = overlay == null ? null : overlay.get(id);
                if (tenant != null) {
                    tighten(pack, tenant, values, from);
                }
                List<RuleInfo> inForce = new ArrayList<>();
                Set<String> out = new HashSet<>();
                for (RuleInfo rule : pack.rules) {
                    EffectivePeriod period = ruleDates.get(rule.id());
                    boolean live = period == null || (from == null ? period.effective() == null : period.inForceAt(from));
                    RuleInfo shown = tenant != null && tenant.denies.contains(rule.id())
                            ? new RuleInfo(rule.id(), rule.pack(), rule.name(), rule.citation(), rule.authority(),
                                    rule.message(), Effect.DENY, rule.file(), rule.line(), rule.messages())
                            : rule;
                    byId.put(rule.id(), shown);
                    if (live) {
                        inForce.add(shown);
                    } else {
                        out.add(EffectiveRules.qualified(pack.packageName, rule.name()));
                    }
                }
                outOfForce.put(id, out);
                measures.put(id, resolveMeasures(pack, values));
                if (pack.parameterType != null) {
                    facts.put(id, parameterFact(kieBases.get(id), pack, values));
                }
                String digest = tenant == null && out.isEmpty() && values.equals(pack.values) ? digest(pack)
                        : variantDigest(pack, values, inForce, tenant);
                infos.put(id, new PackInfo(id, metadata(pack, "pack.name", id), metadata(pack, "pack.description", ""),
                        pack.packageName, values, inForce, digest, pack.files.propertiesPath(), pack.prebuilt, pack.exempt,
                        metadata(pack, EXEMPT_CITATION_KEY, "")));
            }
            return new RuleSet(kieBases, infos, byId, facts, selection, measures, models, List.of(), outOfForce,
                    variants);
        }

        /** Puts the tenant's values in force at {@code from} into {@code values}, refusing any that loosens. */
        private void tighten(ParsedPack pack, Overlay tenant, Map<String, Object> values, Instant from) {
            Map<String, Object> before = new HashMap<>(values);
            Set<String> names = new TreeSet<>(tenant.values.keySet());
            names.addAll(tenant.dated.keySet());
            for (String name : names) {
                Object value = tenant.valueAt(name, from, pack.zone);
                if (value == null) {
                    continue;
                }
                Tightening direction = pack.stricter.get(name);
                Object base = values.get(name);
                if (base != null && !direction.keepsOrTightens(base, value)) {
                    TenantOverlay.Entry line = tenant.lineAt(name, from, pack.zone);
                    if (!loosening.add(line)) {
                        continue;
                    }
                    java.time.LocalDate since = dateAt(pack.dated.get(name), from, pack.zone);
                    problems.add(new RuleProblem(line.file(), line.line(), "tenant '" + tenant.tenant + "': " + line.key()
                            + " = " + line.value() + " loosens pack '" + pack.files.id() + "', whose " + name + " is "
                            + shown(base) + (since == null ? "" : " from " + since)
                            + " (" + Tightening.PREFIX + name + " = " + direction.word() + ": " + direction.meaning() + ")"));
                } else {
                    values.put(name, value);
                }
            }
            keepHourPairsInOrder(pack, tenant, before, values, names, from);
        }

        /**
         * Refuses a tenant's hours that turn a window round: each hour is checked against the pack's
         * own, so {@code hoursStart} moved later past {@code hoursEnd} would pass alone, yet the
         * window would then wrap round midnight and allow the night the pack denies (and a quiet
         * window's start moved earlier past its end would shrink the night). For every
         * {@code xStart}/{@code xEnd} pair of clock times, the tenant's start must stay on the same
         * side of its end as the pack's.
         */
        private void keepHourPairsInOrder(ParsedPack pack, Overlay tenant, Map<String, Object> before,
                Map<String, Object> values, Set<String> set, Instant from) {
            for (String start : set.stream().map(name -> startOfPair(name)).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new))) {
                String end = start.substring(0, start.length() - "Start".length()) + "End";
                if (!(before.get(start) instanceof java.time.LocalTime packStart)
                        || !(before.get(end) instanceof java.time.LocalTime packEnd)
                        || !(values.get(start) instanceof java.time.LocalTime tenantStart)
                        || !(values.get(end) instanceof java.time.LocalTime tenantEnd)) {
                    continue;
                }
                if (Integer.signum(packStart.compareTo(packEnd)) == Integer.signum(tenantStart.compareTo(tenantEnd))) {
                    continue;
                }
                TenantOverlay.Entry line = tenant.lineAt(set.contains(start) ? start : end, from, pack.zone);
                if (line == null || !loosening.add(line)) {
                    continue;
                }
                problems.add(new RuleProblem(line.file(), line.line(), "tenant '" + tenant.tenant + "': " + start + " "
                        + tenantStart + " and " + end + " " + tenantEnd + " turn pack '" + pack.files.id() + "''s window "
                        + packStart + "-" + packEnd + " round midnight, which loosens it; keep " + start + " "
                        + (packStart.isBefore(packEnd) ? "before" : "after") + " " + end));
            }
        }

        /** {@code name} if it names the start of an {@code xStart}/{@code xEnd} pair, the start's name if it names the end. */
        private static String startOfPair(String name) {
            if (name.endsWith("Start") && name.length() > "Start".length()) {
                return name;
            }
            if (name.endsWith("End") && name.length() > "End".length()) {
                return name.substring(0, name.length() - "End".length()) + "Start";
            }
            return null;
        }

        private static String shown(Object value) {
            return value instanceof org.contactguard.core.rules.TermList list ? list.source() + " (" + list.size()
                    + " terms)" : String.valueOf(value);
        }

        /** A variant's digest: the pack's, its values and rules in force, and the tenant lines that made it. */
        private String variantDigest(ParsedPack pack, Map<String, Object> values, List<RuleInfo> inForce, Overlay tenant) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                update(sha, digest(pack));
                values.forEach((name, value) -> update(sha, name + "=" + value));
                inForce.forEach(rule -> update(sha, "rule:" + rule.id() + ":" + rule.effect()));
                if (tenant != null) {
                    update(sha, "tenant:" + tenant.tenant);
                    tenant.entries.forEach(entry -> update(sha, entry.key() + "=" + entry.value()));
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        }
    }

    /** The latest date of {@code byDate} that has started at {@code at} in {@code zone} (null: before every date, or none). */
    private static java.time.LocalDate dateAt(TreeMap<java.time.LocalDate, Object> byDate, Instant at,
            java.time.ZoneId zone) {
        if (byDate == null || at == null) {
            return null;
        }
        java.time.LocalDate latest = null;
        for (java.time.LocalDate date : byDate.keySet()) {
            if (!EffectivePeriod.startOf(date, zone).isAfter(at)) {
                latest = date;
            }
        }
        return latest;
    }
}
