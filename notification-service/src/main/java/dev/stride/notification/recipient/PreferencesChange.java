package dev.stride.notification.recipient;

import java.util.Map;

import jakarta.validation.constraints.NotEmpty;

/** @param categories category → enabled, e.g. {"product": false, "marketing": true} */
record PreferencesChange(@NotEmpty Map<String, Boolean> categories) {
}
