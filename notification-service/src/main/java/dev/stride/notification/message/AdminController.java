package dev.stride.notification.message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;

/** Operations on the delivery log; ADMIN users only (ROLE_ADMIN from the token's roles claim). */
@RestController
@RequestMapping("/api/v1/notifications/admin")
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

    record History(MessageStore.MessageView message, List<MessageStore.MessageEvent> events) {
    }

    private final MessageStore messages;
    private final SuppressionStore suppressions;
    private final MailRenderer renderer;
    private final UnsubscribeTokens tokens;
    private final DeliveryWorker worker;
    private final Clock clock = Clock.systemUTC();

    AdminController(MessageStore messages, SuppressionStore suppressions, MailRenderer renderer,
            UnsubscribeTokens tokens, DeliveryWorker worker) {
        this.messages = messages;
        this.suppressions = suppressions;
        this.renderer = renderer;
        this.tokens = tokens;
        this.worker = worker;
    }

    /** category → status → count. */
    @GetMapping("/stats")
    Map<String, Object> stats() {
        return Map.of("byCategory", messages.statistics());
    }

    @GetMapping("/messages/{id}")
    History history(@PathVariable UUID id) {
        MessageStore.MessageView message = messages.find(id).orElseThrow(() -> StrideProblemException.notFound("Message"));
        return new History(message, messages.events(id));
    }

    /** Queues a copy of the message under a new idempotency key; preferences and caps apply again. */
    @PostMapping("/messages/{id}/resend")
    ResponseEntity<Map<String, Object>> resend(@PathVariable UUID id) {
        MessageStore.MessageView original = messages.find(id)
                .orElseThrow(() -> StrideProblemException.notFound("Message"));
        if (messages.hasOwnAddress(id)) {
            throw new StrideProblemException(ErrorCode.CONFLICT, "This mail went to an address named in its request"
                    + " (the new address of an e-mail change), which is not kept after sending; the user requests"
                    + " the change again.");
        }
        Map<String, String> parameters = messages.parameters(id).orElseThrow();
        UUID copy = UUID.randomUUID();
        Instant now = clock.instant();
        messages.insertIfAbsent(copy, "resend:" + id + ":" + copy, original.recipientUserId(), original.category(),
                original.templateId(), parameters, null, now, now);
        worker.nudge();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", copy, "resendOf", id));
    }

    @GetMapping("/suppressions")
    List<SuppressionStore.Suppression> suppressions(@RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new StrideProblemException(ErrorCode.VALIDATION_FAILED, "limit must be 1..500 and offset >= 0.");
        }
        return suppressions.page(limit, offset);
    }

    /** Renders a template with sample data; {@code format} html or text, {@code locale} ru or en. */
    @GetMapping("/templates/{templateId}/preview")
    ResponseEntity<String> preview(@PathVariable String templateId, @RequestParam(defaultValue = "en") String locale,
            @RequestParam(defaultValue = "html") String format) {
        TemplateCatalog.Spec spec = TemplateCatalog.find(templateId)
                .orElseThrow(() -> StrideProblemException.notFound("Template '" + templateId + "'"));
        if (!locale.equals("ru") && !locale.equals("en")) {
            throw new StrideProblemException(ErrorCode.VALIDATION_FAILED, "locale must be ru or en.");
        }
        if (!format.equals("html") && !format.equals("text")) {
            throw new StrideProblemException(ErrorCode.VALIDATION_FAILED, "format must be html or text.");
        }
        String unsubscribe = spec.category().locked() ? null
                : tokens.link(new UUID(0, 0), spec.category());
        MailRenderer.Rendered mail = renderer.render(spec, locale, spec.sample(), unsubscribe);
        return format.equals("html")
                ? ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                        .body(mail.html())
                : ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                        .body("Subject: " + mail.subject() + "\n\n" + mail.text());
    }
}
