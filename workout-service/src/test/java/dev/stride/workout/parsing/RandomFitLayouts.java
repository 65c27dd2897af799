package dev.stride.workout.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * FIT files of random record layouts, for the differential tests of {@link FitRecordDecoder}:
 * every base type against every field Stride reads (the profile's, the same size with another
 * type, smaller, larger, arrays, not a base type), both byte orders, invalid values,
 * compressed-timestamp headers, events between the records, unknown, accumulated and developer
 * fields. The file is valid as a FIT file (sizes, CRCs); its content is whatever {@code r} says.
 */
final class RandomFitLayouts {

    private RandomFitLayouts() {
    }

    private static final int[] SLOT_FIELDS = {253, 0, 1, 2, 3, 4, 5, 6, 7, 13, 73, 78};
    private static final int[] TYPES = {0x00, 0x01, 0x02, 0x83, 0x84, 0x85, 0x86, 0x07, 0x88, 0x89, 0x0A, 0x8B, 0x8C,
        0x0D, 0x8E, 0x8F, 0x90, 0x04, 0x06, 0x03, 0x22, 0xFF};
    private static final int[] SIZES = {1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8};

    static byte[] file(Random r) {
        FitBytes f = new FitBytes();
        long time = FitBytes.T0 + r.nextInt(1000);
        int records = 1 + r.nextInt(40);
        int[][] fields = null;
        boolean big = false;
        int local = 0;
        for (int i = 0; i < records; i++) {
            if (fields == null || r.nextInt(10) == 0) {
                big = r.nextInt(3) == 0;
                local = r.nextInt(4);
                fields = randomRecordFields(r);
                int[][] developer = r.nextInt(8) == 0 ? new int[][] {{0, 1 + r.nextInt(3), 0}} : null;
                f.define(local, big, 20, fields, developer);
                if (developer != null) {
                    fields = append(fields, new int[] {-1, developer[0][1], 2});
                }
            }
            time += 1 + r.nextInt(3);
            if (r.nextInt(3) == 0) {
                f.compressed(local, (int) time, randomValues(r, fields, big, time));
            } else {
                f.data(local, randomValues(r, fields, big, time));
            }
            if (r.nextInt(12) == 0) {
                // an event with a timestamp of its own moves the base of the compressed timestamps
                int eventLocal = (local + 1) % 4;
                f.define(eventLocal, false, 21, new int[][] {{253, 4, 0x86}, {0, 1, 0}, {1, 1, 0}}, null);
                f.data(eventLocal, FitBytes.values(false, new long[][] {{4, time + r.nextInt(100)}, {1, 0}, {1, 4}}));
                fields = fields(fields);
                f.define(local, big, 20, fields, null);
            }
        }
        return f.file();
    }

    /** The definition's fields without the appended developer field marker. */
    private static int[][] fields(int[][] fields) {
        return java.util.Arrays.stream(fields).filter(x -> x[0] >= 0).toArray(int[][]::new);
    }

    private static int[][] append(int[][] fields, int[] extra) {
        int[][] all = java.util.Arrays.copyOf(fields, fields.length + 1);
        all[fields.length] = extra;
        return all;
    }

    private static int[][] randomRecordFields(Random r) {
        List<int[]> fields = new ArrayList<>();
        for (int num : SLOT_FIELDS) {
            if (r.nextInt(10) < 6) {
                int type;
                int size;
                if (r.nextInt(3) > 0) {
                    type = profileType(num);
                    size = SIZES[type & 31];
                } else {
                    type = TYPES[r.nextInt(TYPES.length)];
                    size = (type & 31) < SIZES.length ? SIZES[type & 31] : 1 + r.nextInt(3);
                }
                if (r.nextInt(25) == 0) {
                    size = size * 2 + (r.nextBoolean() ? 1 : 0);
                }
                fields.add(new int[] {num, size, type});
            }
        }
        if (r.nextInt(4) == 0) {
            fields.add(new int[] {9, 2, 0x83}); // grade
        }
        if (r.nextInt(6) == 0) {
            fields.add(new int[] {200, 1 + r.nextInt(4), TYPES[r.nextInt(TYPES.length)]}); // not in the profile
        }
        if (r.nextInt(10) == 0) {
            fields.add(new int[] {18, 1, 2}); // cycles, expands into the accumulated total_cycles
        }
        java.util.Collections.shuffle(fields, r);
        return fields.toArray(int[][]::new);
    }

    private static int profileType(int num) {
        return switch (num) {
            case 253, 5, 73, 78 -> 0x86;
            case 0, 1 -> 0x85;
            case 2, 6, 7 -> 0x84;
            case 13 -> 0x01;
            default -> 0x02;
        };
    }

    private static byte[] randomValues(Random r, int[][] fields, boolean big, long time) {
        List<long[]> values = new ArrayList<>();
        for (int[] f : fields) {
            int size = f[1];
            long v;
            switch (r.nextInt(8)) {
                case 0 -> v = -1; // all bits set: the invalid value of unsigned types
                case 1 -> v = size >= 4 ? 0x7FFFFFFFL : size == 2 ? 0x7FFF : 0x7F; // invalid of signed types
                case 2 -> v = 0; // invalid of the z types
                default -> v = f[0] == 253 ? time : r.nextLong();
            }
            if (f[0] == 0 || f[0] == 1) {
                if (r.nextBoolean()) {
                    v = r.nextInt(1 << 30) - (1 << 29);
                }
            }
            for (int left = size; left > 0; left -= Math.min(left, 8)) {
                values.add(new long[] {Math.min(left, 8), v});
            }
        }
        return FitBytes.values(big, values.toArray(long[][]::new));
    }
}
