package dev.stride.workout.parsing;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the FIT path of {@link WorkoutFileParser}. Seeds: {@code FitFuzzTestInputs/} in the test
 * resources (small real FIT files, a CRC-broken and a truncated one, and inputs the fuzzer once
 * crashed the parser with). A plain {@code mvn test} runs only the seeds; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/workouts.md).
 *
 * <p>Almost every mutation breaks the file's CRC, and a file whose CRC does not match is rejected
 * before it is decoded; the fuzzer cannot learn a checksum. So each input is parsed twice: as it
 * is (the header, length and CRC checks) and with its declared length and CRC made to match
 * (the FIT SDK's decoding and Stride's reading of the messages).
 *
 * <p>Each is also differential ({@link FitDifferential}): the parse with Stride's record decoder
 * ({@link FitRecordDecoder}) must give the same activity, bit for bit, or the same failure as the
 * FIT SDK alone; any difference is a finding.
 */
class FitFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void fitParsesOrIsRejectedWithAReason(byte[] file) {
        FuzzContract.parsesOrRejectsWithAReason(file);
        byte[] fixed = withMatchingLengthAndCrc(file);
        FuzzContract.parsesOrRejectsWithAReason(fixed);
        if (FitReader.looksLikeFit(fixed, fixed.length)) {
            FitDifferential.assertSameOutcome(fixed, FuzzContract.LIMITS);
        }
    }

    /** The input with its header's data size and the trailing file CRC rewritten to fit it. */
    static byte[] withMatchingLengthAndCrc(byte[] file) {
        if (file.length < 14 || (file[0] != 12 && file[0] != 14)) {
            return file;
        }
        int headerSize = file[0];
        byte[] fixed = file.clone();
        int dataSize = fixed.length - headerSize - 2;
        fixed[4] = (byte) dataSize;
        fixed[5] = (byte) (dataSize >>> 8);
        fixed[6] = (byte) (dataSize >>> 16);
        fixed[7] = (byte) (dataSize >>> 24);
        if (headerSize == 14) {
            int headerCrc = FitCrc.of(fixed, 0, 12);
            fixed[12] = (byte) headerCrc;
            fixed[13] = (byte) (headerCrc >>> 8);
        }
        int crc = FitCrc.of(fixed, 0, fixed.length - 2);
        fixed[fixed.length - 2] = (byte) crc;
        fixed[fixed.length - 1] = (byte) (crc >>> 8);
        return fixed;
    }
}
