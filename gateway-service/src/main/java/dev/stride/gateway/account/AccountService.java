package dev.stride.gateway.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.contracts.ErrorCode;
import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.AccountSettingsChanged;
import dev.stride.contracts.payload.DataExportRequested;
import dev.stride.contracts.payload.EmailChanged;
import dev.stride.contracts.payload.EmailVerified;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.gateway.audit.AuditEvents;
import dev.stride.gateway.audit.SecurityAudit;
import dev.stride.gateway.security.SecurityProperties;
import dev.stride.gateway.token.AccessTokenIssuer;
import dev.stride.gateway.token.RefreshTokens;
import dev.stride.gateway.web.ApiException;
import dev.stride.kit.events.EventPublisher;
import dev.stride.kit.ids.TimeOrderedIds;

/**
 * Registration, login, sessions and the account flows (verification, reset, password and e-mail
 * change, TOTP, deletion, export). Blocking (JDBC, Argon2): the controllers run it on boundedElastic.
 *
 * <p>Every state change and the events/mails it causes are written in one transaction (outbox).
 * Failures that could reveal whether an address has an account (unknown, wrong password, locked)
 * answer identically after the same Argon2 work.
 */
@Service
class AccountService {

    static final int USER_REGISTERED_VERSION = 1;
    static final int EVENT_VERSION = 1;

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final EmailProtector emails;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final AccessTokenIssuer accessTokens;
    private final RefreshTokens refreshTokens;
    private final OneTimeTokens oneTimeTokens;
    private final IdentityNotifications notifications;
    private final IdentityProperties identity;
    private final LoginThrottle throttle;
    private final Totp totp;
    private final SecurityAudit audit;
    private final String publicBaseUrl;
    private final String passwordResetUrl;

    AccountService(AccountRepository accounts, PasswordHasher hasher, PasswordPolicy passwordPolicy,
            CryptoProperties crypto, EventPublisher events, TransactionTemplate transactions,
            AccessTokenIssuer accessTokens, RefreshTokens refreshTokens, OneTimeTokens oneTimeTokens,
            IdentityNotifications notifications, IdentityProperties identity, LoginThrottle throttle, Totp totp,
            SecurityAudit audit, SecurityProperties security) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.emails = new EmailProtector(crypto);
        this.events = events;
        this.transactions = transactions;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.oneTimeTokens = oneTimeTokens;
        this.notifications = notifications;
        this.identity = identity;
        this.throttle = throttle;
        this.totp = totp;
        this.audit = audit;
        this.publicBaseUrl = security.publicBaseUrl();
        this.passwordResetUrl = identity.passwordResetUrl() == null || identity.passwordResetUrl().isBlank()
                ? publicBaseUrl + "/reset-password" : identity.passwordResetUrl();
    }

    // ---------------------------------------------------------------- registration and verification

    /**
     * Creates the account and, in the same transaction, publishes {@code user-registered} and asks
     * for the verification mail. An e-mail that is already registered is left untouched and the
     * caller gets the same answer (the controller's 202, after the same hashing work); the owner
     * of that address gets a new verification link (unverified) or a password-reset link
     * (verified), at most once per {@code mail-resend-interval}.
     */
    void register(AuthRequests.Register request) {
        String password = PasswordPolicy.normalize(request.password());
        passwordPolicy.check(password, request.email()).ifPresent(violation -> {
            throw weakPassword(violation);
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
                sendVerification(id, account.displayName());
            }
            else {
                accounts.findByEmailIndex(account.emailIndex()).ifPresent(this::noticeToExistingOwner);
            }
        });
    }

    private void noticeToExistingOwner(AccountRepository.Account existing) {
        if (existing.emailVerifiedAt() == null) {
            if (!oneTimeTokens.issuedWithin(existing.id(), OneTimeTokens.Purpose.EMAIL_VERIFICATION,
                    identity.mailResendInterval())) {
                sendVerification(existing.id(), existing.displayName());
            }
        }
        else if (!oneTimeTokens.issuedWithin(existing.id(), OneTimeTokens.Purpose.PASSWORD_RESET,
                identity.mailResendInterval())) {
            sendPasswordReset(existing, "registration-attempt");
        }
    }

    private void sendVerification(UUID userId, String displayName) {
        OneTimeTokens.Issued token = oneTimeTokens.issue(userId, OneTimeTokens.Purpose.EMAIL_VERIFICATION,
                identity.verificationTtl());
        notifications.request(userId, IdentityNotifications.EMAIL_VERIFICATION,
                Map.of(NotificationTemplates.NAME, displayName, NotificationTemplates.VERIFICATION_URL, verificationLink(token.token())),
                "email-verification:" + token.id());
    }

    private String verificationLink(String token) {
        return publicBaseUrl + "/api/v1/auth/verify-email?token=" + token;
    }

    /** Redeems a verification link: marks the address verified, or completes an e-mail change. */
    void verifyEmail(String token, String ip) {
        UUID userId = transactions.execute(status -> {
            OneTimeTokens.Token used = oneTimeTokens.redeem(token, OneTimeTokens.Purpose.EMAIL_VERIFICATION,
                    OneTimeTokens.Purpose.EMAIL_CHANGE).orElseThrow(AccountService::invalidLink);
            if (used.purpose() == OneTimeTokens.Purpose.EMAIL_VERIFICATION) {
                if (accounts.markEmailVerified(used.userId())) {
                    events.publish(Topics.IDENTITY_EVENTS, EventTypes.EMAIL_VERIFIED, EVENT_VERSION,
                            used.userId().toString(), new EmailVerified(used.userId()));
                }
                return used.userId();
            }
            String newEmail = emails.decrypt(used.userId(), used.emailCiphertext());
            boolean changed;
            try {
                changed = accounts.changeEmail(used.userId(), used.emailCiphertext(), used.emailIndex());
            }
            catch (DuplicateKeyException ex) {
                changed = false;
            }
            if (!changed) {
                status.setRollbackOnly();
                audit.failure(AuditEvents.EMAIL_CHANGE, used.userId(), ip, "address_taken");
                throw invalidLink();
            }
            oneTimeTokens.voidAll(used.userId(), OneTimeTokens.Purpose.EMAIL_CHANGE);
            events.publish(Topics.IDENTITY_EVENTS, EventTypes.EMAIL_CHANGED, EVENT_VERSION, used.userId().toString(),
                    new EmailChanged(used.userId(), newEmail));
            audit.success(AuditEvents.EMAIL_CHANGE, used.userId(), ip);
            return used.userId();
        });
        audit.success(AuditEvents.EMAIL_VERIFY, userId, ip);
    }

    // ---------------------------------------------------------------- login, refresh, logout

    /**
     * Unknown e-mail, wrong password and a locked account fail identically, after similar work.
     * Consecutive failures are counted per account (progressive delay, then a soft lock that only
     * a password reset lifts) and per client IP.
     */
    AuthRequests.Tokens login(AuthRequests.Login request, String ip, String userAgent) {
        // stamped before the checks, so that a lock or password change committed while they run has a later cutoff
        Instant issuedAt = Instant.now();
        if (throttle.blocked(ip)) {
            audit.failure(AuditEvents.LOGIN_THROTTLED_IP, null, ip, "ip_failures");
            throw throttle.rejection();
        }
        String password = PasswordPolicy.normalize(request.password());
        Optional<AccountRepository.Account> found = accounts.findByEmailIndex(emails.index(request.email()));
        if (found.isEmpty()) {
            hasher.burn(password);
            throttle.failed(ip);
            audit.failure(AuditEvents.LOGIN, null, ip, "unknown_account");
            throw invalidCredentials();
        }
        AccountRepository.Account account = found.get();
        if (account.lockedAt(Instant.now())) {
            hasher.burn(password);
            throttle.failed(ip);
            audit.failure(AuditEvents.LOGIN, account.id(), ip, "locked");
            throw invalidCredentials();
        }
        if (!hasher.matches(password, account.passwordHash())) {
            recordFailure(account.id(), ip, "bad_password");
            throw invalidCredentials();
        }
        boolean secondFactor = false;
        if (account.totpEnabled()) {
            if (!secondFactor(account, request.totpCode(), ip)) {
                recordFailure(account.id(), ip, request.totpCode() == null ? "mfa_missing" : "bad_mfa");
                throw secondFactorRequired();
            }
            secondFactor = true;
        }
        accounts.clearFailures(account.id());
        RefreshTokens.NewSession session = refreshTokens.issue(account.id(), userAgent, secondFactor);
        AccessTokenIssuer.IssuedToken access = accessTokens.forUser(account.id(), account.roles(), session.familyId(),
                secondFactor, issuedAt);
        audit.success(AuditEvents.LOGIN, account.id(), ip);
        return new AuthRequests.Tokens(access.value(), session.refreshToken(), access.expiresInSeconds(), "Bearer");
    }

    private boolean secondFactor(AccountRepository.Account account, String code, String ip) {
        if (code == null || account.totpSecretCiphertext() == null) {
            return false;
        }
        if (Totp.looksLikeRecoveryCode(code)) {
            boolean redeemed = totp.redeemRecoveryCode(account.id(), code);
            if (redeemed) {
                audit.success(AuditEvents.MFA_RECOVERY_CODE_USED, account.id(), ip);
            }
            return redeemed;
        }
        return totp.verifyAndConsume(account.id(), totpSecret(account), code);
    }

    private String totpSecret(AccountRepository.Account account) {
        return new String(emails.decryptField(account.id(), Totp.SECRET_FIELD, account.totpSecretCiphertext()),
                StandardCharsets.US_ASCII);
    }

    private void recordFailure(UUID userId, String ip, String reason) {
        throttle.failed(ip);
        AccountRepository.Failures failures = accounts.recordFailure(userId, identity.lockoutThreshold(),
                identity.lockoutMaxDelay(), identity.softLockThreshold());
        audit.failure(AuditEvents.LOGIN, userId, ip, reason);
        if (failures.softLocked() && failures.count() == identity.softLockThreshold()) {
            audit.failure(AuditEvents.LOGIN_LOCKED, userId, ip, "soft_lock");
        }
        else if (failures.count() >= identity.lockoutThreshold() && !failures.softLocked()) {
            audit.failure(AuditEvents.LOGIN_LOCKED, userId, ip, "progressive_delay");
        }
    }

    AuthRequests.Tokens refresh(String refreshToken) {
        Instant issuedAt = Instant.now();
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken).orElseThrow(AccountService::invalidRefreshToken);
        AccessTokenIssuer.IssuedToken access = accessTokens.forUser(rotation.userId(), rotation.roles(),
                rotation.familyId(), rotation.mfa(), issuedAt);
        return new AuthRequests.Tokens(access.value(), rotation.refreshToken(), access.expiresInSeconds(), "Bearer");
    }

    void logout(String refreshToken) {
        refreshTokens.revokeFamily(refreshToken);
    }

    // ---------------------------------------------------------------- password reset

    /** Always the same outcome for the caller; a real account gets a 30-minute single-use link. */
    void requestPasswordReset(String email, String ip) {
        byte[] index = emails.index(email);
        Optional<UUID> userId = transactions.execute(status -> accounts.findByEmailIndex(index).map(account -> {
            if (account.adminLockedAt() == null && !oneTimeTokens.issuedWithin(account.id(),
                    OneTimeTokens.Purpose.PASSWORD_RESET, identity.mailResendInterval())) {
                sendPasswordReset(account, "requested");
            }
            return account.id();
        }));
        audit.success(AuditEvents.PASSWORD_RESET_REQUEST, userId.orElse(null), ip);
    }

    private void sendPasswordReset(AccountRepository.Account account, String reason) {
        OneTimeTokens.Issued token = oneTimeTokens.issue(account.id(), OneTimeTokens.Purpose.PASSWORD_RESET,
                identity.passwordResetTtl());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(NotificationTemplates.NAME, account.displayName());
        parameters.put(NotificationTemplates.RESET_URL, passwordResetUrl + "?token=" + token.token());
        parameters.put("expiresInMinutes", Long.toString(identity.passwordResetTtl().toMinutes()));
        parameters.put("reason", reason);
        notifications.request(account.id(), IdentityNotifications.PASSWORD_RESET, parameters,
                "password-reset:" + token.id());
    }

    /**
     * Sets a new password with a reset link: policy first (a refused password leaves the link
     * usable), then in one transaction the link is used up, the hash replaced, throttling and the
     * soft lock lifted, every session ended and the owner told.
     */
    void confirmPasswordReset(AuthRequests.PasswordResetConfirm request, String ip) {
        OneTimeTokens.Token token = oneTimeTokens.peek(request.token(), OneTimeTokens.Purpose.PASSWORD_RESET)
                .orElseThrow(AccountService::invalidLink);
        AccountRepository.Account account = accounts.findById(token.userId()).orElseThrow(AccountService::invalidLink);
        String hash = checkedNewPassword(account, request.newPassword());
        transactions.executeWithoutResult(status -> {
            OneTimeTokens.Token used = oneTimeTokens.redeem(request.token(), OneTimeTokens.Purpose.PASSWORD_RESET)
                    .filter(redeemed -> redeemed.userId().equals(account.id()))
                    .orElseThrow(AccountService::invalidLink);
            accounts.updatePassword(account.id(), hash);
            oneTimeTokens.voidAll(account.id(), OneTimeTokens.Purpose.PASSWORD_RESET);
            refreshTokens.revokeAll(account.id(), null);
            notifications.request(account.id(), IdentityNotifications.PASSWORD_CHANGED,
                    Map.of(NotificationTemplates.NAME, account.displayName()), "password-changed:" + used.id());
        });
        audit.success(AuditEvents.PASSWORD_RESET, account.id(), ip);
    }

    private String checkedNewPassword(AccountRepository.Account account, String newPassword) {
        String password = PasswordPolicy.normalize(newPassword);
        String email = emails.decrypt(account.id(), account.emailCiphertext());
        passwordPolicy.check(password, email, account.isAdmin()).ifPresent(violation -> {
            throw weakPassword(violation);
        });
        return hasher.hash(password);
    }

    // ---------------------------------------------------------------- authenticated account changes

    /**
     * Current password required; every other session ends, every access token issued so far is
     * refused (this session's client refreshes once); the owner is told.
     */
    void changePassword(UUID userId, UUID sessionId, AuthRequests.ChangePassword request, String ip) {
        AccountRepository.Account account = reauthenticate(userId, request.currentPassword(), null, false, ip,
                AuditEvents.PASSWORD_CHANGE);
        String hash = checkedNewPassword(account, request.newPassword());
        transactions.executeWithoutResult(status -> {
            accounts.updatePassword(userId, hash);
            oneTimeTokens.voidAll(userId, OneTimeTokens.Purpose.PASSWORD_RESET);
            refreshTokens.revokeAll(userId, sessionId);
            notifications.request(userId, IdentityNotifications.PASSWORD_CHANGED,
                    Map.of(NotificationTemplates.NAME, account.displayName()), "password-changed:" + TimeOrderedIds.next());
        });
        audit.success(AuditEvents.PASSWORD_CHANGE, userId, ip);
    }

    /**
     * Starts an address change: the new address gets a verification link (parameter
     * {@value IdentityNotifications#TO_ADDRESS}), the current one a notice. The account keeps its
     * address (and blind index) until the link is used. An address that belongs to another
     * account gets nothing, and the caller cannot tell.
     */
    void requestEmailChange(UUID userId, AuthRequests.ChangeEmail request, String ip) {
        AccountRepository.Account account = reauthenticate(userId, request.currentPassword(), null, false, ip,
                AuditEvents.EMAIL_CHANGE_REQUEST);
        String newEmail = request.newEmail().trim();
        byte[] index = emails.index(newEmail);
        transactions.executeWithoutResult(status -> {
            if (accounts.existsByEmailIndex(index)) {
                return;
            }
            oneTimeTokens.voidAll(userId, OneTimeTokens.Purpose.EMAIL_CHANGE);
            OneTimeTokens.Issued token = oneTimeTokens.issue(userId, OneTimeTokens.Purpose.EMAIL_CHANGE,
                    identity.verificationTtl(), emails.encrypt(userId, newEmail), index);
            notifications.request(userId, IdentityNotifications.EMAIL_VERIFICATION,
                    Map.of(NotificationTemplates.NAME, account.displayName(), NotificationTemplates.VERIFICATION_URL,
                            verificationLink(token.token()),
                            IdentityNotifications.TO_ADDRESS, newEmail),
                    "email-change-verification:" + token.id());
            notifications.request(userId, IdentityNotifications.EMAIL_CHANGED,
                    Map.of(NotificationTemplates.NAME, account.displayName()), "email-change-notice:" + token.id());
        });
        audit.success(AuditEvents.EMAIL_CHANGE_REQUEST, userId, ip);
    }

    AuthRequests.AccountSettings settings(UUID userId) {
        AccountRepository.Account account = accounts.findById(userId).orElseThrow(AccountService::accountGone);
        return new AuthRequests.AccountSettings(account.locale(), account.timeZone(), account.emailVerifiedAt() != null);
    }

    /**
     * Language and time zone need no re-authentication (they decide only how and when mail is
     * written). A real change publishes {@code account-settings-changed} with both current values
     * in the same transaction; a request that changes nothing publishes nothing.
     */
    AuthRequests.AccountSettings changeSettings(UUID userId, AuthRequests.ChangeSettings request) {
        return transactions.execute(status -> accounts.changeSettings(userId, request.locale(), request.timeZone())
                .map(changed -> {
                    events.publish(Topics.IDENTITY_EVENTS, EventTypes.ACCOUNT_SETTINGS_CHANGED, EVENT_VERSION,
                            userId.toString(), new AccountSettingsChanged(userId, changed.locale(), changed.timeZone(),
                                    changed.changedAt()));
                    return new AuthRequests.AccountSettings(changed.locale(), changed.timeZone(), changed.emailVerified());
                })
                .orElseGet(() -> settings(userId)));
    }

    /** Re-authentication (and the second factor when enrolled); then the account and its tokens are gone. */
    void deleteAccount(UUID userId, AuthRequests.Reauthenticate request, String ip) {
        reauthenticate(userId, request.password(), request.totpCode(), true, ip, AuditEvents.ACCOUNT_DELETE);
        transactions.executeWithoutResult(status -> {
            AccountRepository.Account account = accounts.findById(userId).orElseThrow(AccountService::accountGone);
            if (account.isAdmin() && accounts.countAdmins() <= 1) {
                throw new ApiException(ErrorCode.CONFLICT, "The last administrator cannot delete their account.",
                        Map.of("reason", "LAST_ADMIN"), HttpHeaders.EMPTY);
            }
            // ends the access tokens too; the refresh tokens, one-time tokens and recovery codes then go
            // with the row (ON DELETE CASCADE)
            refreshTokens.revokeAll(userId, null);
            accounts.delete(userId);
            events.publish(Topics.IDENTITY_EVENTS, EventTypes.USER_DELETED, EVENT_VERSION, userId.toString(),
                    new UserDeleted(userId));
        });
        audit.success(AuditEvents.ACCOUNT_DELETE, userId, ip);
    }

    UUID requestExport(UUID userId, String ip) {
        UUID requestId = TimeOrderedIds.next();
        transactions.executeWithoutResult(status -> {
            accounts.findById(userId).orElseThrow(AccountService::accountGone);
            events.publish(Topics.IDENTITY_EVENTS, EventTypes.DATA_EXPORT_REQUESTED, EVENT_VERSION, userId.toString(),
                    new DataExportRequested(userId, requestId, Instant.now()));
        });
        audit.success(AuditEvents.DATA_EXPORT, userId, ip);
        return requestId;
    }

    // ---------------------------------------------------------------- sessions

    List<AuthRequests.SessionView> sessions(UUID userId, UUID currentSession) {
        return refreshTokens.sessions(userId).stream()
                .map(s -> new AuthRequests.SessionView(s.id(), s.createdAt(), s.lastUsedAt(), s.userAgent(), s.mfa(),
                        s.id().equals(currentSession)))
                .toList();
    }

    void revokeSession(UUID userId, UUID sessionId, String ip) {
        if (!refreshTokens.revokeSession(userId, sessionId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such session.");
        }
        audit.success(AuditEvents.SESSION_REVOKE, userId, ip);
    }

    // ---------------------------------------------------------------- TOTP

    /** Current password required. Stores a new (not yet active) secret and returns it with its otpauth URI. */
    AuthRequests.TotpEnrolment startTotpEnrolment(UUID userId, AuthRequests.Reauthenticate request, String ip) {
        AccountRepository.Account account = reauthenticate(userId, request.password(), null, false, ip,
                AuditEvents.MFA_ENROL);
        if (account.totpEnabled()) {
            throw new ApiException(ErrorCode.CONFLICT, "A second factor is already enrolled.",
                    Map.of("reason", "TOTP_ALREADY_ENROLLED"), HttpHeaders.EMPTY);
        }
        String secret = totp.newSecret();
        accounts.storeTotpSecret(userId,
                emails.encryptField(userId, Totp.SECRET_FIELD, secret.getBytes(StandardCharsets.US_ASCII)));
        String label = emails.decrypt(userId, account.emailCiphertext());
        return new AuthRequests.TotpEnrolment(secret, totp.otpauthUri(secret, label));
    }

    /** A code from the app activates TOTP; returns the 10 recovery codes (shown only now). */
    List<String> confirmTotp(UUID userId, String code, String ip) {
        List<String> codes = transactions.execute(status -> {
            AccountRepository.Account account = accounts.findById(userId).orElseThrow(AccountService::accountGone);
            if (account.totpEnabled() || account.totpSecretCiphertext() == null) {
                throw new ApiException(ErrorCode.CONFLICT, "There is no pending enrolment.",
                        Map.of("reason", "NO_PENDING_ENROLMENT"), HttpHeaders.EMPTY);
            }
            if (!totp.verifyAndConsume(userId, totpSecret(account), code) || !accounts.enableTotp(userId)) {
                status.setRollbackOnly();
                return null;
            }
            return totp.newRecoveryCodes(userId);
        });
        if (codes == null) {
            audit.failure(AuditEvents.MFA_ENROL, userId, ip, "bad_code");
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The code is not valid.", Map.of("reason", "INVALID_CODE"),
                    HttpHeaders.EMPTY);
        }
        audit.success(AuditEvents.MFA_ENROL, userId, ip);
        return codes;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Checks the password (and the second factor when {@code withSecondFactor} and enrolled) of a
     * signed-in user. Failures count towards the account's lockout like failed logins.
     */
    private AccountRepository.Account reauthenticate(UUID userId, String password, String totpCode,
            boolean withSecondFactor, String ip, String event) {
        String normalized = PasswordPolicy.normalize(password);
        AccountRepository.Account account = accounts.findById(userId).orElse(null);
        if (account == null || account.lockedAt(Instant.now())) {
            hasher.burn(normalized);
            audit.failure(event, userId, ip, account == null ? "account_gone" : "locked");
            throw reauthenticationFailed();
        }
        if (!hasher.matches(normalized, account.passwordHash())) {
            recordFailure(userId, ip, "reauth_bad_password");
            throw reauthenticationFailed();
        }
        if (withSecondFactor && account.totpEnabled() && !secondFactor(account, totpCode, ip)) {
            recordFailure(userId, ip, "reauth_bad_mfa");
            throw reauthenticationFailed();
        }
        return account;
    }

    private static ApiException weakPassword(PasswordPolicy.Violation violation) {
        return new ApiException(ErrorCode.WEAK_PASSWORD, violation.message(), Map.of("reason", violation.reason()),
                HttpHeaders.EMPTY);
    }

    private static ApiException invalidCredentials() {
        return unauthorized("Invalid e-mail or password.", Map.of());
    }

    private static ApiException secondFactorRequired() {
        return unauthorized("A valid second-factor code is required.", Map.of("mfa", "totp"));
    }

    private static ApiException invalidRefreshToken() {
        return unauthorized("The refresh token is invalid, expired or revoked.", Map.of());
    }

    private static ApiException accountGone() {
        return unauthorized("The account no longer exists.", Map.of());
    }

    static ApiException reauthenticationFailed() {
        return new ApiException(ErrorCode.FORBIDDEN, "The current password or second-factor code is wrong.",
                Map.of("reason", "REAUTHENTICATION_FAILED"), HttpHeaders.EMPTY);
    }

    static ApiException invalidLink() {
        return new ApiException(ErrorCode.VALIDATION_FAILED, "The link is invalid, expired or already used.",
                Map.of("reason", "INVALID_TOKEN"), HttpHeaders.EMPTY);
    }

    private static ApiException unauthorized(String detail, Map<String, Object> members) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stride\"");
        return new ApiException(ErrorCode.UNAUTHORIZED, detail, members, headers);
    }
}
