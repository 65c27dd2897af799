package dev.stride.workout.parsing;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the TCX path of {@link WorkoutFileParser}. Seeds: {@code TcxFuzzTestInputs/} in the test
 * resources (a slice of a real TCX file and inputs the fuzzer once crashed the parser with).
 * Each input is also read by both XML readers, which must agree ({@link XmlDifferential}).
 * A plain {@code mvn test} runs only the seeds; {@code JAZZER_FUZZ=1} fuzzes (docs/workouts.md).
 */
class TcxFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void tcxParsesOrIsRejectedWithAReason(byte[] file) {
        FuzzContract.xmlParsesOrRejectsAlikeWithBothReaders(file);
    }
}
