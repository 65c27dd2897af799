package dev.stride.kit.events;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/** The current W3C trace context, carried in every envelope so a consumer can join the trace. */
class TraceContextSource {

    private final ObjectProvider<Tracer> tracer;

    TraceContextSource(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    Map<String, String> current() {
        Tracer t = tracer.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        if (span == null) {
            return Map.of();
        }
        TraceContext context = span.context();
        String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return Map.of("traceparent", "00-" + context.traceId() + "-" + context.spanId() + "-" + flags);
    }
}
