package dev.stride.gateway.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of {@code /api/v1/auth/**}. */
final class AuthRequests {

    private AuthRequests() {
    }

    record Register(
            @NotBlank @Email @Size(max = 254) String email,
            // Upper bound before normalization only caps work; the policy enforces 12..128 code points.
            @NotNull @Size(max = 1024) String password,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String displayName,
            @NotNull @Pattern(regexp = "ru|en", message = "must be ru or en") String locale,
            @NotNull @TimeZoneId String timeZone) {

        Register {
            email = email == null ? null : email.strip();
        }
    }

    /** {@code totpCode}: a 6-digit code or a recovery code; required once TOTP is enrolled. */
    record Login(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password,
            @Size(max = 64) String totpCode) {

        Login(String email, String password) {
            this(email, password, null);
        }

        Login {
            email = email == null ? null : email.strip();
        }
    }

    record VerifyEmail(@NotBlank @Size(max = 128) String token) {
    }

    record PasswordResetRequest(@NotBlank @Size(max = 254) String email) {

        PasswordResetRequest {
            email = email == null ? null : email.strip();
        }
    }

    record PasswordResetConfirm(@NotBlank @Size(max = 128) String token, @NotNull @Size(max = 1024) String newPassword) {
    }

    record ChangePassword(@NotNull @Size(max = 1024) String currentPassword, @NotNull @Size(max = 1024) String newPassword) {
    }

    record ChangeEmail(@NotNull @Size(max = 1024) String currentPassword, @NotBlank @Email @Size(max = 254) String newEmail) {

        ChangeEmail {
            newEmail = newEmail == null ? null : newEmail.strip();
        }
    }

    /**
     * The account's language and time zone; an absent field stays as it is. Validated like at
     * registration, so the projections never receive a value they would have to refuse.
     */
    record ChangeSettings(@Pattern(regexp = "ru|en", message = "must be ru or en") String locale,
            @TimeZoneId String timeZone) {
    }

    /** What {@code GET} and {@code PATCH /api/v1/auth/account} answer. */
    record AccountSettings(String locale, String timeZone, boolean emailVerified) {
    }

    /** Re-authentication for sensitive operations; {@code totpCode} when TOTP is enrolled. */
    record Reauthenticate(@NotNull @Size(max = 1024) String password, @Size(max = 64) String totpCode) {
    }

    record TotpConfirm(@NotBlank @Size(max = 16) String code) {
    }

    record TotpEnrolment(String secret, String otpauthUri) {
    }

    record RecoveryCodes(java.util.List<String> recoveryCodes) {
    }

    record Status(String status) {
        static final Status ACCEPTED = new Status("accepted");
        static final Status EMAIL_VERIFIED = new Status("email-verified");
        static final Status PASSWORD_CHANGED = new Status("password-changed");
    }

    record ExportAccepted(String status, java.util.UUID requestId) {
    }

    record SessionView(java.util.UUID id, java.time.Instant createdAt, java.time.Instant lastUsedAt, String userAgent,
            boolean secondFactor, boolean current) {
    }

    record RefreshTokenBody(@NotBlank @Size(max = 256) String refreshToken) {
    }

    record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {
    }

    record Pending(String status) {
        static final Pending VERIFICATION_PENDING = new Pending("verification-pending");
    }
}
