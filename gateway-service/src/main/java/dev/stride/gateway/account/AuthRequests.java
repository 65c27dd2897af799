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

    record Login(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {

        Login {
            email = email == null ? null : email.strip();
        }
    }

    record RefreshTokenBody(@NotBlank @Size(max = 256) String refreshToken) {
    }

    record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {
    }

    record Pending(String status) {
        static final Pending VERIFICATION_PENDING = new Pending("verification-pending");
    }
}
