package dev.stride.workout.parsing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Random;

/**
 * Fuzzes {@link FitRecordDecoder} against the FIT SDK with FIT files that are valid as files
 * (sizes, CRCs) and whose record layouts and values the fuzzer chooses ({@link RandomFitLayouts}).
 * {@link FitFuzzTest} mutates bytes, and nearly every mutation breaks a file's structure before
 * its records are reached (of its corpus, 13 of 355 inputs were decoded by the record decoder at
 * all); here every input is. The same activity, bit for bit, or the same failure from both paths
 * ({@link FitDifferential}), else a finding.
 */
class FitRecordLayoutFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void recordLayoutsDecodeAsWithTheSdkAlone(FuzzedDataProvider data) {
        byte[] file = RandomFitLayouts.file(new ProvidedRandom(data));
        FitDifferential.assertSameOutcome(file, FuzzContract.LIMITS);
    }

    /** A {@link Random} whose bits are the fuzzer's (zeros once they run out). */
    private static final class ProvidedRandom extends Random {

        private final transient FuzzedDataProvider data;

        ProvidedRandom(FuzzedDataProvider data) {
            super(0);
            this.data = data;
        }

        @Override
        protected int next(int bits) {
            return data.consumeInt() >>> (32 - bits);
        }
    }
}
