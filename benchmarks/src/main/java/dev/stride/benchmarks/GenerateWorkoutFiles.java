package dev.stride.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes the benchmark's files to a folder for inspection (they are not committed):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.stride.benchmarks.GenerateWorkoutFiles [dir] [points]}
 * (defaults: benchmarks/target/workouts, 100000).
 */
public final class GenerateWorkoutFiles {

    private GenerateWorkoutFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "benchmarks/target/workouts");
        int points = args.length > 1 ? Integer.parseInt(args[1]) : ParseAndAnalyzeBenchmark.POINTS;
        SyntheticTrack track = SyntheticTrack.fromDefaultSource(points);
        Files.createDirectories(dir);
        write(dir.resolve("ride-" + points + ".gpx"), WorkoutFiles.gpx(track));
        write(dir.resolve("ride-" + points + ".tcx"), WorkoutFiles.tcx(track));
        write(dir.resolve("ride-" + points + ".fit"), WorkoutFiles.fit(track));
        System.out.printf("from %s (%d points): %d points, %d passes, %.1f km, %.1f h%n", track.sourceName(),
                track.sourcePoints(), track.size(), track.lapStarts.length, track.totalDistance() / 1000,
                track.durationMillis() / 3_600_000.0);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        System.out.printf("%s: %,d bytes%n", file, bytes.length);
    }
}
