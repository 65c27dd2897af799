package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.payload.DataExportRequested;
import dev.stride.contracts.payload.UserDeleted;

class DeletionAndExportTest extends IdentityTestBase {

    @Test
    void deletionNeedsThePasswordThenRemovesTheAccountAndPublishesUserDeleted() {
        Session user = newUser(uniqueEmail());
        Session otherDevice = loginSession(user.email(), GOOD_PASSWORD);

        call(HttpMethod.DELETE, "/api/v1/auth/account", user.accessToken(), Map.of("password", "not my password 123"))
                .expectStatus().isForbidden().expectBody().jsonPath("$.reason").isEqualTo("REAUTHENTICATION_FAILED");
        call(HttpMethod.DELETE, "/api/v1/auth/account", null, Map.of("password", GOOD_PASSWORD))
                .expectStatus().isUnauthorized();
        assertThat(accountRows(user)).isEqualTo(1);

        call(HttpMethod.DELETE, "/api/v1/auth/account", user.accessToken(), Map.of("password", GOOD_PASSWORD))
                .expectStatus().isNoContent();

        EventEnvelope event = awaitIdentityEvent(EventTypes.USER_DELETED, user.userId());
        assertThat(codec.payload(event, UserDeleted.class).userId()).isEqualTo(user.userId());
        assertThat(accountRows(user)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_token WHERE user_id = :id").param("id", user.userId())
                .query(Long.class).single()).isZero();
        refresh(user.refreshToken()).expectStatus().isUnauthorized();
        refresh(otherDevice.refreshToken()).expectStatus().isUnauthorized();
        login(user.email(), GOOD_PASSWORD).expectStatus().isUnauthorized();
        // the access token is still unexpired, but the account's operations are gone with it
        call(HttpMethod.POST, "/api/v1/auth/export", user.accessToken(), null).expectStatus().isUnauthorized();
    }

    @Test
    void anExportRequestIsAcceptedAndPublished() {
        Session user = newUser(uniqueEmail());
        String requestId = (String) call(HttpMethod.POST, "/api/v1/auth/export", user.accessToken(), null)
                .expectStatus().isAccepted().expectBody(MAP).returnResult().getResponseBody().get("requestId");

        DataExportRequested payload = codec.payload(awaitIdentityEvent(EventTypes.DATA_EXPORT_REQUESTED, user.userId()),
                DataExportRequested.class);
        assertThat(payload.userId()).isEqualTo(user.userId());
        assertThat(payload.requestId().toString()).isEqualTo(requestId);
        call(HttpMethod.POST, "/api/v1/auth/export", null, null).expectStatus().isUnauthorized();
    }

    private long accountRows(Session user) {
        return jdbc.sql("SELECT count(*) FROM account WHERE id = :id").param("id", user.userId()).query(Long.class).single();
    }
}
