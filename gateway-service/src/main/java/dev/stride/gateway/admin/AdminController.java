package dev.stride.gateway.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.gateway.routing.ClientIpResolver;

import dev.stride.contracts.ErrorCode;
import dev.stride.contracts.StrideClaims;
import dev.stride.gateway.account.AccountDirectory;
import dev.stride.gateway.audit.AuditEvents;
import dev.stride.gateway.audit.SecurityAudit;
import dev.stride.gateway.token.AccessTokenIssuer;
import dev.stride.gateway.web.ApiException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Account administration, ADMIN only. The security chain lets only tokens with the ADMIN role
 * reach these endpoints; each request then checks again against the database that the caller is
 * still an (unlocked) ADMIN with a confirmed TOTP factor, and that this token was obtained with it
 * ({@code amr} contains {@code otp}). Every action, allowed or denied, is audited.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    private final AccountDirectory directory;
    private final SecurityAudit audit;
    private final ClientIpResolver clientIps;

    AdminController(AccountDirectory directory, SecurityAudit audit, ClientIpResolver clientIps) {
        this.directory = directory;
        this.clientIps = clientIps;
        this.audit = audit;
    }

    /** Lists accounts, or finds the one with {@code email} (exact, via the blind index). */
    @GetMapping
    Mono<ResponseEntity<List<AccountDirectory.UserSummary>>> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(name = "email", required = false) @Size(max = 254) String email,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size, ServerHttpRequest http) {
        return admin(jwt, http, AuditEvents.ADMIN_LIST_USERS, null, actor -> {
            List<AccountDirectory.UserSummary> users = email == null || email.isBlank() ? directory.list(page, size)
                    : directory.findByEmail(email).map(List::of).orElse(List.of());
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(users);
        });
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<AccountDirectory.UserSummary>> get(@AuthenticationPrincipal Jwt jwt, @PathVariable("id") UUID id,
            ServerHttpRequest http) {
        return admin(jwt, http, AuditEvents.ADMIN_LIST_USERS, id, actor -> ResponseEntity.ok()
                .cacheControl(CacheControl.noStore()).body(directory.find(id).orElseThrow(AdminController::notFound)));
    }

    @PostMapping("/{id}/lock")
    Mono<ResponseEntity<AccountDirectory.UserSummary>> lock(@AuthenticationPrincipal Jwt jwt, @PathVariable("id") UUID id,
            ServerHttpRequest http) {
        return admin(jwt, http, AuditEvents.ADMIN_LOCK, id, actor -> {
            if (actor.equals(id)) {
                throw new ApiException(ErrorCode.CONFLICT, "Administrators cannot lock themselves.",
                        Map.of("reason", "SELF_LOCK"), HttpHeaders.EMPTY);
            }
            if (!directory.lock(id)) {
                throw notFound();
            }
            return ResponseEntity.ok().body(directory.find(id).orElseThrow(AdminController::notFound));
        });
    }

    @PostMapping("/{id}/unlock")
    Mono<ResponseEntity<AccountDirectory.UserSummary>> unlock(@AuthenticationPrincipal Jwt jwt, @PathVariable("id") UUID id,
            ServerHttpRequest http) {
        return admin(jwt, http, AuditEvents.ADMIN_UNLOCK, id, actor -> {
            if (!directory.unlock(id)) {
                throw notFound();
            }
            return ResponseEntity.ok().body(directory.find(id).orElseThrow(AdminController::notFound));
        });
    }

    @PutMapping(path = "/{id}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AccountDirectory.UserSummary>> roles(@AuthenticationPrincipal Jwt jwt, @PathVariable("id") UUID id,
            @Validated @RequestBody RolesBody body, ServerHttpRequest http) {
        return admin(jwt, http, AuditEvents.ADMIN_ROLES, id, actor -> {
            if (!directory.setRoles(id, body.roles())) {
                throw notFound();
            }
            return ResponseEntity.ok().body(directory.find(id).orElseThrow(AdminController::notFound));
        });
    }

    @DeleteMapping("/{id}/sessions")
    Mono<ResponseEntity<Void>> revokeSessions(@AuthenticationPrincipal Jwt jwt, @PathVariable("id") UUID id,
            ServerHttpRequest http) {
        return admin(jwt, http, AuditEvents.ADMIN_REVOKE_SESSIONS, id, actor -> {
            if (directory.find(id).isEmpty()) {
                throw notFound();
            }
            directory.revokeSessions(id);
            return ResponseEntity.noContent().<Void>build();
        });
    }

    record RolesBody(@NotNull @Size(max = 3) Set<@NotNull String> roles) {
    }

    private <T> Mono<T> admin(Jwt jwt, ServerHttpRequest http, String event, UUID target, AdminAction<T> action) {
        String ip = clientIps.clientIp(http);
        UUID actor = UUID.fromString(jwt.getSubject());
        Callable<T> work = () -> {
            requireAdmin(jwt, actor, target, ip, event);
            try {
                T result = action.apply(actor);
                audit.admin(event, actor, target, ip, SecurityAudit.Outcome.SUCCESS, null);
                return result;
            }
            catch (ApiException ex) {
                audit.admin(event, actor, target, ip, SecurityAudit.Outcome.FAILURE, ex.code().name().toLowerCase());
                throw ex;
            }
        };
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    private void requireAdmin(Jwt jwt, UUID actor, UUID target, String ip, String event) {
        List<String> roles = jwt.getClaimAsStringList(StrideClaims.ROLES);
        AccountDirectory.AdminStanding standing = roles != null && roles.contains(StrideClaims.ROLE_ADMIN)
                ? directory.adminStanding(actor) : AccountDirectory.AdminStanding.NOT_ADMIN;
        String reason = switch (standing) {
            case NOT_ADMIN -> "NOT_ADMIN";
            case MFA_ENROLMENT_REQUIRED -> "MFA_ENROLMENT_REQUIRED";
            case READY -> {
                List<String> amr = jwt.getClaimAsStringList(AccessTokenIssuer.AMR);
                yield amr != null && amr.contains("otp") ? null : "MFA_REQUIRED";
            }
        };
        if (reason != null) {
            audit.admin(AuditEvents.ADMIN_DENIED, actor, target, ip, SecurityAudit.Outcome.FAILURE,
                    reason.toLowerCase());
            String detail = switch (reason) {
                case "MFA_ENROLMENT_REQUIRED" -> "Administrators must enrol a TOTP second factor first.";
                case "MFA_REQUIRED" -> "Sign in again with your second factor to use administration.";
                default -> "The access token does not grant this operation.";
            };
            throw new ApiException(ErrorCode.FORBIDDEN, detail, Map.of("reason", reason), HttpHeaders.EMPTY);
        }
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "No such user.");
    }

    @FunctionalInterface
    private interface AdminAction<T> {
        T apply(UUID actor);
    }
}
