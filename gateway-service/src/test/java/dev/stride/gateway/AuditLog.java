package dev.stride.gateway;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import dev.stride.gateway.audit.SecurityAudit;

/** Captures the audit logger's lines during each test: {@code @RegisterExtension final AuditLog audit = new AuditLog();} */
public final class AuditLog implements BeforeEachCallback, AfterEachCallback {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.list.clear();
        lines.start();
        logger().addAppender(lines);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger().detachAppender(lines);
    }

    public List<ILoggingEvent> lines() {
        return lines.list;
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(SecurityAudit.LOGGER);
    }
}
