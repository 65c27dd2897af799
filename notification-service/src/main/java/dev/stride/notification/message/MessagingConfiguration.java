package dev.stride.notification.message;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Binds {@code stride.notifications.*} and turns on {@code @PreAuthorize} for the admin API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
@EnableMethodSecurity
class MessagingConfiguration {
}
