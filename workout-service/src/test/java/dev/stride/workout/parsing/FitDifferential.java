package dev.stride.workout.parsing;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Compares {@link FitReader#read} (Stride's record decoder, the FIT SDK for the rest) with
 * {@link FitReader#readWithSdk} (the FIT SDK for everything) on the same bytes: the same
 * activity, every point's values bit for bit, or the same failure (reason and message).
 */
final class FitDifferential {

    private FitDifferential() {
    }

    static void assertSameOutcome(byte[] file, ParserLimits limits) {
        Object fast = outcome(() -> FitReader.read(file, limits));
        Object sdk = outcome(() -> FitReader.readWithSdk(file, limits));
        if (fast instanceof ParsedActivity a && sdk instanceof ParsedActivity b) {
            assertSame(a, b);
        } else if (fast instanceof RuntimeException a && sdk instanceof RuntimeException b) {
            if (a.getClass() != b.getClass() || !Objects.equals(a.getMessage(), b.getMessage())
                    || a instanceof WorkoutFileException wa && wa.reason() != ((WorkoutFileException) b).reason()) {
                throw new AssertionError("different failures: " + describe(a) + " / SDK: " + describe(b), a);
            }
        } else {
            throw new AssertionError("different outcomes: " + describe(fast) + " / SDK: " + describe(sdk),
                    fast instanceof Throwable t ? t : sdk instanceof Throwable t ? t : null);
        }
    }

    private static Object outcome(Supplier<ParsedActivity> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String describe(Object o) {
        if (o instanceof WorkoutFileException e) {
            return e.reason() + ": " + e.getMessage();
        }
        if (o instanceof ParsedActivity a) {
            return "an activity of " + a.points().size() + " points";
        }
        return String.valueOf(o);
    }

    static void assertSame(ParsedActivity a, ParsedActivity b) {
        check("format", a.format(), b.format());
        check("sport", a.sport(), b.sport());
        check("file sport", a.fileSport(), b.fileSport());
        check("start", a.startTime(), b.startTime());
        check("manufacturer", a.deviceManufacturer(), b.deviceManufacturer());
        check("model", a.deviceModel(), b.deviceModel());
        check("laps", a.laps(), b.laps());
        check("sessions", a.sessions(), b.sessions());
        check("totals", a.totals(), b.totals());
        check("pauses", a.timerPauses(), b.timerPauses());
        check("stats", a.stats(), b.stats());
        TrackPoints p = a.points();
        TrackPoints q = b.points();
        check("points", p.size(), q.size());
        for (int i = 0; i < p.size(); i++) {
            check(i, "time", p.time(i), q.time(i));
            check(i, "lat", Double.doubleToLongBits(p.lat(i)), Double.doubleToLongBits(q.lat(i)));
            check(i, "lon", Double.doubleToLongBits(p.lon(i)), Double.doubleToLongBits(q.lon(i)));
            check(i, "elevation", Float.floatToIntBits(p.elevation(i)), Float.floatToIntBits(q.elevation(i)));
            check(i, "distance", Double.doubleToLongBits(p.deviceDistance(i)), Double.doubleToLongBits(q.deviceDistance(i)));
            check(i, "heart rate", Float.floatToIntBits(p.heartRate(i)), Float.floatToIntBits(q.heartRate(i)));
            check(i, "cadence", Float.floatToIntBits(p.cadence(i)), Float.floatToIntBits(q.cadence(i)));
            check(i, "power", Float.floatToIntBits(p.power(i)), Float.floatToIntBits(q.power(i)));
            check(i, "temperature", Float.floatToIntBits(p.temperature(i)), Float.floatToIntBits(q.temperature(i)));
            check(i, "speed", Float.floatToIntBits(p.speed(i)), Float.floatToIntBits(q.speed(i)));
            check(i, "segment start", p.startsSegment(i), q.startsSegment(i));
        }
    }

    private static void check(String what, Object fast, Object sdk) {
        if (!Objects.equals(fast, sdk)) {
            throw new AssertionError(what + " differs: " + fast + " / SDK: " + sdk);
        }
    }

    private static void check(int point, String what, Object fast, Object sdk) {
        if (!Objects.equals(fast, sdk)) {
            throw new AssertionError("point " + point + ": " + what + " differs: " + fast + " / SDK: " + sdk);
        }
    }
}
