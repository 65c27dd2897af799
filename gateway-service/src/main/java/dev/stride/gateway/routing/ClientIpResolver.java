package dev.stride.gateway.routing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The client address used for per-IP rate limits and the audit log. It is the TCP peer address;
 * {@code X-Forwarded-For} is only read when the peer is a configured trusted proxy, and then the
 * right-most entry that is not itself a trusted proxy is taken (entries further left are
 * client-controlled and ignored).
 */
@Component
public class ClientIpResolver {

    static final String UNKNOWN = "unknown";

    private final List<Cidr> trusted;

    public ClientIpResolver(EdgeProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(Cidr::parse).toList();
    }

    public String clientIp(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return UNKNOWN;
        }
        InetAddress address = remote.getAddress();
        String peer = address != null ? address.getHostAddress() : remote.getHostString();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String candidate = forwarded.get(i).trim();
            if (!isIpLiteral(candidate)) {
                // garbage in the header: stop at the last hop we can vouch for
                return peer;
            }
            if (!isTrusted(candidate)) {
                return candidate;
            }
            peer = candidate;
        }
        return peer;
    }

    boolean isTrusted(String ip) {
        if (trusted.isEmpty() || !isIpLiteral(ip)) {
            return false;
        }
        byte[] address = literal(ip);
        for (Cidr range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] literal(String ip) {
        try {
            // only called with IP literals: no DNS lookup
            return InetAddress.getByName(ip).getAddress();
        }
        catch (java.net.UnknownHostException ex) {
            return new byte[0];
        }
    }

    /** An address range {@code 10.0.0.0/8}, {@code fd00::/8} or a single address. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String value) {
            String[] parts = value.split("/", 2);
            if (!isIpLiteral(parts[0])) {
                throw new IllegalArgumentException("stride.gateway.trusted-proxies: not an IP or CIDR: " + value);
            }
            byte[] network = literal(parts[0]);
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("stride.gateway.trusted-proxies: bad prefix: " + value);
            }
            return new Cidr(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    /** A literal IPv4/IPv6 address (no host names: they would trigger a DNS lookup). */
    static boolean isIpLiteral(String value) {
        if (value.isEmpty() || value.length() > 45) {
            return false;
        }
        boolean v4 = value.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        boolean v6 = value.indexOf(':') >= 0
                && value.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!v4 && !v6) {
            return false;
        }
        if (v4) {
            String[] parts = value.split("\\.", -1);
            if (parts.length != 4) {
                return false;
            }
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                    return false;
                }
            }
        }
        return true;
    }
}
