package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.AccountSettingsChanged;

/** Language and time zone after registration: stored on the account and published for the projections. */
class AccountSettingsTest extends IdentityTestBase {

    private static final String PATH = "/api/v1/auth/account";

    private Map<String, Object> settings(Session user) {
        return call(HttpMethod.GET, PATH, user.accessToken(), null).expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();
    }

    /**
     * Every {@code account-settings-changed} of the user on the topic, read until one with the
     * marker time zone (published last by the test) is there: whatever came before it is all there is.
     */
    private List<AccountSettingsChanged> changesUntil(UUID userId, String markerZone) {
        List<AccountSettingsChanged> found = new ArrayList<>();
        topics().readUntil(Topics.IDENTITY_EVENTS, records -> {
            found.clear();
            for (ConsumerRecord<String, String> record : records) {
                EventEnvelope envelope = codec.read(record.value());
                if (EventTypes.ACCOUNT_SETTINGS_CHANGED.equals(envelope.type())
                        && userId.toString().equals(record.key())) {
                    found.add(codec.payload(envelope, AccountSettingsChanged.class));
                }
            }
            return found.stream().anyMatch(change -> change.timeZone().equals(markerZone));
        }, KAFKA_WAIT);
        return found;
    }

    @Test
    void changingLanguageThenTimeZonePublishesTheWholeSettingsEachTime() {
        Session user = newUser(uniqueEmail());
        assertThat(settings(user)).containsEntry("locale", "en").containsEntry("timeZone", "Europe/Moscow")
                .containsEntry("emailVerified", false);

        call(HttpMethod.PATCH, PATH, user.accessToken(), Map.of("locale", "ru"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.locale").isEqualTo("ru")
                .jsonPath("$.timeZone").isEqualTo("Europe/Moscow");
        call(HttpMethod.PATCH, PATH, user.accessToken(), Map.of("timeZone", "Asia/Vladivostok"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.locale").isEqualTo("ru")
                .jsonPath("$.timeZone").isEqualTo("Asia/Vladivostok");

        assertThat(settings(user)).containsEntry("locale", "ru").containsEntry("timeZone", "Asia/Vladivostok");
        List<AccountSettingsChanged> changes = changesUntil(user.userId(), "Asia/Vladivostok");
        assertThat(changes).extracting(AccountSettingsChanged::locale, AccountSettingsChanged::timeZone)
                .containsExactly(tuple("ru", "Europe/Moscow"), tuple("ru", "Asia/Vladivostok"));
        assertThat(changes.get(1).changedAt()).isAfter(changes.get(0).changedAt());
        assertThat(changes).allSatisfy(change -> assertThat(change.userId()).isEqualTo(user.userId()));
    }

    @Test
    void aRequestThatChangesNothingPublishesNothing() {
        Session user = newUser(uniqueEmail());

        call(HttpMethod.PATCH, PATH, user.accessToken(), Map.of("locale", "en", "timeZone", "Europe/Moscow"))
                .expectStatus().isOk().expectBody().jsonPath("$.locale").isEqualTo("en");
        call(HttpMethod.PATCH, PATH, user.accessToken(), Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.timeZone").isEqualTo("Europe/Moscow");
        // the marker: the only change, so the only event
        call(HttpMethod.PATCH, PATH, user.accessToken(), Map.of("timeZone", "America/Santiago")).expectStatus().isOk();

        assertThat(changesUntil(user.userId(), "America/Santiago")).singleElement()
                .satisfies(change -> assertThat(change.locale()).isEqualTo("en"));
    }

    @Test
    void badInputIsAProblemDetailAndChangesNothing() {
        Session user = newUser(uniqueEmail());

        call(HttpMethod.PATCH, PATH, user.accessToken(), Map.of("locale", "de", "timeZone", "Mars/Olympus_Mons"))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[?(@.field == 'locale')]").exists()
                .jsonPath("$.errors[?(@.field == 'timeZone')]").exists();
        // one good field does not slip through next to a bad one
        call(HttpMethod.PATCH, PATH, user.accessToken(), Map.of("locale", "ru", "timeZone", "x".repeat(65)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'timeZone')]").exists();
        call(HttpMethod.PATCH, PATH, user.accessToken(), "{\"locale\": ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
        call(HttpMethod.PATCH, PATH, null, Map.of("locale", "ru")).expectStatus().isUnauthorized();

        assertThat(settings(user)).containsEntry("locale", "en").containsEntry("timeZone", "Europe/Moscow");
        call(HttpMethod.PATCH, PATH, user.accessToken(), Map.of("timeZone", "Africa/Nairobi")).expectStatus().isOk();
        assertThat(changesUntil(user.userId(), "Africa/Nairobi")).singleElement()
                .satisfies(change -> assertThat(change.locale()).isEqualTo("en"));
    }
}
