package dev.stride.kit.security;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;

/** The user a validated access token speaks for. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** @throws StrideProblemException 401 when the subject is not a user id */
    public static UUID id(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        }
        catch (RuntimeException ex) {
            throw new StrideProblemException(ErrorCode.UNAUTHORIZED, "The token does not identify a user.");
        }
    }
}
