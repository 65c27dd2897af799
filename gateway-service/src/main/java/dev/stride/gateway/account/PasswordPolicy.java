package dev.stride.gateway.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Password rules (NIST 800-63B style: length, no composition rules): NFKC-normalized, 12 to 128
 * code points, not containing the e-mail local part (when it has at least 3 characters, shorter
 * ones would reject too many passwords for no gain) or the service name.
 */
final class PasswordPolicy {

    static final int MIN_CODE_POINTS = 12;
    static final int MIN_CODE_POINTS_ADMIN = 15;
    static final int MAX_CODE_POINTS = 128;
    private static final int MIN_LOCAL_PART = 3;

    private PasswordPolicy() {
    }

    static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** @return why the password is refused, or empty if it is acceptable */
    static Optional<Violation> check(String normalizedPassword, String email) {
        return check(normalizedPassword, email, false);
    }

    /** As {@link #check(String, String)}; an ADMIN account needs at least {@value #MIN_CODE_POINTS_ADMIN} characters. */
    static Optional<Violation> check(String normalizedPassword, String email, boolean admin) {
        int length = normalizedPassword.codePointCount(0, normalizedPassword.length());
        int min = admin ? MIN_CODE_POINTS_ADMIN : MIN_CODE_POINTS;
        if (length < min) {
            return Optional.of(new Violation("TOO_SHORT", "The password must have at least " + min + " characters."));
        }
        if (length > MAX_CODE_POINTS) {
            return Optional.of(new Violation("TOO_LONG", "The password must have at most " + MAX_CODE_POINTS + " characters."));
        }
        String lower = normalizedPassword.toLowerCase(Locale.ROOT);
        if (lower.contains("stride")) {
            return Optional.of(new Violation("CONTAINS_SERVICE_NAME", "The password must not contain the service name."));
        }
        String normalizedEmail = EmailProtector.normalize(email);
        int at = normalizedEmail.lastIndexOf('@');
        String local = at > 0 ? normalizedEmail.substring(0, at) : normalizedEmail;
        if (local.codePointCount(0, local.length()) >= MIN_LOCAL_PART && lower.contains(local)) {
            return Optional.of(new Violation("CONTAINS_EMAIL", "The password must not contain your e-mail address."));
        }
        return Optional.empty();
    }

    record Violation(String reason, String message) {
    }
}
