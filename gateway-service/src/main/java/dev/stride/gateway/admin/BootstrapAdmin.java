package dev.stride.gateway.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.stride.gateway.account.AccountDirectory;
import dev.stride.gateway.audit.AuditEvents;
import dev.stride.gateway.audit.SecurityAudit;

/**
 * The first administrator, from {@code STRIDE_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code STRIDE_BOOTSTRAP_ADMIN_PASSWORD} (properties {@code stride.bootstrap.admin.email} /
 * {@code .password}): applied at startup only while no ADMIN account exists, so it takes effect
 * once; later starts ignore it (remove the variables after the first start). The password must
 * have 15+ characters; the administrator must enrol TOTP before the admin endpoints answer.
 * There are no default accounts: without the variables nothing is created.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountDirectory directory;
    private final SecurityAudit audit;
    private final String email;
    private final String password;

    BootstrapAdmin(AccountDirectory directory, SecurityAudit audit,
            @Value("${stride.bootstrap.admin.email:}") String email,
            @Value("${stride.bootstrap.admin.password:}") String password) {
        this.directory = directory;
        this.audit = audit;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() && password.isBlank()) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            throw new IllegalStateException(
                    "set both STRIDE_BOOTSTRAP_ADMIN_EMAIL and STRIDE_BOOTSTRAP_ADMIN_PASSWORD, or neither");
        }
        apply(email, password);
    }

    AccountDirectory.BootstrapOutcome apply(String email, String password) {
        AccountDirectory.BootstrapOutcome outcome = directory.bootstrapAdmin(email, password);
        if (outcome.created()) {
            audit.success(AuditEvents.ADMIN_BOOTSTRAP, outcome.userId(), null);
            log.info("bootstrap administrator created ({}); enrol TOTP at first sign-in, then unset "
                    + "STRIDE_BOOTSTRAP_ADMIN_EMAIL / STRIDE_BOOTSTRAP_ADMIN_PASSWORD", outcome.userId());
        }
        else {
            audit.failure(AuditEvents.ADMIN_BOOTSTRAP, null, null, outcome.reason());
            log.info("bootstrap administrator not created: {}", outcome.reason());
        }
        return outcome;
    }
}
