package dev.stride.workout.parsing;

/**
 * The FIT protocol's CRC-16 (polynomial 0xA001, reflected, initial value 0: CRC-16/ARC). A FIT
 * file ends with the CRC of its header and data, so the CRC over the whole file, the two CRC
 * bytes included, is 0 for an intact file.
 */
final class FitCrc {

    private static final int[] TABLE = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            int crc = b;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[b] = crc;
        }
    }

    private FitCrc() {
    }

    static int of(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc;
    }
}
