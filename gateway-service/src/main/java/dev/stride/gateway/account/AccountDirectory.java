package dev.stride.gateway.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.contracts.ErrorCode;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.StrideClaims;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.gateway.token.RefreshTokens;
import dev.stride.gateway.web.ApiException;
import dev.stride.kit.events.EventPublisher;
import dev.stride.kit.ids.TimeOrderedIds;

/**
 * Account administration for the {@code admin} package: lookup (by id, or by e-mail through the
 * blind index), locks, roles, sessions, and the one-off bootstrap of the first administrator.
 * Blocking JDBC: call from boundedElastic.
 */
@Component
public class AccountDirectory {

    public static final Set<String> ROLES = Set.of(StrideClaims.ROLE_USER, StrideClaims.ROLE_COACH,
            StrideClaims.ROLE_ADMIN);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final EmailProtector emails;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final RefreshTokens refreshTokens;
    private final TransactionTemplate transactions;
    private final EventPublisher events;

    AccountDirectory(JdbcClient jdbc, AccountRepository accounts, CryptoProperties crypto, PasswordHasher hasher,
            PasswordPolicy passwordPolicy, RefreshTokens refreshTokens, TransactionTemplate transactions,
            EventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.emails = new EmailProtector(crypto);
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.refreshTokens = refreshTokens;
        this.transactions = transactions;
        this.events = events;
    }

    public Optional<UserSummary> find(UUID id) {
        return accounts.findById(id).map(this::summary);
    }

    public Optional<UserSummary> findByEmail(String email) {
        return accounts.findByEmailIndex(emails.index(email)).map(this::summary);
    }

    /** A page of accounts, oldest first (ids are time-ordered). */
    public List<UserSummary> list(int page, int size) {
        List<UUID> ids = jdbc.sql("SELECT id FROM account ORDER BY id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(UUID.class)
                .list();
        return ids.stream().map(accounts::findById).flatMap(Optional::stream).map(this::summary).toList();
    }

    /** Refuses logins and refreshes and ends every session. @return false if there is no such account */
    public boolean lock(UUID id) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean found = jdbc.sql("UPDATE account SET admin_locked_at = coalesce(admin_locked_at, now()) WHERE id = :id")
                    .param("id", id).update() == 1;
            if (found) {
                refreshTokens.revokeAll(id, null);
            }
            return found;
        }));
    }

    /** Lifts the administrator's lock, the soft lock and the failure throttling. */
    public boolean unlock(UUID id) {
        return jdbc.sql("""
                UPDATE account SET admin_locked_at = NULL, soft_locked_at = NULL, failed_logins = 0, locked_until = NULL
                WHERE id = :id
                """).param("id", id).update() == 1;
    }

    /**
     * Replaces the roles (USER is always kept). Removing ADMIN from the last administrator is
     * refused. Open sessions are ended so that the next tokens carry the new roles.
     */
    public boolean setRoles(UUID id, Set<String> roles) {
        if (!ROLES.containsAll(roles)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Unknown role.", Map.of("reason", "UNKNOWN_ROLE"),
                    HttpHeaders.EMPTY);
        }
        String[] ordered = ROLES.stream().filter(role -> role.equals(StrideClaims.ROLE_USER) || roles.contains(role))
                .sorted((a, b) -> order(a) - order(b)).toArray(String[]::new);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<AccountRepository.Account> account = accounts.findById(id);
            if (account.isEmpty()) {
                return false;
            }
            jdbc.sql("LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE").update();
            if (account.get().isAdmin() && !roles.contains(StrideClaims.ROLE_ADMIN) && accounts.countAdmins() <= 1) {
                throw new ApiException(ErrorCode.CONFLICT, "The last administrator keeps the ADMIN role.",
                        Map.of("reason", "LAST_ADMIN"), HttpHeaders.EMPTY);
            }
            jdbc.sql("UPDATE account SET roles = :roles WHERE id = :id").param("roles", ordered).param("id", id).update();
            refreshTokens.revokeAll(id, null);
            return true;
        }));
    }

    public int revokeSessions(UUID id) {
        return refreshTokens.revokeAll(id, null);
    }

    /** Whether the account holds ADMIN right now and has a confirmed TOTP second factor. */
    public AdminStanding adminStanding(UUID id) {
        return accounts.findById(id)
                .map(account -> !account.isAdmin() || account.adminLockedAt() != null ? AdminStanding.NOT_ADMIN
                        : account.totpEnabled() ? AdminStanding.READY : AdminStanding.MFA_ENROLMENT_REQUIRED)
                .orElse(AdminStanding.NOT_ADMIN);
    }

    /**
     * Creates the first administrator (e-mail verified, roles USER and ADMIN) unless an
     * administrator exists. The password must satisfy the ADMIN policy (15+ characters).
     */
    public BootstrapOutcome bootstrapAdmin(String email, String rawPassword) {
        String password = PasswordPolicy.normalize(rawPassword);
        Optional<PasswordPolicy.Violation> violation = passwordPolicy.check(password, email, true);
        if (violation.isPresent()) {
            throw new IllegalStateException("bootstrap admin password refused: " + violation.get().message());
        }
        String hash = hasher.hash(password);
        return transactions.execute(status -> {
            // serializes concurrent starts of several instances
            jdbc.sql("LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE").update();
            if (accounts.countAdmins() > 0) {
                return new BootstrapOutcome(false, null, "admin_exists");
            }
            String trimmed = email.trim();
            UUID id = TimeOrderedIds.next();
            AccountRepository.NewAccount account = new AccountRepository.NewAccount(id, emails.encrypt(id, trimmed),
                    emails.index(trimmed), "Administrator", "en", "UTC", hash,
                    List.of(StrideClaims.ROLE_USER, StrideClaims.ROLE_ADMIN), true);
            if (!accounts.insertIfAbsent(account)) {
                return new BootstrapOutcome(false, null, "email_taken");
            }
            events.publish(Topics.IDENTITY_EVENTS, EventTypes.USER_REGISTERED, AccountService.USER_REGISTERED_VERSION,
                    id.toString(), new UserRegistered(id, trimmed, account.displayName(), "en", "UTC"));
            return new BootstrapOutcome(true, id, "created");
        });
    }

    private UserSummary summary(AccountRepository.Account account) {
        return new UserSummary(account.id(), emails.decrypt(account.id(), account.emailCiphertext()),
                account.displayName(), account.roles(), account.createdAt(), account.emailVerifiedAt() != null,
                account.adminLockedAt() != null, account.softLockedAt() != null, account.totpEnabled());
    }

    private static int order(String role) {
        return switch (role) {
            case StrideClaims.ROLE_USER -> 0;
            case StrideClaims.ROLE_COACH -> 1;
            default -> 2;
        };
    }

    public enum AdminStanding {
        READY, MFA_ENROLMENT_REQUIRED, NOT_ADMIN
    }

    public record UserSummary(UUID id, String email, String displayName, List<String> roles, Instant createdAt,
            boolean emailVerified, boolean locked, boolean softLocked, boolean totpEnabled) {
    }

    public record BootstrapOutcome(boolean created, UUID userId, String reason) {
    }
}
