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
