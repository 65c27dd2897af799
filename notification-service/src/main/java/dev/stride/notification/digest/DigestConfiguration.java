package dev.stride.notification.digest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds {@code stride.notifications.digest.*} and runs {@link DigestScheduler} on its interval. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DigestProperties.class)
@EnableScheduling
class DigestConfiguration {
}
