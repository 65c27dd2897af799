package dev.stride.notification.recipient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.notification.message.SuppressionStore;

@Service
class PreferencesService {

    private final RecipientStore store;
    private final SuppressionStore suppressions;
    private final Clock clock = Clock.systemUTC();

    PreferencesService(RecipientStore store, SuppressionStore suppressions) {
        this.store = store;
        this.suppressions = suppressions;
    }

    /** 404 until the registration event has reached this service. */
    @Transactional(readOnly = true)
    PreferencesView view(UUID userId) {
        RecipientStore.Recipient recipient = store.find(userId)
                .orElseThrow(() -> StrideProblemException.notFound("Notification settings"));
        List<PreferencesView.CategorySetting> settings = new ArrayList<>();
        store.preferences(userId).forEach((category, enabled) -> settings
                .add(new PreferencesView.CategorySetting(category.wireName(), enabled, category.locked())));
        return new PreferencesView(recipient.locale(), recipient.timeZone(), recipient.emailVerified(), settings);
    }

    /** Validates every entry before changing any, so a bad request changes nothing. */
    @Transactional
    PreferencesView change(UUID userId, PreferencesChange change) {
        store.find(userId).orElseThrow(() -> StrideProblemException.notFound("Notification settings"));
        List<Map.Entry<Category, Boolean>> valid = new ArrayList<>();
        for (Map.Entry<String, Boolean> entry : change.categories().entrySet()) {
            Category category = Category.fromWire(entry.getKey());
            if (category == null || entry.getValue() == null) {
                throw new StrideProblemException(ErrorCode.VALIDATION_FAILED,
                        "Unknown category or missing value: '" + entry.getKey() + "'. Known: account, product, digest, marketing.");
            }
            if (category.locked() && !entry.getValue()) {
                throw new StrideProblemException(ErrorCode.VALIDATION_FAILED,
                        "Account mail (security and sign-in) cannot be turned off.");
            }
            valid.add(Map.entry(category, entry.getValue()));
        }
        valid.forEach(e -> {
            store.setPreference(userId, e.getKey(), e.getValue(), clock.instant());
            if (e.getValue()) {
                // turning a category back on in the app overrides an earlier one-click unsubscribe
                suppressions.lift(userId, e.getKey().wireName());
            }
        });
        return view(userId);
    }
}
