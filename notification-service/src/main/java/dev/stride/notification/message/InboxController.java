package dev.stride.notification.message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.security.CurrentUser;
import dev.stride.kit.web.StrideProblemException;

/** The signed-in user's in-app inbox: every mail delivered to them, newest first. */
@RestController
@RequestMapping("/api/v1/notifications")
class InboxController {

    record ItemView(UUID id, String category, String templateId, String title, String body, Instant createdAt,
            boolean read) {
    }

    record Page(List<ItemView> items, String nextCursor, int unreadCount) {
    }

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final InboxStore inbox;
    private final Clock clock = Clock.systemUTC();

    InboxController(InboxStore inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    Page list(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        UUID user = CurrentUser.id(token);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new StrideProblemException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                beforeAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                beforeId = UUID.fromString(parts[2]);
            }
            catch (RuntimeException ex) {
                throw new StrideProblemException(ErrorCode.VALIDATION_FAILED, "cursor is not one this API returned.");
            }
        }
        List<InboxStore.Item> items = inbox.page(user, beforeAt, beforeId, size + 1);
        String next = null;
        if (items.size() > size) {
            items = items.subList(0, size);
            InboxStore.Item last = items.get(size - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.createdAt().getEpochSecond() + ":"
                    + last.createdAt().getNano() + ":" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return new Page(items.stream().map(i -> new ItemView(i.id(), i.category(), i.templateId(), i.title(), i.body(),
                i.createdAt(), i.readAt() != null)).toList(), next, inbox.unreadCount(user));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        if (!inbox.markRead(CurrentUser.id(token), id, clock.instant())) {
            throw StrideProblemException.notFound("Notification");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll(@AuthenticationPrincipal Jwt token) {
        return Map.of("marked", inbox.markAllRead(CurrentUser.id(token), clock.instant()));
    }
}
