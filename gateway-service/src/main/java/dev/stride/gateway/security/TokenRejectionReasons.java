package dev.stride.gateway.security;

import java.util.Locale;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Maps why Spring Security refused a request to one of a small fixed set of reasons (audit field
 * and metric tag; never free text, never the token).
 */
final class TokenRejectionReasons {

    static final String MISSING = "missing";
    static final String EXPIRED = "expired";
    static final String NOT_YET_VALID = "not_yet_valid";
    static final String ISSUER = "issuer";
    static final String AUDIENCE = "audience";
    static final String TYPE = "type";
    static final String SIGNATURE = "signature";
    static final String MALFORMED = "malformed";
    static final String CLAIMS = "claims";
    static final String INVALID = "invalid";
    /** Signature and claims fine, but the session was ended or the user's tokens cut off. */
    static final String REVOKED = "revoked";

    private TokenRejectionReasons() {
    }

    static String of(AuthenticationException ex) {
        if (!(ex instanceof OAuth2AuthenticationException oauth)) {
            return MISSING;
        }
        if (revoked(ex) != null) {
            return REVOKED;
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JwtValidationException validation) {
                for (OAuth2Error error : validation.getErrors()) {
                    String reason = fromDescription(error.getDescription());
                    if (reason != null) {
                        return reason;
                    }
                }
                return CLAIMS;
            }
        }
        StringBuilder messages = new StringBuilder(
                oauth.getError().getDescription() == null ? "" : oauth.getError().getDescription());
        for (Throwable t = ex; t != null; t = t.getCause()) {
            messages.append(' ').append(t.getMessage() == null ? "" : t.getMessage());
        }
        String text = messages.toString();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("signature") || lower.contains("another algorithm") || lower.contains("algorithm")
                || lower.contains("no matching key") || lower.contains("key")) {
            return SIGNATURE;
        }
        if (lower.contains("malformed") || lower.contains("parse") || lower.contains("decode")
                || lower.contains("invalid serialized") || lower.contains("unsupported")) {
            return MALFORMED;
        }
        return INVALID;
    }

    /** The revocation behind the rejection, if that is what it was. */
    static RevocationCheckingJwtDecoder.RevokedTokenException revoked(AuthenticationException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RevocationCheckingJwtDecoder.RevokedTokenException revoked) {
                return revoked;
            }
        }
        return null;
    }

    private static String fromDescription(String description) {
        if (description == null) {
            return null;
        }
        String lower = description.toLowerCase(Locale.ROOT);
        if (lower.contains("expired") || lower.contains("exp ")) {
            return EXPIRED;
        }
        if (lower.contains("before") || lower.contains("nbf") || lower.contains("iat") || lower.contains("future")) {
            return NOT_YET_VALID;
        }
        if (lower.contains("iss")) {
            return ISSUER;
        }
        if (lower.contains("aud")) {
            return AUDIENCE;
        }
        if (lower.contains("typ")) {
            return TYPE;
        }
        return null;
    }
}
