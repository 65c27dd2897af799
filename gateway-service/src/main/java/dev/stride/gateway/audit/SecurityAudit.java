package dev.stride.gateway.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security audit trail: one line per security-relevant event on the logger {@value #LOGGER},
 * carrying the fields {@code event}, {@code outcome}, {@code userId}, {@code ip}, {@code reason}
 * (and {@code actorId} for administrator actions) both as SLF4J key-value pairs (JSON fields under
 * Boot's structured logging) and as a JSON message. Callers pass ids and fixed reason codes only;
 * never passwords, tokens or e-mail addresses. Each event also counts
 * {@code stride.security.events{event,outcome}}.
 *
 * <p>Event names follow the OWASP logging vocabulary where one exists ({@code authn_login_fail},
 * {@code authn_token_reuse}...).
 */
@Component
public class SecurityAudit {

    public static final String LOGGER = "audit";
    public static final String METRIC = "stride.security.events";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    /** Reason codes are short identifiers; anything else (free text that might carry data) is replaced. */
    private static final Pattern REASON = Pattern.compile("[a-z0-9_.-]{1,64}");

    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder().build();

    SecurityAudit(MeterRegistry meters) {
        this.meters = meters;
    }

    public void success(String event, UUID userId, String ip) {
        record(event, Outcome.SUCCESS, userId, null, ip, null);
    }

    public void failure(String event, UUID userId, String ip, String reason) {
        record(event, Outcome.FAILURE, userId, null, ip, reason);
    }

    /** An action of an administrator ({@code actorId}) on an account ({@code userId}). */
    public void admin(String event, UUID actorId, UUID userId, String ip, Outcome outcome, String reason) {
        record(event, outcome, userId, actorId, ip, reason);
    }

    public void record(String event, Outcome outcome, UUID userId, UUID actorId, String ip, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", event);
        fields.put("outcome", outcome.value);
        fields.put("userId", userId == null ? null : userId.toString());
        if (actorId != null) {
            fields.put("actorId", actorId.toString());
        }
        fields.put("ip", ip);
        fields.put("reason", reason == null ? null : REASON.matcher(reason).matches() ? reason : "unspecified");
        LoggingEventBuilder line = (outcome == Outcome.FAILURE ? log.atWarn() : log.atInfo());
        fields.forEach(line::addKeyValue);
        line.log(json.writeValueAsString(fields));
        Counter.builder(METRIC)
                .description("Security-relevant events (logins, lockouts, token reuse, account and admin actions)")
                .tag("event", event)
                .tag("outcome", outcome.value)
                .register(meters)
                .increment();
    }

    public enum Outcome {
        SUCCESS("success"), FAILURE("failure");

        private final String value;

        Outcome(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }
}
