package dev.stride.workout.parsing;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the GPX path of {@link WorkoutFileParser}. Seeds: {@code GpxFuzzTestInputs/} in the test
 * resources (small real GPX files and inputs the fuzzer once crashed the parser with).
 * Each input is also read by both XML readers, which must agree ({@link XmlDifferential}).
 * A plain {@code mvn test} runs only the seeds; {@code JAZZER_FUZZ=1} fuzzes (docs/workouts.md).
 */
class GpxFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void gpxParsesOrIsRejectedWithAReason(byte[] file) {
        FuzzContract.xmlParsesOrRejectsAlikeWithBothReaders(file);
    }
}
