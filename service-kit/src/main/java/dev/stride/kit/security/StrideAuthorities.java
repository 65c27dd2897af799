package dev.stride.kit.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import dev.stride.contracts.StrideClaims;

/**
 * Maps Stride claims to authorities: {@code roles} → ROLE_x, {@code scope} → SCOPE_x and the token
 * kind → KIND_user / KIND_service, so rules can tell a user from a service.
 */
public final class StrideAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String USER_TOKEN = "KIND_" + StrideClaims.KIND_USER;
    public static final String SERVICE_TOKEN = "KIND_" + StrideClaims.KIND_SERVICE;

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        String kind = jwt.getClaimAsString(StrideClaims.TOKEN_KIND);
        if (kind != null) {
            authorities.add(new SimpleGrantedAuthority("KIND_" + kind));
        }
        List<String> roles = jwt.getClaimAsStringList(StrideClaims.ROLES);
        if (roles != null && StrideClaims.KIND_USER.equals(kind)) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        String scope = jwt.getClaimAsString(StrideClaims.SCOPE);
        if (scope != null) {
            for (String s : scope.split(" ")) {
                if (!s.isBlank()) {
                    authorities.add(new SimpleGrantedAuthority("SCOPE_" + s));
                }
            }
        }
        return authorities;
    }
}
