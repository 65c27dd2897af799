package dev.stride.notification.message;

import java.time.Clock;
import java.util.Map;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.notification.recipient.RecipientStore;

/**
 * One-click unsubscribe (RFC 8058), public: the signed token is the only credential. {@code POST}
 * (what mail clients send, body {@code List-Unsubscribe=One-Click}) and {@code GET} (a person
 * following the link) both turn the token's category off. A forged, altered or expired token
 * changes nothing and answers 400.
 */
@RestController
@RequestMapping("/api/v1/notifications/unsubscribe")
class UnsubscribeController {

    private final UnsubscribeTokens tokens;
    private final SuppressionStore suppressions;
    private final RecipientStore recipients;
    private final Clock clock = Clock.systemUTC();

    UnsubscribeController(UnsubscribeTokens tokens, SuppressionStore suppressions, RecipientStore recipients) {
        this.tokens = tokens;
        this.suppressions = suppressions;
        this.recipients = recipients;
    }

    @GetMapping
    @Transactional
    Map<String, Object> get(@RequestParam(required = false) String token) {
        return unsubscribe(token);
    }

    @PostMapping
    @Transactional
    Map<String, Object> post(@RequestParam(required = false) String token) {
        return unsubscribe(token);
    }

    private Map<String, Object> unsubscribe(String token) {
        UnsubscribeTokens.Claims claims = tokens.verify(token).orElseThrow(() -> new StrideProblemException(
                ErrorCode.VALIDATION_FAILED, "The unsubscribe link is invalid or has expired."));
        var now = clock.instant();
        suppressions.suppress(claims.userId(), claims.category().wireName(), "one-click unsubscribe", now);
        if (recipients.find(claims.userId()).isPresent()) {
            recipients.setPreference(claims.userId(), claims.category(), false, now);
        }
        return Map.of("category", claims.category().wireName(), "unsubscribed", true);
    }
}
