package dev.stride.workout.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Fastest time over a fixed distance on any sub-segment, O(n) per distance with two pointers.
 * Distance and time are treated as piecewise linear between points, so the optimum has one end on
 * a point: pass 1 ends windows at every point and interpolates the start; pass 2 starts windows at
 * every point and interpolates the end. The time axis is elapsed (wall-clock) time.
 *
 * <p>When distance and time never decrease (the usual track), a block of {@link #BLOCK} windows is
 * skipped at once when a bound shows that the per-window bound would skip each of them: most
 * windows of the longer distances. The result is exactly that of examining every window.
 */
final class BestEfforts {

    static final String[] NAMES = {"400m", "1/2 mile", "1k", "1 mile", "2 mile", "5k", "10k", "15k", "10 mile", "20k",
        "Half-Marathon", "30k", "Marathon"};
    static final double[] DISTANCES = {400, 804.672, 1000, 1609.344, 3218.688, 5000, 10000, 15000, 16093.44, 20000,
        21097.5, 30000, 42195};

    /**
     * Seconds by which a window's bound must exceed the best time before it is skipped unexamined:
     * far above the rounding error of an interpolated time (about 1e-12 s on a day-long track),
     * far below anything a result can show.
     */
    private static final double PRUNE_MARGIN = 1e-6;

    /** Windows per block (on the benchmark track 16 was faster than 8, 32 or 64). */
    private static final int BLOCK = 16;

    private BestEfforts() {
    }

    static List<WorkoutAnalysis.BestEffort> compute(double[] cum, double[] t, int n) {
        List<WorkoutAnalysis.BestEffort> out = new ArrayList<>();
        if (n < 2) {
            return out;
        }
        double total = cum[n - 1] - cum[0];
        boolean monotone = nondecreasing(cum, n) && nondecreasing(t, n);
        for (int k = 0; k < DISTANCES.length; k++) {
            double d = DISTANCES[k];
            if (total + 1e-9 < d) {
                break;
            }
            double[] best = fastest(cum, t, n, d, monotone);
            if (best != null) {
                out.add(new WorkoutAnalysis.BestEffort(NAMES[k], d, best[0], best[1] - t[0]));
            }
        }
        return out;
    }

    /** @return {duration, startTime} of the fastest window, or null */
    static double[] fastest(double[] cum, double[] t, int n, double d) {
        return fastest(cum, t, n, d, nondecreasing(cum, n) && nondecreasing(t, n));
    }

    private static boolean nondecreasing(double[] a, int n) {
        for (int k = 1; k < n; k++) {
            if (!(a[k] >= a[k - 1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param monotone cum and t never decrease: then where a pointer stops depends only on the
     *                 window it is at, not on the way there, and a block's ends bound its windows
     */
    private static double[] fastest(double[] cum, double[] t, int n, double d, boolean monotone) {
        double bestTime = Double.POSITIVE_INFINITY;
        double bestStart = 0;
        // pass 1: window ends at point j, start interpolated between i and i+1 (cum[i] <= cum[j]-d < cum[i+1])
        int i = 0;
        for (int from = 1; from < n; from += BLOCK) {
            int last = Math.min(n, from + BLOCK) - 1;
            double lastTarget = cum[last] - d;
            // k, guessed as if i moved with j, is after every start of the block's windows when its
            // distance is beyond the last one's start: each of them then lasts at least t[from] - t[k]
            int k = Math.min(last, i + (last - from) + 2);
            if (monotone && cum[k] > lastTarget && t[from] - t[k] - PRUNE_MARGIN >= bestTime) {
                while (i + 1 < last && cum[i + 1] <= lastTarget) {
                    i++;
                }
                continue;
            }
            for (int j = from; j <= last; j++) {
                double target = cum[j] - d;
                if (target < cum[0]) {
                    continue;
                }
                while (i + 1 < j && cum[i + 1] <= target) {
                    i++;
                }
                // the interpolated start lies between t[i] and t[i + 1]: when even the later of the two
                // leaves a window no faster than the best, the division is not worth doing (PRUNE_MARGIN
                // covers the rounding of the interpolation, so no window that would win is skipped)
                if (t[j] - Math.max(t[i], t[Math.min(i + 1, cum.length - 1)]) - PRUNE_MARGIN >= bestTime) {
                    continue;
                }
                double startT = interpolate(cum, t, i, target);
                double dur = t[j] - startT;
                if (dur > 0 && dur < bestTime) {
                    bestTime = dur;
                    bestStart = startT;
                }
            }
        }
        // pass 2: window starts at point i, end interpolated between j-1 and j (cum[j-1] < cum[i]+d <= cum[j])
        int j = 1;
        for (int from = 0; from < n - 1; from += BLOCK) {
            int last = Math.min(n - 1, from + BLOCK) - 1;
            double lastTarget = cum[last] + d;
            // every window of the block ends at or after point max(j, from + 1) - 1
            if (monotone && lastTarget <= cum[n - 1]
                    && t[Math.max(j, from + 1) - 1] - t[last] - PRUNE_MARGIN >= bestTime) {
                j = Math.max(j, last + 1);
                while (j < n - 1 && cum[j] < lastTarget) {
                    j++;
                }
                continue;
            }
            for (i = from; i <= last; i++) {
                double target = cum[i] + d;
                if (target > cum[n - 1]) {
                    return result(bestTime, bestStart);
                }
                if (j <= i) {
                    j = i + 1;
                }
                while (j < n - 1 && cum[j] < target) {
                    j++;
                }
                // as in pass 1: the interpolated end is no earlier than the earlier of t[j - 1] and t[j]
                if (Math.min(t[j - 1], t[j]) - t[i] - PRUNE_MARGIN >= bestTime) {
                    continue;
                }
                double endT = interpolate(cum, t, j - 1, target);
                double dur = endT - t[i];
                if (dur > 0 && dur < bestTime) {
                    bestTime = dur;
                    bestStart = t[i];
                }
            }
        }
        return result(bestTime, bestStart);
    }

    private static double[] result(double bestTime, double bestStart) {
        return Double.isInfinite(bestTime) ? null : new double[] {bestTime, bestStart};
    }

    /** Time at which cumulative distance reaches {@code target}, interpolating between a and a+1. */
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
