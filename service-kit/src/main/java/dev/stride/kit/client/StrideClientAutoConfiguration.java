package dev.stride.kit.client;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.stride.kit.security.TrustStores;

/** The client side of service identities, on when this service has a client secret. */
@AutoConfiguration
@ConditionalOnClass(RestClient.class)
@ConditionalOnProperty("stride.service.client-secret")
@EnableConfigurationProperties(ServiceClientProperties.class)
public class StrideClientAutoConfiguration {

    @Bean
    ServiceTokens strideServiceTokens(ServiceClientProperties properties, Environment environment) {
        RestClient gateway = restClient(properties, environment).baseUrl(properties.tokenUri()).build();
        return new ServiceTokens(gateway, environment.getRequiredProperty("spring.application.name"),
                properties.clientSecret(), Clock.systemUTC());
    }

    @Bean
    InternalClient strideInternalClient(ServiceClientProperties properties, Environment environment,
            ServiceTokens tokens) {
        return new InternalClient(restClient(properties, environment).build(), tokens, properties.services());
    }

    /** Trusts only the platform CA when one is configured; never follows redirects. */
    private static RestClient.Builder restClient(ServiceClientProperties properties, Environment environment) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                TrustStores.httpClient(environment, properties.connectTimeout()));
        requests.setReadTimeout(properties.readTimeout());
        return RestClient.builder().requestFactory(requests);
    }
}
