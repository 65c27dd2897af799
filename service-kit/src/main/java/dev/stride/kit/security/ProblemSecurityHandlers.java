package dev.stride.kit.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.ProblemWriter;
import dev.stride.kit.web.Problems;

/**
 * 401 and 403 as problem details. Spring's bearer handlers set the status and the RFC 6750
 * {@code WWW-Authenticate} header; we add the body.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        entryPoint.commence(request, response, ex);
        ProblemWriter.write(response, Problems.of(ErrorCode.UNAUTHORIZED,
                "A valid access token is required for this resource."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        denied.handle(request, response, ex);
        ProblemWriter.write(response, Problems.of(ErrorCode.FORBIDDEN, "This token may not use this resource."));
    }
}
