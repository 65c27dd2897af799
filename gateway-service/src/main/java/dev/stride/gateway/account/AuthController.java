package dev.stride.gateway.account;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.gateway.routing.ClientIpResolver;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Public account endpoints. Blocking work (Argon2, JDBC) runs on boundedElastic. */
@RestController
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthController {

    private final AccountService accounts;
    private final Duration enumerationFloor;
    private final ClientIpResolver clientIps;

    AuthController(AccountService accounts, IdentityProperties identity, ClientIpResolver clientIps) {
        this.accounts = accounts;
        this.clientIps = clientIps;
        this.enumerationFloor = identity.enumerationFloor();
    }

    /** Always 202 {"status":"verification-pending"}: new and already-registered e-mails look the same. */
    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.Pending>> register(@Validated @RequestBody AuthRequests.Register request) {
        return atLeastFloor(blocking(() -> {
            accounts.register(request);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(AuthRequests.Pending.VERIFICATION_PENDING);
        }));
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.Tokens>> login(@Validated @RequestBody AuthRequests.Login request,
            ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        String userAgent = http.getHeaders().getFirst(HttpHeaders.USER_AGENT);
        return blocking(() -> noStore(accounts.login(request, ip, userAgent)));
    }

    @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.Tokens>> refresh(@Validated @RequestBody AuthRequests.RefreshTokenBody request) {
        return blocking(() -> noStore(accounts.refresh(request.refreshToken())));
    }

    @PostMapping(path = "/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> logout(@Validated @RequestBody AuthRequests.RefreshTokenBody request) {
        return blocking(() -> {
            accounts.logout(request.refreshToken());
            return ResponseEntity.noContent().<Void>build();
        });
    }

    @PostMapping(path = "/verify-email", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.Status>> verifyEmail(@Validated @RequestBody AuthRequests.VerifyEmail request,
            ServerHttpRequest http) {
        return verify(request.token(), http);
    }

    /** The link in the verification mail. The token is single use and never logged. */
    @GetMapping("/verify-email")
    Mono<ResponseEntity<AuthRequests.Status>> verifyEmailLink(@RequestParam(name = "token", required = false) String token,
            ServerHttpRequest http) {
        return verify(token, http);
    }

    private Mono<ResponseEntity<AuthRequests.Status>> verify(String token, ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        return blocking(() -> {
            accounts.verifyEmail(token, ip);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer")
                    .body(AuthRequests.Status.EMAIL_VERIFIED);
        });
    }

    /** Always 202 {"status":"accepted"} after at least the enumeration floor, whether or not the address has an account. */
    @PostMapping(path = "/password-reset/request", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.Status>> requestPasswordReset(
            @Validated @RequestBody AuthRequests.PasswordResetRequest request, ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        return atLeastFloor(blocking(() -> {
            accounts.requestPasswordReset(request.email(), ip);
            return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                    .body(AuthRequests.Status.ACCEPTED);
        }));
    }

    @PostMapping(path = "/password-reset/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthRequests.Status>> confirmPasswordReset(
            @Validated @RequestBody AuthRequests.PasswordResetConfirm request, ServerHttpRequest http) {
        String ip = clientIps.clientIp(http);
        return blocking(() -> {
            accounts.confirmPasswordReset(request, ip);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(AuthRequests.Status.PASSWORD_CHANGED);
        });
    }

    private static ResponseEntity<AuthRequests.Tokens> noStore(AuthRequests.Tokens tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(tokens);
    }

    /**
     * Answers (success or error) no sooner than the floor, so that the few milliseconds of extra
     * database work for a real account do not show.
     */
    private <T> Mono<T> atLeastFloor(Mono<T> work) {
        Mono<Long> floor = Mono.delay(enumerationFloor);
        return work.materialize().zipWith(floor, (signal, ignored) -> signal).dematerialize();
    }

    static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
