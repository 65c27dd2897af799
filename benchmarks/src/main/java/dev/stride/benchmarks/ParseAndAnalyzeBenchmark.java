package dev.stride.benchmarks;

import dev.stride.workout.analysis.AnalysisSettings;
import dev.stride.workout.analysis.WorkoutAnalysis;
import dev.stride.workout.analysis.WorkoutAnalyzer;
import dev.stride.workout.parsing.ParsedActivity;
import dev.stride.workout.parsing.ParserLimits;
import dev.stride.workout.parsing.WorkoutFileParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + full analysis of a 100,000-point workout file (issue 4, "Performance"), one thread.
 *
 * <p>The file is generated once per fork from a real recording ({@link SyntheticTrack}) and held
 * in memory, so the benchmark measures parsing and analysis, not disk I/O. {@code parseAndAnalyze}
 * is what the upload worker does per file (detect the format, parse the bytes it decrypted, analyse with default
 * settings); {@code parseOnly} and {@code analyzeOnly} split it in two. The byte limits are raised
 * to 1 GB because the 100k-point GPX and TCX files are larger than the 25 MB upload limit when not
 * compressed (an upload would gzip them); the point limit stays at its default.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 5, time = 4)
public class ParseAndAnalyzeBenchmark {

    public static final int POINTS = 100_000;

    @Param({"gpx", "tcx", "fit"})
    public String format;

    private byte[] file;
    private ParsedActivity parsed;
    private final WorkoutFileParser parser =
            new WorkoutFileParser(ParserLimits.defaults().withMaxBytes(1L << 30, 1L << 30));
    private final WorkoutAnalyzer analyzer = new WorkoutAnalyzer();
    private final AnalysisSettings settings = AnalysisSettings.defaults();

    @Setup(Level.Trial)
    public void generate() {
        SyntheticTrack track = SyntheticTrack.fromDefaultSource(POINTS);
        file = switch (format) {
            case "gpx" -> WorkoutFiles.gpx(track);
            case "tcx" -> WorkoutFiles.tcx(track);
            case "fit" -> WorkoutFiles.fit(track);
            default -> throw new IllegalArgumentException(format);
        };
        parsed = parser.parse(file, "benchmark." + format);
        if (parsed.points().size() != POINTS) {
            throw new IllegalStateException(format + ": parsed " + parsed.points().size() + " points, expected " + POINTS);
        }
        WorkoutAnalysis a = analyzer.analyze(parsed, settings);
        System.out.printf("%n[setup] %s: %,d bytes (%.2f MiB), %,d points, %.1f bytes/point in the file; "
                        + "distance %.0f m, moving %.0f s, %d km splits, %d laps, %d best efforts%n",
                format, file.length, file.length / 1048576.0, parsed.points().size(),
                file.length / (double) parsed.points().size(), a.distance(), a.movingTime(), a.splitsKm().size(),
                a.laps().size(), a.bestEfforts().size());
    }

    @Benchmark
    public WorkoutAnalysis parseAndAnalyze() {
        ParsedActivity activity = parser.parse(file, "benchmark." + format);
        return analyzer.analyze(activity, settings);
    }

    @Benchmark
    public ParsedActivity parseOnly() {
        return parser.parse(file, "benchmark." + format);
    }

    @Benchmark
    public WorkoutAnalysis analyzeOnly() {
        return analyzer.analyze(parsed, settings);
    }
}
