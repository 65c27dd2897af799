package dev.stride.workout.analysis;

import dev.stride.workout.parsing.TrackPoints;

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
        return haversine(p1, Math.cos(p1), p2, Math.cos(p2), Math.toRadians(lon2 - lon1));
    }

    private static double haversine(double p1, double cos1, double p2, double cos2, double dl) {
        return 2 * EARTH_RADIUS * Math.asin(halfChord(p1, cos1, p2, cos2, dl));
    }

    /** sin(c / 2) for the central angle c, so the distance is 2R·asin of it. */
    private static double halfChord(double p1, double cos1, double p2, double cos2, double dl) {
        // each sine once and squared: the same bits as calling it twice
        double sp = Math.sin((p2 - p1) / 2);
        double sl = Math.sin(dl / 2);
        double h = sp * sp + cos1 * cos2 * sl * sl;
        return Math.min(1, Math.sqrt(h));
    }

    /**
     * {@link #distance} between points of a track, by index. Along a track the end of one step is
     * the start of the next, so the cosine of its latitude is kept for the next call (the same
     * value: a third of the trigonometry of a step).
     */
    static final class Steps {
        private static final double SPEED_MARGIN = 1e-9;
        private final TrackPoints p;
        private int cachedIndex = -1;
        private double cachedCos;

        Steps(TrackPoints p) {
            this.p = p;
        }

        double distance(int from, int to) {
            return 2 * EARTH_RADIUS * Math.asin(halfChord(from, to));
        }

        /**
         * Whether {@code distance(from, to) / dt > speed}, as computed, mostly without the arcsine:
         * for x ≤ 0.1 (steps up to 1,270 km) asin x lies between x and x(1 + x²/5), and only a
         * speed within a relative 1e-9 of the limit (far above the few ulps of rounding) needs it.
         */
        boolean faster(int from, int to, double dt, double speed) {
            double x = halfChord(from, to);
            if (x <= 0.1) {
                double low = 2 * EARTH_RADIUS * x / dt;
                if (low * (1 - SPEED_MARGIN) > speed) {
                    return true;
                }
                if (low * (1 + x * x / 5) * (1 + SPEED_MARGIN) < speed) {
                    return false;
                }
            }
            return 2 * EARTH_RADIUS * Math.asin(x) / dt > speed;
        }

        private double halfChord(int from, int to) {
            double p1 = Math.toRadians(p.lat(from));
            double p2 = Math.toRadians(p.lat(to));
            double cos1 = from == cachedIndex ? cachedCos : Math.cos(p1);
            double cos2 = Math.cos(p2);
            cachedIndex = to;
            cachedCos = cos2;
            return Geo.halfChord(p1, cos1, p2, cos2, Math.toRadians(p.lon(to) - p.lon(from)));
        }
    }
}
