package dev.stride.notification.digest;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.stride.notification.message.MailRenderer;

/**
 * The parameters of the {@code weekly-summary} template, formatted in the reader's language: the
 * week as dates, distance in km with the language's decimal mark, moving time in hours and minutes,
 * elevation gain in whole metres, and a line per sport with localized sport names.
 */
@Component
class DigestFormat {

    static final String TEMPLATE = "weekly-summary";
    private final MailRenderer texts;

    DigestFormat(MailRenderer texts) {
        this.texts = texts;
    }

    Map<String, String> parameters(DigestStore.Candidate user, DigestWeek week, List<DigestStore.SportTotals> sports) {
        String lang = "ru".equals(user.locale()) ? "ru" : "en";
        Locale locale = Locale.forLanguageTag(lang);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("week", week.monday().format(DateTimeFormatter.ofPattern("d MMMM", locale)) + " – "
                + week.sunday().format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale)));
        values.put("workouts", Integer.toString(sports.stream().mapToInt(DigestStore.SportTotals::workouts).sum()));
        values.put("distanceKm", km(sports.stream().mapToDouble(DigestStore.SportTotals::distanceMeters).sum(), locale));
        long minutes = Math.round(sports.stream().mapToDouble(DigestStore.SportTotals::movingSeconds).sum() / 60);
        values.put("movingTime", texts.text("digest.moving-time", lang, minutes / 60 + " h " + minutes % 60 + " min",
                Long.toString(minutes / 60), String.format("%02d", minutes % 60)));
        values.put("elevationM",
                Long.toString(Math.round(sports.stream().mapToDouble(DigestStore.SportTotals::elevationMeters).sum())));
        values.put("sports", sports.stream().map(s -> sport(s, lang, locale)).collect(Collectors.joining("; ")));
        return values;
    }

    private String sport(DigestStore.SportTotals totals, String lang, Locale locale) {
        String name = texts.text("sport." + totals.sport(), lang, totals.sport());
        return totals.distanceMeters() > 0
                ? texts.text("digest.sport-distance", lang, null, name, Integer.toString(totals.workouts()),
                        km(totals.distanceMeters(), locale))
                : texts.text("digest.sport-line", lang, null, name, Integer.toString(totals.workouts()));
    }

    private static String km(double meters, Locale locale) {
        return String.format(locale, "%.1f", meters / 1000);
    }
}
