package dev.stride.workout.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's "5 million points" bad input: a gzip-compressed GPX of 5,000,000 points, generated
 * while it is read, goes through the parser with the upload's default limits, in a JVM of its own
 * whose heap is {@value #HEAP} (workout-service itself runs with 256 MB, the Spring application
 * taking about 100 MB of it). The point limit (2,000,000) stops it with TOO_MANY_POINTS; the
 * points read up to then must fit in that heap without an OutOfMemoryError, which the parser
 * would report as TOO_LARGE instead.
 */
class FiveMillionPointsTest {

    static final String HEAP = "160m";
    static final long POINTS = 5_000_000;

    @Test
    void aGpxOfFiveMillionPointsIsRejectedAtThePointLimitWithinABoundedHeap() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx" + HEAP, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), FiveMillionPointsTest.class.getName())
                .redirectErrorStream(true).start();
        String output;
        try (InputStream out = child.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.print(output);
        List<String> lines = output.lines().filter(l -> l.startsWith("result|")).toList();
        assertThat(lines).as(output).hasSize(1);
        String[] result = lines.get(0).split("\\|");
        assertThat(result[1]).as(output).isEqualTo(WorkoutFileException.Reason.TOO_MANY_POINTS.name());
        assertThat(result[2]).isEqualTo("The activity has more than 2,000,000 track points");
        assertThat(child.exitValue()).isZero();
    }

    /** Runs in the child JVM: one line "result|REASON|message|compressed bytes produced|ms|peak heap MB". */
    public static void main(String[] args) throws IOException {
        AtomicLong compressed = new AtomicLong();
        long start = System.nanoTime();
        String line;
        try (InputStream in = GeneratedGpx.gzipped(POINTS, compressed)) {
            ParsedActivity a = new WorkoutFileParser(ParserLimits.defaults()).parse(in, "five-million.gpx.gz");
            line = "result|PARSED|" + a.points().size() + " points";
        } catch (WorkoutFileException e) {
            line = "result|" + e.reason() + "|" + e.getMessage();
        }
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(line + "|" + compressed.get() + "|" + (System.nanoTime() - start) / 1_000_000 + "|"
                + peak / (1024 * 1024));
    }
}
