package dev.stride.gateway.account;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.contracts.ErrorCode;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.gateway.TimeOrderedIds;
import dev.stride.gateway.token.AccessTokenIssuer;
import dev.stride.gateway.token.RefreshTokens;
import dev.stride.gateway.web.ApiException;
import dev.stride.kit.events.EventPublisher;

/** Registration and login. Blocking (JDBC, Argon2): the controller runs it on boundedElastic. */
@Service
class AccountService {

    static final int USER_REGISTERED_VERSION = 1;

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final EmailProtector emails;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final AccessTokenIssuer accessTokens;
    private final RefreshTokens refreshTokens;

    AccountService(AccountRepository accounts, PasswordHasher hasher, CryptoProperties crypto, EventPublisher events,
            TransactionTemplate transactions, AccessTokenIssuer accessTokens, RefreshTokens refreshTokens) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.emails = new EmailProtector(crypto);
        this.events = events;
        this.transactions = transactions;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    /**
     * Creates the account and publishes {@code user-registered} in the same transaction. An e-mail
     * that is already registered is left untouched and no event is published, but the caller gets
     * the same answer (the controller's 202) after the same hashing work, so registration cannot be
     * used to find out who has an account. The owner of that address learns it by e-mail
     * (notification-service, once verification mails exist).
     */
    void register(AuthRequests.Register request) {
        String password = PasswordPolicy.normalize(request.password());
        PasswordPolicy.check(password, request.email()).ifPresent(violation -> {
            throw new ApiException(ErrorCode.WEAK_PASSWORD, violation.message(), Map.of("reason", violation.reason()),
                    HttpHeaders.EMPTY);
        });
        String email = request.email().trim();
        String hash = hasher.hash(password);
        UUID id = TimeOrderedIds.next();
        AccountRepository.NewAccount account = new AccountRepository.NewAccount(id, emails.encrypt(id, email),
                emails.index(email), request.displayName().trim(), request.locale(), request.timeZone(), hash);
        transactions.executeWithoutResult(status -> {
            if (accounts.insertIfAbsent(account)) {
                events.publish(Topics.IDENTITY_EVENTS, EventTypes.USER_REGISTERED, USER_REGISTERED_VERSION,
                        id.toString(), new UserRegistered(id, email, account.displayName(), request.locale(),
                                request.timeZone()));
            }
        });
    }

    /** Unknown e-mail and wrong password fail identically, after similar work. */
    AuthRequests.Tokens login(AuthRequests.Login request) {
        String password = PasswordPolicy.normalize(request.password());
        Optional<AccountRepository.Credentials> found = accounts.findCredentials(emails.index(request.email()));
        if (found.isEmpty()) {
            hasher.burn(password);
            throw invalidCredentials();
        }
        AccountRepository.Credentials credentials = found.get();
        if (!hasher.matches(password, credentials.passwordHash())) {
            throw invalidCredentials();
        }
        AccessTokenIssuer.IssuedToken access = accessTokens.forUser(credentials.id(), credentials.roles());
        return new AuthRequests.Tokens(access.value(), refreshTokens.issue(credentials.id()), access.expiresInSeconds(),
                "Bearer");
    }

    AuthRequests.Tokens refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken).orElseThrow(AccountService::invalidRefreshToken);
        AccessTokenIssuer.IssuedToken access = accessTokens.forUser(rotation.userId(), rotation.roles());
        return new AuthRequests.Tokens(access.value(), rotation.refreshToken(), access.expiresInSeconds(), "Bearer");
    }

    void logout(String refreshToken) {
        refreshTokens.revokeFamily(refreshToken);
    }

    private static ApiException invalidCredentials() {
        return unauthorized("Invalid e-mail or password.");
    }

    private static ApiException invalidRefreshToken() {
        return unauthorized("The refresh token is invalid, expired or revoked.");
    }

    private static ApiException unauthorized(String detail) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stride\"");
        return new ApiException(ErrorCode.UNAUTHORIZED, detail, Map.of(), headers);
    }
}
