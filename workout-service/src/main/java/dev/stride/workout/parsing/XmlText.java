package dev.stride.workout.parsing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Number and time parsing shared by the GPX and TCX readers, with messages a person understands. */
final class XmlText {

    private XmlText() {
    }

    static double number(String text, String element, String format) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new WorkoutFileException(WorkoutFileException.Reason.MALFORMED,
                    "The " + format + " file has an invalid number '" + abbreviate(text) + "' in <" + element + ">");
        }
    }

    static float optionalFloat(String text, String element, String format) {
        if (text == null || text.isBlank()) {
            return Float.NaN;
        }
        return (float) number(text, element, format);
    }

    /** ISO-8601 date-time; without an offset it is read as UTC (what GPX 1.0 writers mean). */
    static long epochMillis(String text, String format) {
        String s = text.trim();
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC)
                            .toEpochMilli();
                } catch (DateTimeParseException e3) {
                    throw new WorkoutFileException(WorkoutFileException.Reason.MALFORMED,
                            "The " + format + " file has an invalid time '" + abbreviate(s) + "'");
                }
            }
        }
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    /**
     * The common decimal forms ({@code -12}, {@code 436.6}, {@code 45.1996177}) without a String
     * and without {@link Double#parseDouble}'s general machinery: an integer of at most 18 digits
     * below 2^53 divided by an exact power of ten is the correctly rounded double, the same value
     * {@code Double.parseDouble} gives (Clinger's fast path). NaN when the text is of another
     * form (exponent, more digits, anything else): the caller then uses {@link #number}.
     */
    static double fastNumber(char[] c, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (c[i] == '-' || c[i] == '+')) {
            negative = c[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = -1;
        for (; i < to; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                if (++digits > 18) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (ch - '0');
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            } else if (ch == '.' && fractionDigits < 0) {
                fractionDigits = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || mantissa >= 1L << 53) {
            return Double.NaN;
        }
        double value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
        return negative ? -value : value;
    }

    static void checkPosition(double lat, double lon, String format) {
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new WorkoutFileException(WorkoutFileException.Reason.MALFORMED,
                    "The " + format + " file has a position outside the globe (" + lat + ", " + lon + ")");
        }
    }

    static String abbreviate(String text) {
        String t = text.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
