package dev.stride.workout.analysis;

/**
 * Haversine distance on a sphere with the mean radius of the WGS84 ellipsoid
 * (R1 = (2a + b) / 3 = 6,371,008.8 m). Against Vincenty on the ellipsoid the error is below
 * 0.5 % in the worst direction and far below GPS noise for the short steps of a track.
 */
final class Geo {

    static final double EARTH_RADIUS = 6_371_008.8;

    private Geo() {
    }

    static double distance(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
