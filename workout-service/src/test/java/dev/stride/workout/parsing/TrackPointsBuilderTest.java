package dev.stride.workout.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Point storage across chunk boundaries: what goes in comes out, in time order, whatever the size. */
class TrackPointsBuilderTest {

    private static final long T0 = 1_714_550_400_000L;
    private static final int POINTS = 3 * Chunks.SIZE + 123;

    @Test
    void everyValueComesBackAcrossChunkBoundaries() {
        TrackPointsBuilder b = new TrackPointsBuilder(POINTS);
        for (int i = 0; i < POINTS; i++) {
            b.add(T0 + i * 1000L, i * 1e-6, -i * 1e-6, i, i * 2.5, 100 + i % 50, 80, i % 7, 20, 3.5f);
        }
        TrackPoints p = b.build(true);
        assertThat(p.size()).isEqualTo(POINTS);
        for (int i : new int[] {0, 255, 256, Chunks.SIZE - 1, Chunks.SIZE, 2 * Chunks.SIZE + 1, POINTS - 1}) {
            assertThat(p.time(i)).isEqualTo(T0 + i * 1000L);
            assertThat(p.lat(i)).isEqualTo(i * 1e-6);
            assertThat(p.lon(i)).isEqualTo(-i * 1e-6);
            assertThat(p.elevation(i)).isEqualTo(i);
            assertThat(p.deviceDistance(i)).isEqualTo(i * 2.5);
            assertThat(p.heartRate(i)).isEqualTo(100 + i % 50);
            assertThat(p.power(i)).isEqualTo(i % 7);
            assertThat(p.speed(i)).isEqualTo(3.5f);
        }
        assertThatThrownBy(() -> p.time(POINTS)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> p.heartRate(POINTS)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aValueFirstSeenLateLeavesTheEarlierPointsWithout() {
        TrackPointsBuilder b = new TrackPointsBuilder(POINTS);
        int first = 2 * Chunks.SIZE + 10;
        for (int i = 0; i < POINTS; i++) {
            b.add(T0 + i * 1000L, 1, 2, Float.NaN, Double.NaN, i >= first ? 150 : Float.NaN, Float.NaN, Float.NaN,
                    Float.NaN, Float.NaN);
        }
        TrackPoints p = b.build(true);
        assertThat(p.heartRate(0)).isNaN();
        assertThat(p.heartRate(first - 1)).isNaN();
        assertThat(p.heartRate(first)).isEqualTo(150);
        assertThat(p.heartRate(POINTS - 1)).isEqualTo(150);
        assertThat(p.hasHeartRate()).isTrue();
        assertThat(p.hasPower()).isFalse();
        assertThat(p.hasElevation()).isFalse();
        assertThat(p.hasDeviceDistance()).isFalse();
        assertThat(p.cadence(POINTS - 1)).isNaN();
    }

    @Test
    void pointsOutOfOrderAcrossChunksAreSortedAndRepeatsDropped() {
        TrackPointsBuilder b = new TrackPointsBuilder(POINTS + 1);
        for (int i = POINTS - 1; i >= 0; i--) {
            b.add(T0 + i * 1000L, i, i, Float.NaN, Double.NaN, i, Float.NaN, Float.NaN, Float.NaN, Float.NaN);
        }
        b.add(T0, 99, 99, Float.NaN, Double.NaN, 99, Float.NaN, Float.NaN, Float.NaN, Float.NaN);
        TrackPoints p = b.build(true);
        assertThat(p.size()).isEqualTo(POINTS);
        assertThat(b.reordered()).isTrue();
        assertThat(b.droppedDuplicates()).isEqualTo(1);
        for (int i = 0; i < POINTS; i++) {
            assertThat(p.time(i)).isEqualTo(T0 + i * 1000L);
        }
        // of the two points at T0 the first in the file is kept
        assertThat(p.heartRate(0)).isEqualTo(0);
        assertThat(p.lat(Chunks.SIZE)).isEqualTo(Chunks.SIZE);
    }

    @Test
    void aSliceAcrossChunksHoldsItsPointsOnly() {
        TrackPointsBuilder b = new TrackPointsBuilder(POINTS);
        for (int i = 0; i < POINTS; i++) {
            if (i == Chunks.SIZE + 5) {
                b.newSegment();
            }
            b.add(T0 + i * 1000L, i, i, Float.NaN, Double.NaN, Float.NaN, i, Float.NaN, Float.NaN, Float.NaN);
        }
        TrackPoints all = b.build(true);
        TrackPoints slice = all.slice(Chunks.SIZE - 3, 2 * Chunks.SIZE + 7);
        assertThat(slice.size()).isEqualTo(Chunks.SIZE + 10);
        assertThat(slice.time(0)).isEqualTo(all.time(Chunks.SIZE - 3));
        assertThat(slice.cadence(slice.size() - 1)).isEqualTo(2 * Chunks.SIZE + 6);
        assertThat(slice.startsSegment(8)).isTrue();
        assertThat(slice.startsSegment(7)).isFalse();
        assertThat(slice.heartRate(0)).isNaN();
    }

    @Test
    void aReservedTrackTakesMorePointsThanReserved() {
        TrackPointsBuilder b = new TrackPointsBuilder(POINTS);
        b.reserve(Chunks.SIZE + 10);
        for (int i = 0; i < POINTS; i++) {
            b.add(T0 + i * 1000L, i, i, Float.NaN, Double.NaN, i == Chunks.SIZE + 12 ? 1 : Float.NaN, Float.NaN,
                    Float.NaN, Float.NaN, Float.NaN);
        }
        TrackPoints p = b.build(true);
        for (int i = 0; i < POINTS; i++) {
            assertThat(p.lat(i)).isEqualTo(i);
        }
        assertThat(p.heartRate(Chunks.SIZE + 12)).isEqualTo(1);
        assertThat(p.heartRate(Chunks.SIZE + 11)).isNaN();
        assertThat(p.heartRate(POINTS - 1)).isNaN();
    }

    @Test
    void nothingIsAddedAfterTheBuild() {
        TrackPointsBuilder b = new TrackPointsBuilder(10);
        b.add(T0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        TrackPoints p = b.build(true);
        assertThatThrownBy(() -> b.add(T0 + 1000, 1, 2, 3, 4, 5, 6, 7, 8, 9)).isInstanceOf(IllegalStateException.class);
        assertThat(p.size()).isEqualTo(1);
    }

    @Test
    void theLimitStopsTheTrack() {
        TrackPointsBuilder b = new TrackPointsBuilder(Chunks.SIZE + 1);
        for (int i = 0; i <= Chunks.SIZE; i++) {
            b.add(T0 + i, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
        assertThatThrownBy(() -> b.add(T0 - 1, 1, 2, 3, 4, 5, 6, 7, 8, 9))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.TOO_MANY_POINTS));
    }
}
