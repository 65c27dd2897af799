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

    /** A number the fast way did not read ({@link #fastNumber} gave NaN): the JDK's parser and its errors. */
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
    private static final long[] LONG_POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    /**
     * The common decimal forms ({@code -12}, {@code 436.6}, {@code 45.199617706239223}) without a
     * String and without {@link Double#parseDouble}'s general machinery: an integer of at most 18
     * digits below 2^53 divided by an exact power of ten is the correctly rounded double, the same
     * value {@code Double.parseDouble} gives (Clinger's fast path); above 2^53 see
     * {@link #correctlyRounded}. NaN when the text is of another form (exponent, more digits,
     * anything else): the caller then uses {@link #number}.
     */
    static double fastNumber(CharSequence c, int from, int to) {
        if (to - from > MAX_FAST) {
            return Double.NaN;
        }
        char[] chars = new char[to - from];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = c.charAt(from + i);
        }
        return fastNumber(chars, 0, chars.length);
    }

    /** The longest text of the forms {@link #fastNumber} reads: a sign, 18 digits and a point. */
    private static final int MAX_FAST = 20;

    /** {@link #fastNumber(CharSequence, int, int)} straight from a reader's buffer. */
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
        if (digits == 0) {
            return Double.NaN;
        }
        double value;
        if (mantissa < 1L << 53) {
            value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
        } else if (fractionDigits > 0) {
            value = correctlyRounded(mantissa, fractionDigits);
        } else {
            return Double.NaN;
        }
        return negative ? -value : value;
    }

    /**
     * mantissa / 10^k correctly rounded, for the 16 to 18 digits {@code Double.toString} and most
     * devices write (45.199617706239223): the quotient in doubles is within an ulp or so of the
     * answer, and 128-bit integer comparisons with the midpoints to its neighbours decide
     * exactly (ties to even, as {@code Double.parseDouble}). NaN where this does not apply
     * (binade edges, subnormal or very small results): the caller falls back to the JDK.
     */
    private static double correctlyRounded(long mantissa, int k) {
        double c = mantissa / POWERS_OF_TEN[k];
        long tenToK = LONG_POWERS_OF_TEN[k];
        for (int attempt = 0; attempt < 3; attempt++) {
            long bits = Double.doubleToRawLongBits(c);
            int biased = (int) (bits >>> 52) & 0x7FF;
            long significand = (bits & ((1L << 52) - 1)) | 1L << 52;
            int shift = 1 - (biased - 1075); // c = significand * 2^(biased - 1075)
            if (biased == 0 || significand == 1L << 52 || shift < 1 || shift > 63) {
                return Double.NaN;
            }
            // compare mantissa / 10^k with the midpoints (2s ± 1) * 2^(e - 1), both sides times 10^k * 2^(1 - e)
            long valueHigh = mantissa >>> (64 - shift);
            long valueLow = mantissa << shift;
            long above = 2 * significand + 1;
            int toUpper = compare128(valueHigh, valueLow, Math.multiplyHigh(above, tenToK), above * tenToK);
            if (toUpper > 0 || toUpper == 0 && (significand & 1) == 1) {
                c = Math.nextUp(c);
                continue;
            }
            long below = 2 * significand - 1;
            int toLower = compare128(valueHigh, valueLow, Math.multiplyHigh(below, tenToK), below * tenToK);
            if (toLower < 0 || toLower == 0 && (significand & 1) == 1) {
                c = Math.nextDown(c);
                continue;
            }
            return c;
        }
        return Double.NaN;
    }

    /** Compares two non-negative 128-bit integers given as high and low 64 bits. */
    private static int compare128(long aHigh, long aLow, long bHigh, long bLow) {
        return aHigh != bHigh ? Long.compare(aHigh, bHigh) : Long.compareUnsigned(aLow, bLow);
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
