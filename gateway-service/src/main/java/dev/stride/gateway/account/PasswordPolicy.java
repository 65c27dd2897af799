package dev.stride.gateway.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Password rules (NIST SP 800-63B-4 / ASVS 5.0 V6: length, no composition rules): NFKC-normalized,
 * 12 to 128 code points (15+ for ADMIN), not a common or breached password ({@link CommonPasswords},
 * loaded once when the application starts), not containing the e-mail local part (when it has at
 * least 3 characters, shorter ones would reject too many passwords for no gain) or the service name.
 * Applied at registration, password change, password reset and the bootstrap of the first admin.
 */
@Component
class PasswordPolicy {

    private static final Logger log = LoggerFactory.getLogger(PasswordPolicy.class);

    static final int MIN_CODE_POINTS = 12;
    static final int MIN_CODE_POINTS_ADMIN = 15;
    static final int MAX_CODE_POINTS = 128;
    private static final int MIN_LOCAL_PART = 3;

    private final CommonPasswords common;

    PasswordPolicy() {
        this(loadDictionary());
    }

    PasswordPolicy(CommonPasswords common) {
        this.common = common;
    }

    private static CommonPasswords loadDictionary() {
        long started = System.nanoTime();
        CommonPasswords common = CommonPasswords.load();
        log.info("common-password dictionary: {} entries, {} KiB on the heap, loaded in {} ms", common.size(),
                common.heapBytes() / 1024, (System.nanoTime() - started) / 1_000_000);
        return common;
    }

    static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** @return why the password is refused, or empty if it is acceptable */
    Optional<Violation> check(String normalizedPassword, String email) {
        return check(normalizedPassword, email, false);
    }

    /** As {@link #check(String, String)}; an ADMIN account needs at least {@value #MIN_CODE_POINTS_ADMIN} characters. */
    Optional<Violation> check(String normalizedPassword, String email, boolean admin) {
        int length = normalizedPassword.codePointCount(0, normalizedPassword.length());
        int min = admin ? MIN_CODE_POINTS_ADMIN : MIN_CODE_POINTS;
        if (length < min) {
            return Optional.of(new Violation("TOO_SHORT", "The password must have at least " + min + " characters."));
        }
        if (length > MAX_CODE_POINTS) {
            return Optional.of(new Violation("TOO_LONG", "The password must have at most " + MAX_CODE_POINTS + " characters."));
        }
        if (common.matches(normalizedPassword)) {
            return Optional.of(new Violation("COMMON_PASSWORD",
                    "The password is on a list of common or breached passwords; choose one that is not."));
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
