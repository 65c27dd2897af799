package dev.stride.notification.message;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Binds {@code stride.notifications.*} and turns on {@code @PreAuthorize} for the admin API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
@EnableMethodSecurity
class MessagingConfiguration {

    /**
     * The request listener commits its offsets once per poll instead of once per record (the kit's
     * default): a request is deduplicated by event id and by idempotency key, so records redelivered
     * after a crash cost only time, and the intake saves a broker round trip per request.
     */
    @Bean
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> commitPerPoll() {
        return container -> container.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
    }
}
