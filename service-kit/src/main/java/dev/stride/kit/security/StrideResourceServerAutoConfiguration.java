package dev.stride.kit.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.client.RestTemplate;

import dev.stride.contracts.StrideClaims;

/**
 * Every servlet service is a resource server for the gateway's tokens: user tokens on the API,
 * service tokens with scope {@code internal} on {@code /internal/**}, ADMIN on actuator beyond
 * health and info.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(StrideSecurityProperties.class)
public class StrideResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder strideJwtDecoder(StrideSecurityProperties properties, Environment environment) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                TrustStores.httpClient(environment, Duration.ofSeconds(3)));
        requests.setReadTimeout(Duration.ofSeconds(5));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithms(algorithms -> {
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                })
                .validateType(false) // typ at+jwt is checked by our validator instead
                .restOperations(new RestTemplate(requests))
                .build();
        OAuth2TokenValidator<Jwt> validator = StrideTokenValidators.accessToken(properties.issuer(),
                environment.getRequiredProperty("spring.application.name"), properties.clockSkew());
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, Clock.systemUTC());
    }

    /** Spring Security's strict firewall with regex-free header checks ({@link HeaderCharacters}). */
    @Bean
    WebSecurityCustomizer strideHttpFirewall() {
        return web -> web.httpFirewall(HeaderCharacters.firewall());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain strideSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
            StrideSecurityProperties properties) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll();
            requests.requestMatchers(EndpointRequest.toAnyEndpoint())
                    .hasAllAuthorities(StrideAuthorities.USER_TOKEN, "ROLE_" + StrideClaims.ROLE_ADMIN);
            requests.requestMatchers("/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll();
            for (String path : properties.publicPaths()) {
                requests.requestMatchers(path).permitAll();
            }
            requests.requestMatchers("/internal/**")
                    .hasAllAuthorities(StrideAuthorities.SERVICE_TOKEN, "SCOPE_" + StrideClaims.SCOPE_INTERNAL);
            requests.anyRequest().hasAuthority(StrideAuthorities.USER_TOKEN);
        });
        http.oauth2ResourceServer(resource -> resource
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new StrideAuthorities()))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        // bearer tokens only, no cookies: CSRF cannot ride on ambient credentials
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.formLogin(form -> form.disable());
        http.httpBasic(basic -> basic.disable());
        return http.build();
    }
}
