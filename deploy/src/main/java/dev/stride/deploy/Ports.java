package dev.stride.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
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

    public static Ports defaults() {
        return new Ports(9092, 9093, 3025, 8025, 8089, 8443, 9080, 8081, 9081, 8082, 9082, 8083, 9083, 8084, 9084);
    }

    /** Fifteen distinct ports that were free a moment ago (the OS picks them from its ephemeral range). */
    public static Ports free() {
        List<ServerSocket> held = new ArrayList<>();
        Set<Integer> ports = new HashSet<>();
        try {
            while (ports.size() < 15) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
        }
        catch (IOException ex) {
            throw new PlatformException("cannot find free ports: " + ex.getMessage(), ex);
        }
        finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                }
                catch (IOException ignored) {
                    // best effort
                }
            }
        }
        int[] p = held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12], p[13], p[14]);
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
