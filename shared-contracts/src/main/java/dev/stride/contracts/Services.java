package dev.stride.contracts;

import java.util.List;

/**
 * Service names. Each is also the JWT audience of service tokens minted for that service and the
 * name of its PostgreSQL schema owner role suffix.
 */
public final class Services {

    public static final String GATEWAY = "gateway-service";
    public static final String WORKOUT = "workout-service";
    public static final String SOCIAL = "social-service";
    public static final String MARKETING = "marketing-service";
    public static final String NOTIFICATION = "notification-service";

    public static final List<String> ALL = List.of(GATEWAY, WORKOUT, SOCIAL, MARKETING, NOTIFICATION);

    private Services() {
    }
}
