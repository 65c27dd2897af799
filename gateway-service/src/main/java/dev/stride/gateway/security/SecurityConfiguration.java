package dev.stride.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import dev.stride.contracts.StrideClaims;
import dev.stride.gateway.audit.SecurityAudit;
import dev.stride.gateway.keys.SigningKeys;
import dev.stride.gateway.keys.TokenProperties;
import dev.stride.gateway.routing.ClientIpResolver;
import dev.stride.gateway.token.AccessTokenIssuer;
import dev.stride.gateway.token.AccessTokenRevocations;
import dev.stride.gateway.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;

/**
 * Stateless token security for the public port and the management port. Only user access tokens
 * issued by this gateway pass: RS256 with our keys, {@code typ=at+jwt}, our issuer, audience
 * {@code stride-api}, {@code exp} present and not passed, {@code kind=user}, {@code sid} and
 * {@code iat_ms} present, and not revoked.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_POSTS = { "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/logout", "/oauth2/token", "/api/v1/auth/verify-email", "/api/v1/auth/password-reset/request",
            "/api/v1/auth/password-reset/confirm" };

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            ProblemWriter problems, SecurityAudit audit, MeterRegistry meters, ClientIpResolver clientIps) {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems, audit, meters, clientIps);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::roles);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, PUBLIC_POSTS).permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/.well-known/openid-configuration").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/auth/verify-email").permitAll()
                        .pathMatchers("/api/v1/admin/**").hasRole(StrideClaims.ROLE_ADMIN)
                        .pathMatchers("/api/v1/notifications/unsubscribe").permitAll()
                        // Endpoint matchers only match on the management port (its own context), so
                        // /actuator/** on the public port is just an unknown path (404 with a token).
                        .matchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .matchers(EndpointRequest.toAnyEndpoint()).hasRole(StrideClaims.ROLE_ADMIN)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .build();
    }

    /** Signature and claims first ({@link #userAccessTokenValidator}), then revocation (logout, password change, lock...). */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties security, AccessTokenRevocations revocations) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Flux.fromIterable(keys.verificationKeys()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                // typ is checked by JwtTypeValidator below (Nimbus' own check only allows JWT).
                .validateType(false)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        new VerificationKeySelector(keys.verificationKeys())))
                .build();
        decoder.setJwtValidator(userAccessTokenValidator(security.issuer()));
        return new RevocationCheckingJwtDecoder(decoder, revocations);
    }

    static OAuth2TokenValidator<Jwt> userAccessTokenValidator(String issuer) {
        // the skew also sets how long revocation entries live (TokenProperties.CLOCK_SKEW)
        JwtTimestampValidator timestamps = new JwtTimestampValidator(TokenProperties.CLOCK_SKEW);
        timestamps.setAllowEmptyExpiryClaim(false);
        JwtTypeValidator type = new JwtTypeValidator(StrideClaims.ACCESS_TOKEN_TYPE);
        type.setAllowEmpty(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                type,
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains(StrideClaims.API_AUDIENCE)),
                new JwtClaimValidator<Object>("sub", Objects::nonNull),
                // revocation compares the session and the issue time in ms: a token without them could not be
                // revoked. (Not iat: Spring fills a missing iat with exp - 1 s, later than any cutoff.)
                new JwtClaimValidator<Object>(AccessTokenIssuer.SESSION_ID, Objects::nonNull),
                new JwtClaimValidator<Object>(AccessTokenIssuer.ISSUED_AT_MILLIS, Number.class::isInstance),
                new JwtClaimValidator<Object>(StrideClaims.TOKEN_KIND, StrideClaims.KIND_USER::equals)));
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(StrideClaims.ROLES);
        if (roles == null) {
            return List.of();
        }
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
