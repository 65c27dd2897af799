package dev.stride.notification.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.stride.contracts.NotificationTemplates;
import dev.stride.notification.recipient.Category;

/**
 * The mail templates other modules may request: their category, the parameters they need (in the
 * order the localized messages use them as {0}, {1}, ...), the parameter holding the button link,
 * and sample values for the admin preview. Texts live in {@code mail/messages*.properties}; the
 * HTML and plain-text layouts in {@code mail/layout.html} and {@code mail/layout.txt}.
 */
public final class TemplateCatalog {

    /** @param actionParam the parameter holding the call-to-action link (https only), or null */
    public record Spec(String id, Category category, List<String> params, String actionParam,
            Map<String, String> sample) {

        /**
         * Whether a request may name the address itself ({@link NotificationTemplates#TO_ADDRESS}):
         * only the verification of an address, which must reach the address being verified (the new
         * one of an e-mail change). Every other mail goes to the address the projection holds, so a
         * request cannot redirect a reset link or a security notice.
         */
        public boolean acceptsToAddress() {
            return NotificationTemplates.EMAIL_VERIFICATION.equals(id);
        }
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        // the identity templates' words are shared with the gateway through shared-contracts
        add(NotificationTemplates.EMAIL_VERIFICATION, Category.ACCOUNT, NotificationTemplates.VERIFICATION_URL,
                NotificationTemplates.NAME, "Мария",
                NotificationTemplates.VERIFICATION_URL, "https://stride.example/verify?token=sample");
        add(NotificationTemplates.PASSWORD_RESET, Category.ACCOUNT, NotificationTemplates.RESET_URL,
                NotificationTemplates.NAME, "Мария", NotificationTemplates.RESET_URL, "https://stride.example/reset?token=sample");
        add(NotificationTemplates.PASSWORD_CHANGED, Category.ACCOUNT, null, NotificationTemplates.NAME, "Мария",
                NotificationTemplates.CHANGED_AT, "2026-05-01 09:30 UTC");
        add(NotificationTemplates.EMAIL_CHANGED, Category.ACCOUNT, null, NotificationTemplates.NAME, "Мария",
                NotificationTemplates.CHANGED_AT, "2026-05-01 09:30 UTC");
        // workout-service's templates: the same words through shared-contracts (no link: the app opens the workout)
        add(NotificationTemplates.PERSONAL_RECORD, Category.PRODUCT, null, NotificationTemplates.NAME, "Мария",
                NotificationTemplates.EFFORT, "5k", NotificationTemplates.TIME, "21:34");
        add(NotificationTemplates.UPLOAD_FAILED, Category.PRODUCT, null, NotificationTemplates.NAME, "Мария",
                NotificationTemplates.FILE_NAME, "morning-run.fit",
                NotificationTemplates.REASON, "The file is not a FIT, GPX or TCX file.");
        add(NotificationTemplates.GEAR_RETIREMENT, Category.PRODUCT, null, NotificationTemplates.NAME, "Мария",
                NotificationTemplates.GEAR_NAME, "Pegasus 40", NotificationTemplates.DISTANCE_KM, "812");
        // written by this service's own digest job (DigestScheduler), values formatted in the reader's language
        add("weekly-summary", Category.DIGEST, null, "name", "Мария", "week", "4 – 10 May 2026", "workouts", "4",
                "distanceKm", "42.2", "movingTime", "4 h 05 min", "elevationM", "380",
                "sports", "Run: 3, 32.2 km; Ride: 1, 10.0 km");
        add("marketing-offer", Category.MARKETING, "offerUrl", "name", "Мария", "offerTitle", "-20% on running shoes",
                "offerUrl", "https://shop.example/offers/sample");
        add("event-reminder", Category.PRODUCT, "eventUrl", "name", "Мария", "eventName", "Moscow Half Marathon",
                "startsAt", "2026-05-17 08:00", "eventUrl", "https://stride.example/events/sample");
    }

    private TemplateCatalog() {
    }

    private static void add(String id, Category category, String actionParam, String... sample) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < sample.length; i += 2) {
            values.put(sample[i], sample[i + 1]);
        }
        SPECS.put(id, new Spec(id, category, List.copyOf(values.keySet()), actionParam, Map.copyOf(values)));
    }

    public static Optional<Spec> find(String id) {
        return Optional.ofNullable(SPECS.get(id));
    }

    public static List<Spec> all() {
        return List.copyOf(SPECS.values());
    }
}
