package dev.stride.notification.recipient;

import java.util.List;

/** What the user sees of their notification settings; the address itself is never echoed. */
record PreferencesView(String locale, String timeZone, boolean emailVerified, List<CategorySetting> categories) {

    record CategorySetting(String category, boolean enabled, boolean locked) {
    }
}
