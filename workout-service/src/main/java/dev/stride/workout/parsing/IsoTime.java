package dev.stride.workout.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The timestamps of GPX and TCX files in the form devices write them,
 * {@code 2024-05-01T08:00:00Z}, with an optional fraction of a second and an optional
 * {@code ±hh:mm} offset instead of {@code Z}, read straight from the characters. Parsing them
 * with {@code Instant.parse} took a fifth of the GPX parse time and a fifth of its allocation
 * (docs/performance.md). Anything else is left to the JDK ({@link XmlText#epochMillis}), which
 * also writes the error message; the tests compare both on the same texts.
 */
final class IsoTime {

    /** Returned when the text is not of the common form. */
    static final long NOT_FAST = Long.MIN_VALUE;

    // consecutive points share their date: its epoch day is computed once
    private int lastYear;
    private int lastMonth;
    private int lastDay;
    private long lastEpochDay;

    long epochMillis(char[] c, int from, int to) {
        int n = to - from;
        if (n < 19 || c[from + 4] != '-' || c[from + 7] != '-' || c[from + 10] != 'T' || c[from + 13] != ':'
                || c[from + 16] != ':') {
            return NOT_FAST;
        }
        int year = digits(c, from, 4);
        int month = digits(c, from + 5, 2);
        int day = digits(c, from + 8, 2);
        int hour = digits(c, from + 11, 2);
        int minute = digits(c, from + 14, 2);
        int second = digits(c, from + 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return NOT_FAST;
        }
        int i = from + 19;
        long millis = 0;
        if (i < to && c[i] == '.') {
            i++;
            int fractionStart = i;
            long scale = 100;
            while (i < to && c[i] >= '0' && c[i] <= '9') {
                millis += (c[i] - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == fractionStart || i - fractionStart > 9) {
                return NOT_FAST;
            }
        }
        int offsetSeconds;
        if (i == to) {
            offsetSeconds = 0; // no offset: UTC, as XmlText.epochMillis reads it
        } else if (c[i] == 'Z' && i + 1 == to) {
            offsetSeconds = 0;
        } else if ((c[i] == '+' || c[i] == '-') && to - i == 6 && c[i + 3] == ':') {
            int oh = digits(c, i + 1, 2);
            int om = digits(c, i + 4, 2);
            if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
                return NOT_FAST;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (c[i] == '-' ? -1 : 1);
        } else {
            return NOT_FAST;
        }
        long epochDay = epochDay(year, month, day);
        if (epochDay == NOT_FAST) {
            return NOT_FAST;
        }
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000 + millis;
    }

    private long epochDay(int year, int month, int day) {
        if (year != lastYear || month != lastMonth || day != lastDay || lastYear == 0) {
            try {
                lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
            } catch (DateTimeException e) {
                return NOT_FAST;
            }
            lastYear = year;
            lastMonth = month;
            lastDay = day;
        }
        return lastEpochDay;
    }

    /** The value of {@code count} decimal digits, or -1 if one of them is not a digit. */
    private static int digits(char[] c, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char ch = c[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
