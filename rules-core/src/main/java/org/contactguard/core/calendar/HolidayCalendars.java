package org.contactguard.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads holiday calendars from their data files, which people edit when a government publishes next
 * year's holidays. A file, UTF-8, one item per line ({@code #} starts a comment):
 *
 * <pre>
 * id = CN
 * name = China (mainland): statutory holidays and make-up working days
 * weekend = SATURDAY SUNDAY
 * year 2026 = State Council General Office notice of 2025-11, https://www.gov.cn/...
 * 2026-02-15..2026-02-23  holiday  Spring Festival (春节)
 * 2026-02-14              workday  Spring Festival make-up working day (春节调休上班)
 * </pre>
 *
 * <p>Every year a date falls in must be declared with its source, and every declared year must list
 * at least one date, so a year half added is a load error, not a calendar without holidays. A
 * {@code workday} must fall on a weekend day (that is what a make-up working day is); no date may be
 * listed twice. A date in an undeclared year is unknown: {@link HolidayCalendar#day} fails closed.
 *
 * <p>The catalog's calendars are listed in {@code calendars/calendars.txt} on the class path
 * ({@code rules-catalog}).
 */
public final class HolidayCalendars {

    /** The class-path folder of the catalog's calendars and its index file. */
    public static final String FOLDER = "calendars/";
    static final String INDEX = FOLDER + "calendars.txt";

    private static final Pattern HEADER = Pattern.compile("(id|name|weekend)\\s*=\\s*(.+)");
    private static final Pattern YEAR = Pattern.compile("year\\s+(\\d{4})\\s*=\\s*(.+)");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:\\.\\.(\\d{4}-\\d{2}-\\d{2}))?\\s+(holiday|workday)\\s+(.+)");

    private HolidayCalendars() {
    }

    /**
     * Every calendar the class path's {@code calendars/calendars.txt} lists, by id.
     *
     * @throws CalendarLoadException every problem in every file, or a missing index or file
     */
    public static Map<String, HolidayCalendar> catalog(ClassLoader loader) {
        String index = resource(loader, INDEX);
        if (index == null) {
            throw new CalendarLoadException(List.of(INDEX + ": not on the class path (add rules-catalog)"));
        }
        Map<String, HolidayCalendar> calendars = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : index.split("\n")) {
            String file = line.replaceFirst("#.*", "").strip();
            if (file.isEmpty()) {
                continue;
            }
            String text = resource(loader, FOLDER + file);
            if (text == null) {
                problems.add(INDEX + ": lists " + file + ", which is not on the class path");
                continue;
            }
            try {
                HolidayCalendar calendar = parse(text, FOLDER + file);
                if (calendars.putIfAbsent(calendar.id(), calendar) != null) {
                    problems.add(FOLDER + file + ": calendar id " + calendar.id() + " is used by another file too");
                }
            } catch (CalendarLoadException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new CalendarLoadException(problems);
        }
        return Map.copyOf(calendars);
    }

    /** {@link #catalog(ClassLoader)} with this library's class loader. */
    public static Map<String, HolidayCalendar> catalog() {
        return catalog(HolidayCalendars.class.getClassLoader());
    }

    /**
     * Reads one calendar file.
     *
     * @throws CalendarLoadException every problem in it, with file and line
     */
    public static HolidayCalendar load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new CalendarLoadException(List.of(file + ": cannot be read: " + e.getMessage()));
        }
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Reads a calendar from {@code text}; {@code file} names it in problems.
     *
     * @throws CalendarLoadException every problem, each as {@code file:line: message}
     */
    public static HolidayCalendar parse(String text, String file) {
        List<String> problems = new ArrayList<>();
        Map<String, String> header = new HashMap<>();
        Map<Integer, String> sources = new TreeMap<>();
        Map<Integer, Integer> yearLines = new HashMap<>();
        Map<LocalDate, HolidayCalendar.Entry> entries = new HashMap<>();
        Map<LocalDate, Integer> entryLines = new HashMap<>();
        List<Object[]> workdays = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].replaceFirst("\\s#.*|^#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + number + ": ";
            Matcher m;
            if ((m = HEADER.matcher(line)).matches()) {
                if (header.putIfAbsent(m.group(1), m.group(2).strip()) != null) {
                    problems.add(where + m.group(1) + " is given twice");
                }
            } else if ((m = YEAR.matcher(line)).matches()) {
                int year = Integer.parseInt(m.group(1));
                if (sources.putIfAbsent(year, m.group(2).strip()) != null) {
                    problems.add(where + "year " + year + " is declared twice");
                }
                yearLines.putIfAbsent(year, number);
            } else if ((m = DATE.matcher(line)).matches()) {
                LocalDate from;
                LocalDate to;
                try {
                    from = LocalDate.parse(m.group(1));
                    to = m.group(2) == null ? from : LocalDate.parse(m.group(2));
                } catch (DateTimeParseException e) {
                    problems.add(where + "not a date: " + e.getParsedString());
                    continue;
                }
                if (to.isBefore(from)) {
                    problems.add(where + "range ends before it starts: " + m.group(1) + ".." + m.group(2));
                    continue;
                }
                boolean holiday = m.group(3).equals("holiday");
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    Integer earlier = entryLines.putIfAbsent(d, number);
                    if (earlier != null) {
                        problems.add(where + d + " is already listed on line " + earlier);
                        continue;
                    }
                    entries.put(d, new HolidayCalendar.Entry(holiday, m.group(4).strip()));
                    if (!holiday) {
                        workdays.add(new Object[] {d, number});
                    }
                }
            } else {
                problems.add(where + "expected 'id = ...', 'name = ...', 'weekend = ...', 'year YYYY = source' or "
                        + "'YYYY-MM-DD[..YYYY-MM-DD] holiday|workday name', found: " + line);
            }
        }
        for (String key : List.of("id", "name", "weekend")) {
            if (!header.containsKey(key)) {
                problems.add(file + ":1: '" + key + " = ...' is missing");
            }
        }
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        if (header.containsKey("weekend")) {
            for (String day : header.get("weekend").split("[\\s,]+")) {
                try {
                    weekend.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(file + ": weekend: not a day of the week: " + day);
                }
            }
        }
        for (Object[] workday : workdays) {
            LocalDate d = (LocalDate) workday[0];
            if (!weekend.contains(d.getDayOfWeek())) {
                problems.add(file + ":" + workday[1] + ": " + d + " is a " + d.getDayOfWeek()
                        + ", already a working day: a workday line is for a weekend day worked instead");
            }
        }
        Set<Integer> yearsWithDates = new TreeSet<>();
        for (Map.Entry<LocalDate, Integer> e : new TreeMap<>(entryLines).entrySet()) {
            int year = e.getKey().getYear();
            yearsWithDates.add(year);
            if (!sources.containsKey(year)) {
                problems.add(file + ":" + e.getValue() + ": " + e.getKey() + " is in " + year
                        + ", which no 'year " + year + " = source' line declares");
            }
        }
        for (Map.Entry<Integer, String> year : sources.entrySet()) {
            if (!yearsWithDates.contains(year.getKey())) {
                problems.add(file + ":" + yearLines.get(year.getKey()) + ": year " + year.getKey()
                        + " is declared but lists no date");
            }
        }
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> compareLocation(a, b, file));
            throw new CalendarLoadException(problems);
        }
        return new HolidayCalendar(header.get("id"), header.get("name"), weekend, new TreeSet<>(sources.keySet()),
                sources, entries);
    }

    /** Orders problems by line number (those without one last), then text. */
    private static int compareLocation(String a, String b, String file) {
        int c = Integer.compare(line(a, file), line(b, file));
        return c != 0 ? c : a.compareTo(b);
    }

    private static int line(String problem, String file) {
        Matcher m = Pattern.compile(Pattern.quote(file) + ":(\\d+):").matcher(problem);
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
