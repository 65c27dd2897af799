package dev.stride.notification.message;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import dev.stride.contracts.NotificationTemplates;
import dev.stride.notification.recipient.Category;

/**
 * Renders a template in the recipient's language: subject, HTML and plain text. Every parameter is
 * inserted through {@code th:text} / {@code th:href} (escaped); values that end up in a header are
 * stripped of control characters, so a parameter cannot add header lines.
 */
@Component
public class MailRenderer {

    /** @param summary the localized body without greeting and footer, kept in the in-app inbox */
    public record Rendered(String subject, String html, String text, String summary) {
    }

    private final TemplateEngine html;
    private final TemplateEngine text;
    private final ResourceBundleMessageSource messages;

    MailRenderer() {
        messages = new ResourceBundleMessageSource();
        messages.setBasename("mail/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        html = engine(TemplateMode.HTML);
        text = engine(TemplateMode.TEXT);
    }

    private static TemplateEngine engine(TemplateMode mode) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /**
     * Producers other than the gateway do not know the person's name: the name the person registered
     * with stands in, and without one the greeting uses a neutral word.
     */
    private Map<String, String> withName(Map<String, String> parameters, String recipientName, Locale locale) {
        String name = parameters.get(NotificationTemplates.NAME);
        if (name != null && !name.isBlank()) {
            return parameters;
        }
        Map<String, String> named = new HashMap<>(parameters);
        named.put(NotificationTemplates.NAME, recipientName != null && !recipientName.isBlank() ? recipientName
                : messages.getMessage("common.no-name", null, locale));
        return named;
    }

    /**
     * @param unsubscribeUrl the one-click link for non-account mail, null for account mail
     */
    public Rendered render(TemplateCatalog.Spec spec, String lang, Map<String, String> requested,
            String unsubscribeUrl) {
        return render(spec, lang, requested, null, unsubscribeUrl);
    }

    /**
     * @param recipientName  the name the person registered with (null if not known), greeting them
     *                       when the request names nobody
     * @param unsubscribeUrl the one-click link for non-account mail, null for account mail
     */
    public Rendered render(TemplateCatalog.Spec spec, String lang, Map<String, String> requested,
            String recipientName, String unsubscribeUrl) {
        Locale locale = locale(lang);
        Map<String, String> parameters = withName(requested, recipientName, locale);
        Object[] args = spec.params().stream().map(p -> parameters.getOrDefault(p, "")).toArray();
        Object[] headerArgs = spec.params().stream().map(p -> headerSafe(parameters.getOrDefault(p, ""))).toArray();
        String subject = headerSafe(messages.getMessage(spec.id() + ".subject", headerArgs, locale));
        String body = messages.getMessage(spec.id() + ".body", args, locale);

        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("subject", subject);
        context.setVariable("heading", messages.getMessage(spec.id() + ".heading", args, locale));
        context.setVariable("greeting", messages.getMessage("common.greeting", args, locale));
        context.setVariable("body", body);
        if (spec.actionParam() != null) {
            context.setVariable("actionUrl", parameters.get(spec.actionParam()));
            context.setVariable("actionLabel", messages.getMessage(spec.id() + ".action", args, locale));
        }
        context.setVariable("footer", messages.getMessage("common.footer", null, locale));
        context.setVariable("notice", messages.getMessage(
                spec.category() == Category.ACCOUNT ? "common.account-notice" : "common.preferences", null, locale));
        if (unsubscribeUrl != null) {
            context.setVariable("unsubscribeUrl", unsubscribeUrl);
            context.setVariable("unsubscribeLabel", messages.getMessage("common.unsubscribe", null, locale));
        }
        return new Rendered(subject, html.process("layout.html", context), text.process("layout.txt", context),
                truncate(body, 2000));
    }

    static Locale locale(String lang) {
        return "ru".equals(lang) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    }

    /**
     * One localized text of {@code mail/messages*.properties}, for values that mail composed in this
     * service needs in the reader's language (the weekly digest); {@code fallback} when the code is missing.
     */
    public String text(String code, String lang, String fallback, Object... args) {
        return messages.getMessage(code, args, fallback, locale(lang));
    }

    /** Each run of control characters (CR, LF, TAB, ...) becomes one space; header values stay one line. */
    static String headerSafe(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean lastWasControl = false;
        for (int c : value.codePoints().toArray()) {
            boolean control = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
            if (!control) {
                out.appendCodePoint(c);
            }
            else if (!lastWasControl) {
                out.append(' ');
            }
            lastWasControl = control;
        }
        return truncate(out.toString().strip(), 250);
    }

    static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
