package org.contactguard.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()}'s text, written without a formatter: an audit record holds a few
 * hundred instants and the formatter was a tenth of writing one. Years 0000 to 9999 are written
 * here; others, which ISO-8601 signs, fall back to {@code toString}.
 */
final class Instants {

    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long FIRST = -62_167_219_200L;
    private static final long END = 253_402_300_800L;

    private Instants() {
    }

    /** Exactly {@code at.toString()}. */
    static String text(Instant at) {
        char[] out = new char[30];
        int length = format(at, out);
        return length < 0 ? at.toString() : new String(out, 0, length);
    }

    /** Writes {@code at} as the JSON string {@code at.toString()}. */
    static void write(JsonGenerator g, Instant at) throws IOException {
        char[] out = new char[30];
        int length = format(at, out);
        if (length < 0) {
            g.writeString(at.toString());
        } else {
            g.writeString(out, 0, length);
        }
    }

    /** Fills {@code out} and returns the length, or -1 outside the years this writes. */
    private static int format(Instant at, char[] out) {
        long seconds = at.getEpochSecond();
        if (seconds < FIRST || seconds >= END) {
            return -1;
        }
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        int i = digits(out, 0, date.getYear(), 4);
        out[i++] = '-';
        i = digits(out, i, date.getMonthValue(), 2);
        out[i++] = '-';
        i = digits(out, i, date.getDayOfMonth(), 2);
        out[i++] = 'T';
        i = digits(out, i, secondOfDay / 3600, 2);
        out[i++] = ':';
        i = digits(out, i, secondOfDay / 60 % 60, 2);
        out[i++] = ':';
        i = digits(out, i, secondOfDay % 60, 2);
        int nanos = at.getNano();
        if (nanos > 0) {
            out[i++] = '.';
            if (nanos % 1_000_000 == 0) {
                i = digits(out, i, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                i = digits(out, i, nanos / 1_000, 6);
            } else {
                i = digits(out, i, nanos, 9);
            }
        }
        out[i++] = 'Z';
        return i;
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
