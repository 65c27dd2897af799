package dev.stride.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stride.contracts.NotificationTemplates;

/** The renderer's own guarantees, independent of what the mail library does with the result. */
class MailRendererTest {

    private final MailRenderer renderer = new MailRenderer();

    @Test
    void subjectsCarryNoControlCharactersAndBodiesEscapeMarkup() {
        Map<String, String> parameters = new HashMap<>(TemplateCatalog.find("weekly-summary").orElseThrow().sample());
        parameters.put("name", "Eve\r\n\tBcc: spy@evil.example\u2028<img src=x onerror=alert(1)>");

        MailRenderer.Rendered mail = renderer.render(TemplateCatalog.find("weekly-summary").orElseThrow(), "en",
                parameters, "https://stride.test/api/v1/notifications/unsubscribe?token=a.b");

        assertThat(mail.subject()).isEqualTo("Eve Bcc: spy@evil.example <img src=x onerror=alert(1)>, your week in Stride");
        assertThat(mail.subject().chars().noneMatch(Character::isISOControl)).isTrue();
        assertThat(mail.html()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(mail.html()).contains("href=\"https://stride.test/api/v1/notifications/unsubscribe?token=a.b\"");
        assertThat(mail.text()).contains("Workouts: 4. Distance: 42.2 km. Moving time: 4 h 05 min.");
    }

    @Test
    void russianAndEnglishTextsDiffer() {
        TemplateCatalog.Spec spec = TemplateCatalog.find("personal-record").orElseThrow();
        assertThat(renderer.render(spec, "ru", spec.sample(), null).subject()).isEqualTo("Новый личный рекорд: 5k");
        assertThat(renderer.render(spec, "en", spec.sample(), null).subject()).isEqualTo("New personal record: 5k");
        assertThat(renderer.render(spec, "en", spec.sample(), null).html()).doesNotContain("unsubscribe");
    }

    @Test
    void withoutAnyNameTheGreetingUsesANeutralWord() {
        MailRenderer.Rendered mail = renderer.render(TemplateCatalog.find(NotificationTemplates.UPLOAD_FAILED)
                .orElseThrow(), "en", Map.of(NotificationTemplates.FILE_NAME, "a.gpx",
                        NotificationTemplates.REASON, "The file is empty."), null);
        assertThat(mail.text()).contains("Hi there,").contains("a.gpx").contains("The file is empty.");
    }
}
