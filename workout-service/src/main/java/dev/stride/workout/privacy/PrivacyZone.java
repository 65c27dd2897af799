package dev.stride.workout.privacy;

import java.time.Instant;
import java.util.UUID;

/** A place (centre, radius in metres) whose points other users never see. */
public record PrivacyZone(UUID id, double latitude, double longitude, double radius, Instant createdAt) {

    private static final double EARTH_RADIUS = 6_371_008.8;

    public boolean contains(double lat, double lon) {
        double dLat = Math.toRadians(lat - latitude);
        double dLon = Math.toRadians(lon - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a))) <= radius;
    }
}
