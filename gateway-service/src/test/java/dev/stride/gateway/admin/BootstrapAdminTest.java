package dev.stride.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.stride.contracts.EventTypes;
import dev.stride.gateway.account.AccountDirectory;
import dev.stride.gateway.account.IdentityTestBase;

class BootstrapAdminTest extends IdentityTestBase {

    @Autowired
    private BootstrapAdmin bootstrap;

    @Test
    void theFirstAdminIsCreatedOnceAndOnlyWithAStrongPassword() {
        // start from a database without administrators (other tests promote accounts)
        jdbc.sql("UPDATE account SET roles = array_remove(roles, 'ADMIN') WHERE 'ADMIN' = ANY (roles)").update();
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single()).isPositive();

        assertThatThrownBy(() -> bootstrap.apply(uniqueEmail(), "only14chars!!x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("15");
        assertThatThrownBy(() -> bootstrap.apply(uniqueEmail(), "passwordpassword"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("common or breached");
        assertThat(admins()).isZero();

        String email = uniqueEmail();
        String password = "first administrator passphrase";
        AccountDirectory.BootstrapOutcome created = bootstrap.apply(email, password);
        assertThat(created.created()).isTrue();
        assertThat(admins()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT email_verified_at IS NOT NULL AND roles = ARRAY['USER','ADMIN'] FROM account WHERE id = :id")
                .param("id", created.userId()).query(Boolean.class).single()).isTrue();
        awaitIdentityEvent(EventTypes.USER_REGISTERED, created.userId());
        login(email, password).expectStatus().isOk();

        AccountDirectory.BootstrapOutcome second = bootstrap.apply(uniqueEmail(), "another administrator passphrase");
        assertThat(second.created()).isFalse();
        assertThat(second.reason()).isEqualTo("admin_exists");
        AccountDirectory.BootstrapOutcome same = bootstrap.apply(email, password);
        assertThat(same.created()).isFalse();
        assertThat(admins()).isEqualTo(1);
    }

    private long admins() {
        return jdbc.sql("SELECT count(*) FROM account WHERE 'ADMIN' = ANY (roles)").query(Long.class).single();
    }
}
