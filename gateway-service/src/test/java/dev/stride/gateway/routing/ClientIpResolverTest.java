package dev.stride.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientIpResolverTest {

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/api/v1/auth/login")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        for (String value : forwardedFor) {
            builder.header("X-Forwarded-For", value);
        }
        return builder.build();
    }

    private static ClientIpResolver trusting(String... proxies) {
        return new ClientIpResolver(new EdgeProperties(List.of(proxies), null));
    }

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(trusting().clientIp(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertThat(trusting("10.0.0.0/8").clientIp(from("198.51.100.7", "10.1.2.3, 203.0.113.9")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyYieldsTheRightMostUntrustedHop() {
        ClientIpResolver resolver = trusting("10.0.0.0/8", "192.0.2.1");
        // client-supplied "1.1.1.1" is left of the real client 203.0.113.9, which the proxies appended
        assertThat(resolver.clientIp(from("10.0.0.5", "1.1.1.1, 203.0.113.9, 192.0.2.1"))).isEqualTo("203.0.113.9");
        assertThat(resolver.clientIp(from("10.0.0.5", "1.1.1.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastVouchedHop() {
        assertThat(trusting("10.0.0.0/8").clientIp(from("10.0.0.5", "evil.example"))).isEqualTo("10.0.0.5");
        assertThat(trusting("10.0.0.0/8").clientIp(from("10.0.0.5", "999.1.1.1"))).isEqualTo("10.0.0.5");
        assertThat(trusting("10.0.0.0/8").clientIp(from("10.0.0.5"))).isEqualTo("10.0.0.5");
    }

    @Test
    void cidrRangesMatchByPrefix() {
        ClientIpResolver resolver = trusting("172.16.0.0/12", "fd00::/8");
        assertThat(resolver.isTrusted("172.31.255.1")).isTrue();
        assertThat(resolver.isTrusted("172.32.0.1")).isFalse();
        assertThat(resolver.isTrusted("fd12::1")).isTrue();
        assertThat(resolver.isTrusted("fe80::1")).isFalse();
        assertThat(resolver.isTrusted("localhost")).isFalse();
        assertThatThrownBy(() -> trusting("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
    }
}
