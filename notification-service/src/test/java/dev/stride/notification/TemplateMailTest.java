package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.stride.contracts.NotificationTemplates;
import dev.stride.kit.test.StrideServiceTest;

import dev.stride.notification.message.TemplateCatalog;
import dev.stride.notification.recipient.Category;

@StrideServiceTest
class TemplateMailTest extends NotificationTestBase {

    private static final Map<String, String> RU_SUBJECTS = Map.of("personal-record", "Новый личный рекорд: 5k",
            "password-reset", "Сброс пароля Stride", "weekly-summary", "Мария, ваша неделя в Stride");
    private static final Map<String, String> EN_SUBJECTS = Map.of("personal-record", "New personal record: 5k",
            "password-reset", "Reset your Stride password", "weekly-summary", "Мария, your week in Stride");

    @Test
    void everyTemplateArrivesInBothLanguagesAsMultipartAlternativeWithTheRightHeaders() throws Exception {
        for (TemplateCatalog.Spec spec : TemplateCatalog.all()) {
            for (String locale : List.of("ru", "en")) {
                String address = email();
                UUID user = register(address, locale, dayZone());
                if (!spec.category().defaultEnabled()) {
                    setPreferences(user, Map.of(spec.category().wireName(), true));
                }
                String key = request(user, spec.category().wireName(), spec.id(), spec.sample());
                MimeMessage mail = awaitMails(address, 1).get(0);
                String where = spec.id() + "/" + locale;

                assertThat(mail.getHeader("From")[0]).as(where).isEqualTo("Stride <no-reply@stride.test>");
                assertThat(mail.getHeader("Reply-To")[0]).as(where).isEqualTo("support@stride.test");
                assertThat(mail.getHeader("Message-ID")[0]).as(where)
                        .isEqualTo("<" + messageId(key) + "@mail.stride.test>");
                assertThat(mail.getContentType()).as(where).startsWith("multipart/alternative");
                Multipart parts = (Multipart) mail.getContent();
                assertThat(parts.getCount()).as(where).isEqualTo(2);
                assertThat(parts.getBodyPart(0).getContentType()).as(where).startsWith("text/plain");
                assertThat(parts.getBodyPart(1).getContentType()).as(where).startsWith("text/html");
                String text = (String) parts.getBodyPart(0).getContent();
                String html = (String) parts.getBodyPart(1).getContent();
                String subject = mail.getSubject();
                boolean cyrillicSubject = subject.replace("Мария", "").chars()
                        .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
                assertThat(cyrillicSubject).as(where + " subject " + subject).isEqualTo(locale.equals("ru"));
                assertThat(html).as(where).contains("lang=\"" + locale + "\"").contains(subject);
                assertThat(text).as(where).contains(locale.equals("ru") ? "Здравствуйте, Мария!" : "Hi Мария,");
                if (spec.actionParam() != null) {
                    assertThat(html).as(where).contains("href=\"" + spec.sample().get(spec.actionParam()) + "\"");
                    assertThat(text).as(where).contains(spec.sample().get(spec.actionParam()));
                }
                if (spec.category() == Category.ACCOUNT) {
                    assertThat(mail.getHeader("List-Unsubscribe")).as(where).isNull();
                    assertThat(mail.getHeader("List-Unsubscribe-Post")).as(where).isNull();
                }
                else {
                    assertThat(mail.getHeader("List-Unsubscribe")[0]).as(where)
                            .matches("<https://stride\\.test/api/v1/notifications/unsubscribe\\?token=[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+>");
                    assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).as(where)
                            .isEqualTo("List-Unsubscribe=One-Click");
                }
                Map<String, String> expected = locale.equals("ru") ? RU_SUBJECTS : EN_SUBJECTS;
                if (expected.containsKey(spec.id())) {
                    assertThat(subject).as(where).isEqualTo(expected.get(spec.id()));
                }
                awaitStatus(key, "SENT");
            }
        }
    }

    @Test
    void aDisplayNameCannotInjectHeadersOrMarkup() throws Exception {
        String address = email();
        UUID user = register(address, "en", dayZone());
        Map<String, String> parameters = new HashMap<>(TemplateCatalog.find("weekly-summary").orElseThrow().sample());
        parameters.put("name", "Eve\r\nBcc: spy@evil.example\r\n<script>alert(1)</script><b>bold</b>");
        setPreferences(user, Map.of("digest", true));
        String key = request(user, "digest", "weekly-summary", parameters);

        MimeMessage mail = awaitMails(address, 1).get(0);
        awaitStatus(key, "SENT");
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getAllRecipients()).hasSize(1);
        assertThat(mail.getSubject()).doesNotContain("\r").doesNotContain("\n").startsWith("Eve Bcc: spy@evil.example");
        assertThat(mail.getHeader("Subject")).hasSize(1);
        Multipart parts = (Multipart) mail.getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;");
        assertThat(mail().messagesTo("spy@evil.example")).isEmpty();
    }

    /**
     * Exactly what workout-service sends (it does not know the person's name, and adds context the
     * template does not print): the mail greets the person by the name they registered with, in their
     * language.
     */
    @Test
    void aPersonalRecordRequestAsWorkoutServiceSendsItGreetsByTheRegisteredName() throws Exception {
        String address = email();
        UUID user = register(address, "ru", dayZone());
        String key = request(user, "product", NotificationTemplates.PERSONAL_RECORD,
                Map.of(NotificationTemplates.EFFORT, "1k", NotificationTemplates.TIME, "4:10", "sport", "run",
                        "workoutId", UUID.randomUUID().toString()));

        MimeMessage mail = awaitMails(address, 1).get(0);
        awaitStatus(key, "SENT");
        assertThat(mail.getSubject()).isEqualTo("Новый личный рекорд: 1k");
        String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("Здравствуйте, Мария!").contains("4:10");
    }
}
