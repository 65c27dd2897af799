package dev.stride.benchmarks;

import dev.stride.workout.analysis.AnalysisSettings;
import dev.stride.workout.analysis.WorkoutAnalysis;
import dev.stride.workout.analysis.WorkoutAnalyzer;
import dev.stride.workout.parsing.ParsedActivity;
import dev.stride.workout.parsing.ParserLimits;
import dev.stride.workout.parsing.WorkoutFileParser;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Heap that stays in use per point: the parsed activity (what the worker holds while it analyses)
 * and the analysis result, each measured as the growth of the used heap after full GCs. JMH's
 * {@code gc.alloc.rate.norm} counts every byte allocated (garbage included); this counts what is
 * kept. Transient arrays (the analysis' working arrays) are in neither.
 *
 * <p>{@code java -XX:+UseSerialGC -Xmx2g -cp benchmarks/target/benchmarks.jar dev.stride.benchmarks.RetainedMemory}
 */
public final class RetainedMemory {

    private RetainedMemory() {
    }

    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : ParseAndAnalyzeBenchmark.POINTS;
        SyntheticTrack track = SyntheticTrack.fromDefaultSource(points);
        WorkoutFileParser parser = new WorkoutFileParser(ParserLimits.defaults().withMaxBytes(1L << 30, 1L << 30));
        WorkoutAnalyzer analyzer = new WorkoutAnalyzer();
        System.out.printf("%-4s %12s %16s %18s%n", "fmt", "file bytes", "parsed B/point", "result B/point");
        for (String format : new String[] {"gpx", "tcx", "fit"}) {
            measure(format, track, parser, analyzer); // one frame per format: nothing of the previous one stays reachable
        }
    }

    private static void measure(String format, SyntheticTrack track, WorkoutFileParser parser, WorkoutAnalyzer analyzer) {
        int points = track.size();
        byte[] file = switch (format) {
            case "gpx" -> WorkoutFiles.gpx(track);
            case "tcx" -> WorkoutFiles.tcx(track);
            default -> WorkoutFiles.fit(track);
        };
        // run the code paths once, so class loading and JIT data are not counted
        analyzer.analyze(parser.parse(file, "warmup." + format), AnalysisSettings.defaults());
        long base = usedAfterGc();
        ParsedActivity parsed = parser.parse(file, "x." + format);
        long afterParse = usedAfterGc();
        WorkoutAnalysis analysis = analyzer.analyze(parsed, AnalysisSettings.defaults());
        long afterAnalysis = usedAfterGc();
        if (analysis.pointCount() != points || parsed.points().size() != points) {
            throw new IllegalStateException("unexpected point count");
        }
        System.out.printf("%-4s %,12d %16.1f %18.1f%n", format, file.length,
                (afterParse - base) / (double) points, (afterAnalysis - afterParse) / (double) points);
        // keep both reachable until measured
        if (parsed.hashCode() == analysis.hashCode()) {
            System.out.print("");
        }
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, heapUsed());
        }
        return used;
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
