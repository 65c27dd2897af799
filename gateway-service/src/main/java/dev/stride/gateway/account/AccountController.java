package dev.stride.gateway.account;

import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.gateway.routing.ClientIpResolver;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.token.AccessTokenIssuer;
import dev.stride.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * Endpoints of the signed-in user (a valid user access token; the security chain enforces it):
 * language and time zone, password and e-mail change, sessions, TOTP, deletion and data export.
 */
@RestController
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

    private final AccountService accounts;
    private final ClientIpResolver clientIps;

    AccountController(AccountService accounts, ClientIpResolver clientIps) {
        this.accounts = accounts;
        this.clientIps = clientIps;
    }

    @PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.Status>> changePassword(@AuthenticationPrincipal Jwt jwt,
            @Validated @RequestBody AuthRequests.ChangePassword request, ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        return AuthController.blocking(() -> {
            accounts.changePassword(userId(jwt), sessionId(jwt), request, ip);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(AuthRequests.Status.PASSWORD_CHANGED);
        });
    }

    /** 202: the new address must be verified before it replaces the current one. */
    @PostMapping(path = "/email", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.Pending>> changeEmail(@AuthenticationPrincipal Jwt jwt,
            @Validated @RequestBody AuthRequests.ChangeEmail request, ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        return AuthController.blocking(() -> {
            accounts.requestEmailChange(userId(jwt), request, ip);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(AuthRequests.Pending.VERIFICATION_PENDING);
        });
    }

    @GetMapping("/account")
    Mono<ResponseEntity<AuthRequests.AccountSettings>> settings(@AuthenticationPrincipal Jwt jwt) {
        return AuthController.blocking(() -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(accounts.settings(userId(jwt))));
    }

    /** Language and/or time zone; answers the values now held. */
    @PatchMapping(path = "/account", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.AccountSettings>> changeSettings(@AuthenticationPrincipal Jwt jwt,
            @Validated @RequestBody AuthRequests.ChangeSettings request) {
        return AuthController.blocking(() -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(accounts.changeSettings(userId(jwt), request)));
    }

    @DeleteMapping(path = "/account", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> deleteAccount(@AuthenticationPrincipal Jwt jwt,
            @Validated @RequestBody AuthRequests.Reauthenticate request, ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        return AuthController.blocking(() -> {
            accounts.deleteAccount(userId(jwt), request, ip);
            return ResponseEntity.noContent().<Void>build();
        });
    }

    @PostMapping("/export")
    Mono<ResponseEntity<AuthRequests.ExportAccepted>> export(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        return AuthController.blocking(() -> ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new AuthRequests.ExportAccepted("accepted", accounts.requestExport(userId(jwt), ip))));
    }

    @GetMapping("/sessions")
    Mono<ResponseEntity<List<AuthRequests.SessionView>>> sessions(@AuthenticationPrincipal Jwt jwt) {
        return AuthController.blocking(() -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(accounts.sessions(userId(jwt), sessionId(jwt))));
    }

    @DeleteMapping("/sessions/{id}")
    Mono<ResponseEntity<Void>> revokeSession(@AuthenticationPrincipal Jwt jwt, @PathVariable("id") UUID id,
            ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        return AuthController.blocking(() -> {
            accounts.revokeSession(userId(jwt), id, ip);
            return ResponseEntity.noContent().<Void>build();
        });
    }

    /** Starts TOTP enrolment (current password required): the secret and its otpauth URI, shown once. */
    @PostMapping(path = "/totp/enrolment", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.TotpEnrolment>> startTotp(@AuthenticationPrincipal Jwt jwt,
            @Validated @RequestBody AuthRequests.Reauthenticate request, ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        return AuthController.blocking(() -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(accounts.startTotpEnrolment(userId(jwt), request, ip)));
    }

    /** Confirms enrolment with a code from the app; answers the 10 recovery codes, shown once. */
    @PostMapping(path = "/totp/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.RecoveryCodes>> confirmTotp(@AuthenticationPrincipal Jwt jwt,
            @Validated @RequestBody AuthRequests.TotpConfirm request, ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        return AuthController.blocking(() -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new AuthRequests.RecoveryCodes(accounts.confirmTotp(userId(jwt), request.code(), ip))));
    }

    static UUID userId(Jwt jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        }
        catch (RuntimeException ex) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The access token does not name a user.");
        }
    }

    static UUID sessionId(Jwt jwt) {
        String sid = jwt.getClaimAsString(AccessTokenIssuer.SESSION_ID);
        try {
            return sid == null ? null : UUID.fromString(sid);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
