package dev.stride.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every TCP port the local platform binds. {@link #defaults()} are the documented ones;
 * {@link #free()} picks unused ones so tests never collide with a running developer platform.
 */
public record Ports(int kafka, int kafkaController, int smtp, int mailApi, int shop, int gateway, int gatewayManagement,
        int workout, int workoutManagement, int social, int socialManagement, int marketing, int marketingManagement,
        int notification, int notificationManagement) {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public static Ports defaults() {
        return new Ports(9092, 9093, 3025, 8025, 8089, 8443, 9080, 8081, 9081, 8082, 9082, 8083, 9083, 8084, 9084);
    }

    /**
     * Fifteen distinct ports that were free a moment ago, drawn below Linux's ephemeral range
     * (32768–60999): ports the OS hands to other tests' servers and to outgoing connections would be
     * taken again between this check and the start of a service.
     */
    public static Ports free() {
        Set<Integer> ports = new LinkedHashSet<>();
        int attempts = 0;
        while (ports.size() < 15) {
            if (++attempts > 2000) {
                throw new PlatformException("cannot find 15 free ports between 20000 and 32000");
            }
            int candidate = 20000 + RANDOM.nextInt(12000);
            if (!ports.contains(candidate) && bindable(candidate)) {
                ports.add(candidate);
            }
        }
        int[] p = ports.stream().mapToInt(Integer::intValue).toArray();
        return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12], p[13], p[14]);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        }
        catch (IOException taken) {
            return false;
        }
    }

    /** Port → component, in start order, for the "port taken" check and the summary. */
    public Map<Integer, String> byComponent() {
        Map<Integer, String> map = new LinkedHashMap<>();
        map.put(kafka, "Kafka broker");
        map.put(kafkaController, "Kafka controller");
        map.put(smtp, "GreenMail SMTP");
        map.put(mailApi, "GreenMail mail viewer/API");
        map.put(shop, "shop simulator (WireMock)");
        map.put(gateway, "gateway-service (HTTPS)");
        map.put(gatewayManagement, "gateway-service management");
        map.put(workout, "workout-service");
        map.put(workoutManagement, "workout-service management");
        map.put(social, "social-service");
        map.put(socialManagement, "social-service management");
        map.put(marketing, "marketing-service");
        map.put(marketingManagement, "marketing-service management");
        map.put(notification, "notification-service");
        map.put(notificationManagement, "notification-service management");
        if (map.size() != 15) {
            throw new IllegalArgumentException("two components are configured with the same port: " + this);
        }
        return map;
    }

    /** Whether something accepts TCP connections on {@code port} of the loopback address. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        }
        catch (IOException refused) {
            return false;
        }
    }

    /** @throws PortInUseException for the first port something else already listens on */
    public void requireAllFree() {
        byComponent().forEach(Ports::requireFree);
    }

    static void requireFree(int port, String component) {
        try (ServerSocket socket = new ServerSocket()) {
            // like the servers themselves: TIME_WAIT leftovers of a previous run do not block a listener
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        }
        catch (IOException ex) {
            throw new PortInUseException(port, component);
        }
    }
}
