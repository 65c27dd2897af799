package dev.stride.gateway.account;

import java.util.concurrent.Callable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Public account endpoints. Blocking work (Argon2, JDBC) runs on boundedElastic. */
@RestController
@RequestMapping(path = "/api/v1/auth", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class AuthController {

    private final AccountService accounts;

    AuthController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Always 202 {"status":"verification-pending"}: new and already-registered e-mails look the same. */
    @PostMapping("/register")
    Mono<ResponseEntity<AuthRequests.Pending>> register(@Validated @RequestBody AuthRequests.Register request) {
        return blocking(() -> {
            accounts.register(request);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(AuthRequests.Pending.VERIFICATION_PENDING);
        });
    }

    @PostMapping("/login")
    Mono<ResponseEntity<AuthRequests.Tokens>> login(@Validated @RequestBody AuthRequests.Login request) {
        return blocking(() -> noStore(accounts.login(request)));
    }

    @PostMapping("/refresh")
    Mono<ResponseEntity<AuthRequests.Tokens>> refresh(@Validated @RequestBody AuthRequests.RefreshTokenBody request) {
        return blocking(() -> noStore(accounts.refresh(request.refreshToken())));
    }

    @PostMapping("/logout")
    Mono<ResponseEntity<Void>> logout(@Validated @RequestBody AuthRequests.RefreshTokenBody request) {
        return blocking(() -> {
            accounts.logout(request.refreshToken());
            return ResponseEntity.noContent().<Void>build();
        });
    }

    private static ResponseEntity<AuthRequests.Tokens> noStore(AuthRequests.Tokens tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(tokens);
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
