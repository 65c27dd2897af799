package dev.stride.kit.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;

/**
 * What a Kafka listener does with a message, once: parse the envelope (a malformed one is not
 * retryable and goes to the DLT), pick the handler for its type (other types are skipped), parse
 * the payload and run the handler in a transaction that also records the event id.
 *
 * <pre>
 * handlers = factory.forConsumer("workout-erasure")
 *         .on(EventTypes.USER_DELETED, UserDeleted.class, user -&gt; workouts.deleteAllOfUser(user.userId()));
 * &#64;KafkaListener(topics = Topics.IDENTITY_EVENTS) void on(String message) { handlers.handle(message); }
 * </pre>
 */
public final class EventHandlers {

    private final String consumer;
    private final EventCodec codec;
    private final IdempotentConsumer once;
    private final Map<String, Predicate<EventEnvelope>> handlers = new LinkedHashMap<>();

    EventHandlers(String consumer, EventCodec codec, IdempotentConsumer once) {
        this.consumer = Objects.requireNonNull(consumer, "consumer must not be null");
        this.codec = codec;
        this.once = once;
    }

    /** Registers the handler of one event type; its payload is parsed as {@code payloadType}. */
    public <T> EventHandlers on(String type, Class<T> payloadType, Consumer<? super T> handler) {
        handlers.put(type, envelope -> {
            T payload = codec.payload(envelope, payloadType);
            return once.runOnce(consumer, envelope.eventId(), () -> handler.accept(payload));
        });
        return this;
    }

    /** Like {@link #on(String, Class, Consumer)} for handlers that also need the envelope (e.g. occurredAt). */
    public <T> EventHandlers on(String type, Class<T> payloadType, BiConsumer<? super T, EventEnvelope> handler) {
        handlers.put(type, envelope -> {
            T payload = codec.payload(envelope, payloadType);
            return once.runOnce(consumer, envelope.eventId(), () -> handler.accept(payload, envelope));
        });
        return this;
    }

    /** @return true when a handler ran, false for a duplicate or a type this consumer ignores */
    public boolean handle(String message) {
        EventEnvelope envelope = codec.read(message);
        Predicate<EventEnvelope> handler = handlers.get(envelope.type());
        return handler != null && handler.test(envelope);
    }

    /** Makes {@link EventHandlers} for a named consumer; a bean every service gets from the kit. */
    public static final class Factory {

        private final EventCodec codec;
        private final IdempotentConsumer once;

        Factory(EventCodec codec, IdempotentConsumer once) {
            this.codec = codec;
            this.once = once;
        }

        public EventHandlers forConsumer(String consumer) {
            return new EventHandlers(consumer, codec, once);
        }
    }
}
