package dev.stride.workout.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BestEffortsTest {

    /** The skipped windows are only those that cannot win: the result is the one of examining every window. */
    @Test
    void skippingHopelessWindowsGivesExactlyTheResultOfExaminingAll() {
        Random random = new Random(42);
        for (int track = 0; track < 300; track++) {
            int n = 2 + random.nextInt(2_000);
            double[] cum = new double[n];
            double[] t = new double[n];
            for (int i = 1; i < n; i++) {
                // standing still, GPS-like steps and the odd jump; time mostly forward, sometimes equal or back
                double step = random.nextInt(10) == 0 ? 0 : random.nextDouble() * (random.nextInt(50) == 0 ? 500 : 8);
                cum[i] = cum[i - 1] + step;
                double dt = random.nextInt(40) == 0 ? -random.nextDouble() : random.nextInt(30) == 0 ? 0 : 0.2 + random.nextDouble() * 3;
                t[i] = t[i - 1] + dt;
            }
            assertSameAsExaminingEveryWindow(cum, t, n, track);
        }
    }

    /** On tracks whose distance and time never decrease, skipping whole blocks gives the same result too. */
    @Test
    void skippingBlocksOfWindowsGivesExactlyTheResultOfExaminingAll() {
        Random random = new Random(43);
        for (int track = 0; track < 200; track++) {
            int n = 2 + random.nextInt(20_000);
            double[] cum = new double[n];
            double[] t = new double[n];
            double pace = 0.5 + random.nextDouble() * 10;
            for (int i = 1; i < n; i++) {
                // steady stretches, stops, bursts and repeated timestamps, so some blocks are skipped and some not
                double step = random.nextInt(10) == 0 ? 0 : pace * (0.5 + random.nextDouble()) * (random.nextInt(200) == 0 ? 20 : 1);
                cum[i] = cum[i - 1] + step;
                t[i] = t[i - 1] + (random.nextInt(30) == 0 ? 0 : random.nextInt(50) == 0 ? 30 : 1);
            }
            assertSameAsExaminingEveryWindow(cum, t, n, track);
        }
    }

    private static void assertSameAsExaminingEveryWindow(double[] cum, double[] t, int n, int track) {
        for (double d : BestEfforts.DISTANCES) {
            if (cum[n - 1] < d) {
                break;
            }
            assertThat(BestEfforts.fastest(cum, t, n, d)).as("track %d, %s m", track, d)
                    .isEqualTo(examiningEveryWindow(cum, t, n, d));
        }
    }

    /** BestEfforts.fastest as it was before the pruning. */
    private static double[] examiningEveryWindow(double[] cum, double[] t, int n, double d) {
        double bestTime = Double.POSITIVE_INFINITY;
        double bestStart = 0;
        int i = 0;
        for (int j = 1; j < n; j++) {
            double target = cum[j] - d;
            if (target < cum[0]) {
                continue;
            }
            while (i + 1 < j && cum[i + 1] <= target) {
                i++;
            }
            double startT = interpolate(cum, t, i, target);
            double dur = t[j] - startT;
            if (dur > 0 && dur < bestTime) {
                bestTime = dur;
                bestStart = startT;
            }
        }
        int j = 1;
        for (i = 0; i < n - 1; i++) {
            double target = cum[i] + d;
            if (target > cum[n - 1]) {
                break;
            }
            if (j <= i) {
                j = i + 1;
            }
            while (j < n - 1 && cum[j] < target) {
                j++;
            }
            double endT = interpolate(cum, t, j - 1, target);
            double dur = endT - t[i];
            if (dur > 0 && dur < bestTime) {
                bestTime = dur;
                bestStart = t[i];
            }
        }
        return Double.isInfinite(bestTime) ? null : new double[] {bestTime, bestStart};
    }

    private static double interpolate(double[] cum, double[] t, int a, double target) {
        int b = Math.min(a + 1, cum.length - 1);
        double span = cum[b] - cum[a];
        if (span <= 0) {
            return t[a];
        }
        double f = Math.max(0, Math.min(1, (target - cum[a]) / span));
        return t[a] + f * (t[b] - t[a]);
    }
}
