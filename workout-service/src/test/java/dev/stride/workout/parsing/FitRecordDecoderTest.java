package dev.stride.workout.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stride's decoder of FIT records against the FIT SDK: every outcome of {@link FitReader#read}
 * must be the one of {@link FitReader#readWithSdk} ({@link FitDifferential}), and the files the
 * decoder is meant to cover must actually take it.
 */
class FitRecordDecoderTest {

    /** Surefire runs with the module directory (workout-service) as working directory. */
    static final Path DATA = Path.of("..", "..", "shared", "testdata", "workouts");
    static final ParserLimits LIMITS = ParserLimits.defaults();

    static Stream<String> fitFiles() throws IOException {
        if (!Files.isDirectory(DATA)) {
            return Stream.of("(shared test data folder absent)");
        }
        try (Stream<Path> s = Files.walk(DATA)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> DATA.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".fit") || p.endsWith(".fit.gz"))
                    .sorted().toList().stream();
        }
    }

    static byte[] content(String name) throws IOException {
        try (InputStream in = Files.newInputStream(DATA.resolve(name))) {
            return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fitFiles")
    void everyRealFitFileDecodesAsWithTheSdkAlone(String name) throws IOException {
        assumeTrue(Files.isDirectory(DATA), "the shared test data folder is absent");
        byte[] file = content(name);
        FitDifferential.assertSameOutcome(file, LIMITS);
        ParsedActivity sdk;
        try {
            sdk = FitReader.readWithSdk(file, LIMITS);
        } catch (WorkoutFileException e) {
            return; // a file the SDK rejects: the same failure is all that is asked
        }
        assertThat(FitReader.decodesRecordsItself(file, LIMITS)).as("the record decoder covers " + name).isTrue();
        assertThat(sdk.points().size()).isPositive();
    }

    /** The profile values the decoder carries as constants are the SDK's (a newer SDK could change them). */
    @Test
    void theDecodersRecordProfileIsTheSdks() throws ReflectiveOperationException {
        int[] fields = {253, 0, 1, 2, 3, 4, 5, 6, 7, 13, 73, 78};
        for (int s = 0; s < fields.length; s++) {
            com.garmin.fit.Field f = com.garmin.fit.Factory.createField(com.garmin.fit.MesgNum.RECORD, fields[s]);
            assertThat(f.getType()).as("type of field " + fields[s]).isEqualTo(FitRecordDecoder.SLOT_PROFILE_TYPES[s]);
            assertThat(declared(f, "scale")).as("scale of field " + fields[s]).isEqualTo(FitRecordDecoder.SLOT_SCALES[s]);
            assertThat(declared(f, "offset")).as("offset of field " + fields[s]).isEqualTo(FitRecordDecoder.SLOT_OFFSETS[s]);
        }
        // the components the decoder expands: altitude → enhanced_altitude, speed → enhanced_speed, 16 bits,
        // with the base field's scale and offset; and no other field but compressed_speed_distance expands into
        // one Stride reads
        assertThat(components(2)).containsExactly("78/16/5.0/500.0");
        assertThat(components(6)).containsExactly("73/16/1000.0/0.0");
        for (int num = 0; num < 256; num++) {
            for (String c : components(num)) {
                int target = Integer.parseInt(c.substring(0, c.indexOf('/')));
                if (num != 2 && num != 6 && num != FitRecordDecoder.COMPRESSED_SPEED_DISTANCE) {
                    assertThat(fields).as("field " + num + " expands into " + target).doesNotContain(target);
                }
            }
        }
    }

    private static Object declared(Object o, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field f = com.garmin.fit.Field.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    private static List<String> components(int num) throws ReflectiveOperationException {
        com.garmin.fit.Field f = com.garmin.fit.Factory.createField(com.garmin.fit.MesgNum.RECORD, num);
        List<String> out = new ArrayList<>();
        for (Object c : (List<?>) declared(f, "components")) {
            out.add(component(c, "fieldNum") + "/" + component(c, "bits") + "/" + component(c, "scale") + "/"
                    + component(c, "offset"));
        }
        return out;
    }

    private static Object component(Object c, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field f = c.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(c);
    }

    @Test
    void aBenchmarkLikeFileFromTheSdkEncoderDecodesAsWithTheSdkAlone() {
        byte[] file = FitBytes.sdkActivity(20_000);
        FitRecordDecoder split = FitRecordDecoder.split(file);
        assertThat(split).isNotNull();
        assertThat(split.recordCount()).isEqualTo(20_000);
        assertThat(FitReader.decodesRecordsItself(file, LIMITS)).isTrue();
        FitDifferential.assertSameOutcome(file, LIMITS);
        ParsedActivity a = FitReader.read(file, LIMITS);
        assertThat(a.points().size()).isEqualTo(20_000);
        assertThat(a.laps()).hasSize(20);
        assertThat(a.timerPauses()).hasSize(2); // the one in the middle, and the last stop
        assertThat(a.deviceModel()).isEqualTo("EDGE_530");
    }

    @Test
    void bigEndianRecordsWithCompressedTimestampsDecodeAsWithTheSdkAlone() {
        int[][] fields = {{253, 4, 0x86}, {0, 4, 0x85}, {1, 4, 0x85}, {3, 1, 2}, {6, 2, 0x84}, {2, 2, 0x84}};
        FitBytes f = new FitBytes().define(0, true, 20, fields, null);
        f.data(0, FitBytes.values(true, new long[][] {{4, FitBytes.T0}, {4, 555_000_000}, {4, 77_000_000}, {1, 130},
                {2, 5123}, {2, 2600}}));
        int[][] compact = {{0, 4, 0x85}, {1, 4, 0x85}, {3, 1, 2}, {6, 2, 0x84}};
        f.define(1, true, 20, compact, null);
        for (int i = 1; i < 70; i++) {
            // 5-bit offsets wrap every 32 s
            f.compressed(1, (int) (FitBytes.T0 + 3 * i), FitBytes.values(true, new long[][] {{4, 555_000_000 + i},
                    {4, 77_000_000 - i}, {1, i % 7 == 0 ? 0xFF : 120 + i}, {2, i % 5 == 0 ? 0xFFFF : 4000 + i}}));
        }
        byte[] file = f.file();
        assertThat(FitReader.decodesRecordsItself(file, LIMITS)).isTrue();
        FitDifferential.assertSameOutcome(file, LIMITS);
        ParsedActivity a = FitReader.read(file, LIMITS);
        assertThat(a.points().size()).isEqualTo(70);
        assertThat(a.points().time(69) - a.points().time(0)).isEqualTo(69 * 3 * 1000L);
        assertThat(a.points().speed(1)).isEqualTo(4.001f);
        assertThat(a.points().heartRate(7)).isNaN();
    }

    @Test
    void compressedSpeedDistanceAndCompressedTimestampsOnOtherMessagesAreLeftToTheSdk() {
        byte[] speedDistance = new FitBytes().define(0, false, 20, new int[][] {{253, 4, 0x86}, {8, 3, 13}}, null)
                .data(0, FitBytes.values(false, new long[][] {{4, FitBytes.T0}, {3, 0x123456}}))
                .data(0, FitBytes.values(false, new long[][] {{4, FitBytes.T0 + 1}, {3, 0x123556}})).file();
        assertThat(FitRecordDecoder.split(speedDistance)).isNull();
        FitDifferential.assertSameOutcome(speedDistance, LIMITS);

        byte[] compressedEvent = new FitBytes()
                .define(0, false, 20, new int[][] {{253, 4, 0x86}, {3, 1, 2}}, null)
                .data(0, FitBytes.values(false, new long[][] {{4, FitBytes.T0}, {1, 100}}))
                .define(1, false, 21, new int[][] {{0, 1, 0}, {1, 1, 0}}, null)
                .compressed(1, (int) FitBytes.T0 + 5, new byte[] {0, 4}).file();
        assertThat(FitRecordDecoder.split(compressedEvent)).isNull();
        FitDifferential.assertSameOutcome(compressedEvent, LIMITS);
    }

    /** Found by FitFuzzTest with a random record layout as seed: the reader indexed an empty session list. */
    @Test
    void aFitWhoseRecordsHaveNoTimestampIsRejectedWithAReason() {
        byte[] file = new FitBytes().define(0, false, 20, new int[][] {{3, 1, 2}}, null)
                .data(0, new byte[] {100}).data(0, new byte[] {101}).file();
        FitDifferential.assertSameOutcome(file, LIMITS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FitReader.read(file, LIMITS))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.NO_TIMESTAMPS))
                .hasMessage("The FIT file's records have no timestamps");
    }

    @Test
    void aMessageRunningIntoTheCrcFailsAsWithTheSdkAlone() {
        byte[] file = new FitBytes().define(0, false, 20, new int[][] {{253, 4, 0x86}, {3, 1, 2}}, null)
                .data(0, FitBytes.values(false, new long[][] {{4, FitBytes.T0}, {1, 100}}))
                .data(0, new byte[] {1, 2}).file();
        FitDifferential.assertSameOutcome(file, LIMITS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FitReader.read(file, LIMITS))
                .isInstanceOf(WorkoutFileException.class)
                .hasMessageStartingWith("The FIT file is damaged and could not be decoded");
    }

    @Test
    void aChainOfFilesWhoseSecondHasOnlyRecordsDecodesAsWithTheSdkAlone() {
        int[][] record = {{253, 4, 0x86}, {3, 1, 2}, {5, 4, 0x86}};
        byte[] first = new FitBytes().define(0, false, 20, record, null)
                .data(0, FitBytes.values(false, new long[][] {{4, FitBytes.T0}, {1, 100}, {4, 0}}))
                .define(1, false, 21, new int[][] {{253, 4, 0x86}, {0, 1, 0}, {1, 1, 0}}, null)
                .data(1, FitBytes.values(false, new long[][] {{4, FitBytes.T0}, {1, 0}, {1, 0}})).file();
        // the second file uses the first one's definitions (the SDK keeps them across chained files)
        byte[] second = new FitBytes()
                .data(0, FitBytes.values(false, new long[][] {{4, FitBytes.T0 + 1}, {1, 101}, {4, 350}}))
                .compressed(0, (int) FitBytes.T0 + 2, FitBytes.values(false, new long[][] {{4, 0xFFFFFFFFL}, {1, 102},
                        {4, 700}})).file();
        byte[] chained = new byte[first.length + second.length];
        System.arraycopy(first, 0, chained, 0, first.length);
        System.arraycopy(second, 0, chained, first.length, second.length);
        assertThat(FitReader.decodesRecordsItself(chained, LIMITS)).isTrue();
        FitDifferential.assertSameOutcome(chained, LIMITS);
        assertThat(FitReader.read(chained, LIMITS).points().size()).isEqualTo(3);
    }

    /**
     * Random record layouts: every base type against every field Stride reads (the profile's, the
     * same size with another type, smaller, larger, arrays, not a base type), both byte orders,
     * invalid values, compressed-timestamp headers, events between the records, unknown and
     * developer fields. Seeds are fixed, so a failure is repeatable.
     */
    @Test
    void randomRecordLayoutsDecodeAsWithTheSdkAlone() {
        int covered = 0;
        int files = 400;
        for (int seed = 0; seed < files; seed++) {
            byte[] file = RandomFitLayouts.file(new Random(seed));
            try {
                FitDifferential.assertSameOutcome(file, LIMITS);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
            if (FitReader.decodesRecordsItself(file, LIMITS)) {
                covered++;
            }
        }
        assertThat(covered).as("files the record decoder covers").isGreaterThan(files / 3);
    }
}
