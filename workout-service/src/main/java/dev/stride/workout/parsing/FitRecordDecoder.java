package dev.stride.workout.parsing;

import com.garmin.fit.Factory;
import com.garmin.fit.Field;
import com.garmin.fit.Fit;
import com.garmin.fit.MesgNum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stride's own decoder of the FIT {@code record} messages (the points, nearly all of a file),
 * straight from the bytes into a {@link TrackPointsBuilder}: no {@code Mesg}, {@code Field} or
 * boxed value per record. Everything else of the file (definitions, {@code file_id}, laps,
 * sessions, events, ...) is cut out into a FIT stream of its own, {@link #otherMessages()}, with
 * fresh data sizes and CRCs, which {@link FitReader} decodes with the Garmin FIT SDK as before.
 *
 * <p>The values are those the SDK gives {@link FitReader}'s reading of a decoded record, bit for
 * bit: the SDK's rules are reproduced here (a multi-byte value is big-endian unless its base type
 * carries the endian flag and the definition is little-endian; a field whose base type is smaller
 * than the profile's is read with the file's type, a larger one is not read; a value equal to its
 * type's invalid value is absent; scale and offset in double arithmetic; {@code speed} and
 * {@code altitude} expand into {@code enhanced_speed} / {@code enhanced_altitude} when those are
 * absent; compressed-timestamp headers count from the last {@code timestamp} of any message).
 * What this decoder does not reproduce makes {@link #split} answer null, and the file is then
 * decoded by the SDK alone: a field size that is not one value of its type (arrays, zero sizes),
 * a string-typed profile field in a record, {@code compressed_speed_distance} (its distance is
 * accumulated across records), a compressed-timestamp header on any other message (its time
 * depends on the records' timestamps, which the cut-down stream no longer has), a
 * {@code timestamp} of an unusual type. A structural fault (a message running past the data, an
 * undefined local message type, an unknown architecture) throws; {@link FitReader} then also
 * lets the SDK decode the whole file, so that a damaged file fails with the SDK's reason.
 */
final class FitRecordDecoder {

    /** The FIT epoch (1989-12-31T00:00:00Z) in Unix epoch milliseconds. */
    private static final long FIT_EPOCH_MILLIS = 631_065_600_000L;
    private static final double SEMICIRCLE_TO_DEGREES = 180.0 / 2147483648.0;
    private static final long UINT32_INVALID = 0xFFFF_FFFFL;
    private static final int[] BASE_TYPE_SIZES = {1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8};
    private static final int NOT_READ = -1;
    /** {@link #value} of an absent or invalid field. */
    private static final long NO_VALUE = Long.MIN_VALUE;
    private static final int STRING = 7;

    // the record fields FitReader reads (profile numbers), and their profile base type, scale and offset
    static final int TIMESTAMP = 253;
    static final int LAT = 0;
    static final int LON = 1;
    static final int ALTITUDE = 2;
    static final int HEART_RATE = 3;
    static final int CADENCE = 4;
    static final int DISTANCE = 5;
    static final int SPEED = 6;
    static final int POWER = 7;
    static final int COMPRESSED_SPEED_DISTANCE = 8;
    static final int TEMPERATURE = 13;
    static final int ENHANCED_SPEED = 73;
    static final int ENHANCED_ALTITUDE = 78;

    /** Slots of {@link Def#at}: the fields above in a fixed order. */
    private static final int[] SLOT_FIELDS = {TIMESTAMP, LAT, LON, ALTITUDE, HEART_RATE, CADENCE, DISTANCE, SPEED, POWER,
        TEMPERATURE, ENHANCED_SPEED, ENHANCED_ALTITUDE};
    private static final int S_TIME = 0;
    private static final int S_LAT = 1;
    private static final int S_LON = 2;
    private static final int S_ALT = 3;
    private static final int S_HR = 4;
    private static final int S_CAD = 5;
    private static final int S_DIST = 6;
    private static final int S_SPEED = 7;
    private static final int S_POWER = 8;
    private static final int S_TEMP = 9;
    private static final int S_ESPEED = 10;
    private static final int S_EALT = 11;
    /** Profile base types of the slots (record message, FIT profile 21.205). */
    static final int[] SLOT_PROFILE_TYPES = {134, 133, 133, 132, 2, 2, 134, 132, 132, 1, 134, 134};
    /** Profile scale and offset of the slots' values (and of the enhanced fields the components expand into). */
    static final double[] SLOT_SCALES = {1, 1, 1, 5, 1, 1, 100, 1000, 1, 1, 1000, 5};
    static final double[] SLOT_OFFSETS = {0, 0, 0, 500, 0, 0, 0, 0, 0, 0, 0, 500};

    /** A message definition as this decoder needs it. */
    private static final class Def {
        final boolean record;
        /** Bytes of a data message after its header. */
        final int size;
        /** Per slot: the field's byte offset in a data message, or -1 when absent or not read. */
        final int[] at = new int[SLOT_FIELDS.length];
        /** Per slot: the base type the SDK reads the value with. */
        final int[] type = new int[SLOT_FIELDS.length];
        /** Per slot: the value is little-endian. */
        final boolean[] little = new boolean[SLOT_FIELDS.length];
        /** Definition bytes are copied into the other messages' stream. */
        final boolean copied;

        Def(boolean record, int size, boolean copied) {
            this.record = record;
            this.size = size;
            this.copied = copied;
            Arrays.fill(at, -1);
        }
    }

    private final byte[] file;
    private final List<Def> defs = new ArrayList<>();
    private int records;
    private byte[] out = new byte[4096];
    private int outLength;

    private FitRecordDecoder(byte[] file) {
        this.file = file;
    }

    /**
     * Walks the whole file once (the points are not decoded yet): the definitions, the number of
     * records and the stream of the other messages. Null when the file uses something this decoder
     * does not reproduce exactly; an exception when the file is malformed. The file's structure
     * (headers, sizes, CRCs) must have been checked ({@link FitReader#checkStructure}).
     */
    static FitRecordDecoder split(byte[] file) {
        FitRecordDecoder d = new FitRecordDecoder(file);
        return d.scan() ? d : null;
    }

    int recordCount() {
        return records;
    }

    /** The file without its record data messages: headers, definitions, other messages, new sizes and CRCs. */
    byte[] otherMessages() {
        return Arrays.copyOf(out, outLength);
    }

    private boolean scan() {
        Def[] local = new Def[16];
        int offset = 0;
        while (offset < file.length) {
            int headerSize = file[offset] & 0xFF;
            if ((file[offset + 1] & Fit.PROTOCOL_VERSION_MAJOR_MASK) >> Fit.PROTOCOL_VERSION_MAJOR_SHIFT
                    > Fit.PROTOCOL_VERSION_MAJOR) {
                // a segment of records only never reaches the SDK, which refuses a protocol it does
                // not know: let it decode the whole file and say so
                return false;
            }
            int dataStart = offset + headerSize;
            int dataEnd = dataStart + (int) le32(offset + 4);
            int segmentStart = outLength;
            append(offset, headerSize);
            int p = dataStart;
            while (p < dataEnd) {
                int header = file[p] & 0xFF;
                if ((header & 0x80) != 0) {
                    Def def = defined(local[(header >> 5) & 3]);
                    if (!def.record) {
                        return false;
                    }
                    records++;
                    p = within(p + 1 + def.size, dataEnd);
                } else if ((header & 0x40) != 0) {
                    int end = definitionEnd(p, dataEnd);
                    Def def = define(p, end);
                    if (def == null) {
                        return false;
                    }
                    defs.add(def);
                    local[header & 0x0F] = def;
                    if (def.copied) {
                        append(p, end - p);
                    }
                    p = end;
                } else {
                    Def def = defined(local[header & 0x0F]);
                    int end = within(p + 1 + def.size, dataEnd);
                    if (def.record) {
                        records++;
                    } else {
                        append(p, end - p);
                    }
                    p = end;
                }
            }
            finishSegment(segmentStart, headerSize);
            offset = dataEnd + 2;
        }
        return true;
    }

    private static Def defined(Def def) {
        if (def == null) {
            throw new IllegalStateException("data message of an undefined local message type");
        }
        return def;
    }

    private static int within(int end, int dataEnd) {
        if (end > dataEnd) {
            throw new IllegalStateException("message runs past the end of the data");
        }
        return end;
    }

    private int definitionEnd(int p, int dataEnd) {
        int fieldsAt = p + 5;
        if (fieldsAt >= dataEnd) {
            throw new IllegalStateException("definition runs past the end of the data");
        }
        int end = fieldsAt + 1 + 3 * (file[fieldsAt] & 0xFF);
        if ((file[p] & 0x20) != 0) {
            if (end >= dataEnd) {
                throw new IllegalStateException("definition runs past the end of the data");
            }
            end += 1 + 3 * (file[end] & 0xFF);
        }
        return within(end, dataEnd);
    }

    /** The definition message in [p, end); null when it needs the SDK. */
    private Def define(int p, int end) {
        int arch = file[p + 2] & 0xFF;
        if (arch > 1) {
            throw new IllegalStateException("unknown architecture " + arch);
        }
        boolean big = arch == 1;
        int global = big ? (file[p + 3] & 0xFF) << 8 | (file[p + 4] & 0xFF) : (file[p + 3] & 0xFF) | (file[p + 4] & 0xFF) << 8;
        int fieldCount = file[p + 5] & 0xFF;
        int fieldsEnd = p + 6 + 3 * fieldCount;
        boolean developer = (file[p] & 0x20) != 0;
        boolean record = global == MesgNum.RECORD;
        int size = 0;
        for (int q = p + 6; q < fieldsEnd; q += 3) {
            int fieldSize = file[q + 1] & 0xFF;
            if (fieldSize == 0) {
                return null; // the SDK's reading of zero-sized fields is not simple to mirror
            }
            size += fieldSize;
        }
        for (int q = fieldsEnd + 1; q < end; q += 3) {
            int fieldSize = file[q + 1] & 0xFF;
            if (fieldSize == 0) {
                return null;
            }
            size += fieldSize;
        }
        Def def = new Def(record, size, !record || developer);
        int position = 0;
        for (int q = p + 6; q < fieldsEnd; q += 3) {
            int num = file[q] & 0xFF;
            int fieldSize = file[q + 1] & 0xFF;
            int fileType = file[q + 2] & 0xFF;
            if (record) {
                if (!planRecordField(def, num, fieldSize, fileType, big, position)) {
                    return null;
                }
            } else if (num == TIMESTAMP && !planTimestamp(def, global, fieldSize, fileType, big, position)) {
                return null;
            }
            position += fieldSize;
        }
        return def;
    }

    private static boolean planRecordField(Def def, int num, int size, int fileType, boolean big, int position) {
        if (num == COMPRESSED_SPEED_DISTANCE) {
            return false;
        }
        int slot = slotOf(num);
        if (slot < 0) {
            // not read by Stride; only a string value in a profile field can upset the SDK's
            // decoding (an accumulated field or component is read as a number)
            if ((fileType & 31) < 17) {
                Field profile = Factory.createField(MesgNum.RECORD, num);
                return !(!"unknown".equals(profile.getName())
                        && effectiveType(fileType, profile.getType(), false) == STRING);
            }
            return true;
        }
        if (def.at[slot] != -1 || def.type[slot] == NOT_READ) {
            return false; // the same field twice
        }
        int type = effectiveType(fileType, SLOT_PROFILE_TYPES[slot], false);
        return plan(def, slot, type, size, fileType, big, position);
    }

    private static boolean planTimestamp(Def def, int global, int size, int fileType, boolean big, int position) {
        if (def.at[S_TIME] != -1 || def.type[S_TIME] == NOT_READ) {
            return false;
        }
        Field profile = Factory.createField(global, TIMESTAMP);
        boolean unknown = "unknown".equals(profile.getName());
        int type = effectiveType(fileType, profile.getType(), unknown);
        return plan(def, S_TIME, type, size, fileType, big, position);
    }

    private static boolean plan(Def def, int slot, int type, int size, int fileType, boolean big, int position) {
        if (type == NOT_READ || !isReadable(type)) {
            if (type == STRING || isWideNumber(type)) {
                return false;
            }
            def.type[slot] = NOT_READ; // the SDK reads nothing: the field is absent
            return true;
        }
        if (size != BASE_TYPE_SIZES[type & 31]) {
            return false; // an array or a partial value
        }
        def.at[slot] = position;
        def.type[slot] = type;
        def.little[slot] = (fileType & 0x80) != 0 && !big;
        return true;
    }

    /**
     * The base type the SDK's {@code Decode} reads a field with: the profile's, or the file's when
     * that is smaller (or the field is not in the profile); {@link #NOT_READ} when the file's is
     * larger or not a FIT base type.
     */
    static int effectiveType(int fileType, int profileType, boolean unknownField) {
        if ((fileType & 31) >= 17) {
            return NOT_READ;
        }
        if (unknownField) {
            return fileType;
        }
        if (profileType != fileType) {
            int fileSize = BASE_TYPE_SIZES[fileType & 31];
            int profileSize = BASE_TYPE_SIZES[profileType & 31];
            if (fileSize < profileSize) {
                return fileType;
            }
            if (fileSize != profileSize) {
                return NOT_READ;
            }
        }
        return profileType;
    }

    /** Integer types of at most 4 bytes, which this decoder reads. */
    private static boolean isReadable(int type) {
        return switch (type) {
            case 0, 1, 2, 10, 13, 131, 132, 139, 133, 134, 140 -> true;
            default -> false;
        };
    }

    /** Types the SDK reads but this decoder does not: floats, 64-bit integers. */
    private static boolean isWideNumber(int type) {
        return type == 136 || type == 137 || type == 142 || type == 143 || type == 144;
    }

    private static int slotOf(int num) {
        for (int s = 0; s < SLOT_FIELDS.length; s++) {
            if (SLOT_FIELDS[s] == num) {
                return s;
            }
        }
        return -1;
    }

    private void finishSegment(int segmentStart, int headerSize) {
        int dataSize = outLength - segmentStart - headerSize;
        if (dataSize == 0) {
            outLength = segmentStart; // only records: the SDK has nothing to decode in this file
            return;
        }
        out[segmentStart + 4] = (byte) dataSize;
        out[segmentStart + 5] = (byte) (dataSize >>> 8);
        out[segmentStart + 6] = (byte) (dataSize >>> 16);
        out[segmentStart + 7] = (byte) (dataSize >>> 24);
        if (headerSize == 14) {
            int headerCrc = FitCrc.of(out, segmentStart, segmentStart + 12);
            out[segmentStart + 12] = (byte) headerCrc;
            out[segmentStart + 13] = (byte) (headerCrc >>> 8);
        }
        int crc = FitCrc.of(out, segmentStart, outLength);
        ensure(2);
        out[outLength++] = (byte) crc;
        out[outLength++] = (byte) (crc >>> 8);
    }

    private void append(int from, int length) {
        ensure(length);
        System.arraycopy(file, from, out, outLength, length);
        outLength += length;
    }

    private void ensure(int more) {
        if (outLength + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLength + more));
        }
    }

    private long le32(int p) {
        return (file[p] & 0xFFL) | (file[p + 1] & 0xFFL) << 8 | (file[p + 2] & 0xFFL) << 16 | (file[p + 3] & 0xFFL) << 24;
    }

    /**
     * Second walk: every record into {@code points}, in file order, with the values the SDK's
     * decoding would give {@link FitReader}.
     */
    void decodeRecords(TrackPointsBuilder points) {
        Def[] local = new Def[16];
        int defIndex = 0;
        long timestamp = 0; // the SDK's decoder keeps it across chained files
        int offset = 0;
        while (offset < file.length) {
            int headerSize = file[offset] & 0xFF;
            int dataStart = offset + headerSize;
            int dataEnd = dataStart + (int) le32(offset + 4);
            int lastTimeOffset = 0;
            int p = dataStart;
            while (p < dataEnd) {
                int header = file[p] & 0xFF;
                if ((header & 0x80) != 0) {
                    Def def = local[(header >> 5) & 3];
                    int timeOffset = header & 0x1F;
                    timestamp += (timeOffset - lastTimeOffset) & 0x1F;
                    lastTimeOffset = timeOffset;
                    long time = timestamp < 0 || timestamp > UINT32_INVALID ? UINT32_INVALID : timestamp;
                    long fieldTime = addRecord(points, def, p + 1, time * 1000 + FIT_EPOCH_MILLIS);
                    if (fieldTime != NO_VALUE) {
                        timestamp = fieldTime;
                        lastTimeOffset = (int) (fieldTime & 0x1F);
                    }
                    p += 1 + def.size;
                } else if ((header & 0x40) != 0) {
                    local[header & 0x0F] = defs.get(defIndex++);
                    p = definitionEnd(p, dataEnd);
                } else {
                    Def def = local[header & 0x0F];
                    long fieldTime;
                    if (def.record) {
                        fieldTime = addRecord(points, def, p + 1, TrackPoints.NO_TIME);
                    } else {
                        fieldTime = value(def, S_TIME, p + 1);
                    }
                    if (fieldTime != NO_VALUE) {
                        timestamp = fieldTime;
                        lastTimeOffset = (int) (fieldTime & 0x1F);
                    }
                    p += 1 + def.size;
                }
            }
            offset = dataEnd + 2;
        }
    }

    /**
     * Adds the record whose fields start at {@code p}; {@code compressedTime} is the time of a
     * compressed-timestamp header (epoch millis) or {@link TrackPoints#NO_TIME}. Returns the
     * record's own timestamp field (FIT seconds), or {@link #NO_VALUE}.
     */
    private long addRecord(TrackPointsBuilder points, Def def, int p, long compressedTime) {
        long ts = value(def, S_TIME, p);
        long t = compressedTime != TrackPoints.NO_TIME ? compressedTime
                : ts == NO_VALUE ? TrackPoints.NO_TIME : ts * 1000 + FIT_EPOCH_MILLIS;
        long la = value(def, S_LAT, p);
        long lo = value(def, S_LON, p);
        double lat = la == NO_VALUE || lo == NO_VALUE ? Double.NaN : (int) la * SEMICIRCLE_TO_DEGREES;
        double lon = la == NO_VALUE || lo == NO_VALUE ? Double.NaN : (int) lo * SEMICIRCLE_TO_DEGREES;
        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
            lat = Double.NaN;
            lon = Double.NaN;
        }
        float altitude = enhancedOrBase(def, p, S_EALT, S_ALT);
        float speed = enhancedOrBase(def, p, S_ESPEED, S_SPEED);
        long dist = value(def, S_DIST, p);
        long hr = value(def, S_HR, p);
        long cad = value(def, S_CAD, p);
        long pw = value(def, S_POWER, p);
        long temp = value(def, S_TEMP, p);
        points.add(t, lat, lon, altitude, dist == NO_VALUE ? Double.NaN : scaled(dist, S_DIST),
                hr == NO_VALUE ? Float.NaN : (short) hr,
                cad == NO_VALUE ? Float.NaN : (short) cad,
                pw == NO_VALUE ? Float.NaN : (int) pw,
                temp == NO_VALUE ? Float.NaN : (byte) temp, speed);
        return ts;
    }

    /**
     * The enhanced field when the record has it, else the base field as the SDK expands it into the
     * enhanced one (16 bits of the base field's value, rescaled, rounded), else the base field itself
     * (a base field read with a one-byte type has too few bits to expand).
     */
    private float enhancedOrBase(Def def, int p, int enhancedSlot, int baseSlot) {
        long enhanced = value(def, enhancedSlot, p);
        if (enhanced != NO_VALUE) {
            return scaled(enhanced, enhancedSlot);
        }
        long base = value(def, baseSlot, p);
        if (base == NO_VALUE) {
            return Float.NaN;
        }
        if (BASE_TYPE_SIZES[def.type[baseSlot] & 31] * 8 >= 16) {
            double componentScale = SLOT_SCALES[baseSlot];
            double componentOffset = SLOT_OFFSETS[baseSlot];
            long expanded = Math.round(((base & 0xFFFF) / componentScale - componentOffset + SLOT_OFFSETS[enhancedSlot])
                    * SLOT_SCALES[enhancedSlot]);
            return scaled(expanded, enhancedSlot);
        }
        return scaled(base, baseSlot);
    }

    private static float scaled(long raw, int slot) {
        return (float) ((double) raw / SLOT_SCALES[slot] - SLOT_OFFSETS[slot]);
    }

    /** The slot's value as the SDK reads it (sign-extended per its type), or {@link #NO_VALUE} when absent or invalid. */
    private long value(Def def, int slot, int p) {
        int at = def.at[slot];
        if (at < 0) {
            return NO_VALUE;
        }
        int i = p + at;
        int type = def.type[slot];
        boolean little = def.little[slot];
        long v;
        switch (type) {
            case 0, 2, 13 -> {
                v = file[i] & 0xFF;
                if (v == 0xFF) {
                    return NO_VALUE;
                }
            }
            case 10 -> {
                v = file[i] & 0xFF;
                if (v == 0) {
                    return NO_VALUE;
                }
            }
            case 1 -> {
                v = file[i];
                if (v == 0x7F) {
                    return NO_VALUE;
                }
            }
            case 131 -> {
                v = (short) u16(i, little);
                if (v == 0x7FFF) {
                    return NO_VALUE;
                }
            }
            case 132 -> {
                v = u16(i, little);
                if (v == 0xFFFF) {
                    return NO_VALUE;
                }
            }
            case 139 -> {
                v = u16(i, little);
                if (v == 0) {
                    return NO_VALUE;
                }
            }
            case 133 -> {
                v = (int) u32(i, little);
                if (v == 0x7FFF_FFFF) {
                    return NO_VALUE;
                }
            }
            case 134 -> {
                v = u32(i, little);
                if (v == UINT32_INVALID) {
                    return NO_VALUE;
                }
            }
            case 140 -> {
                v = u32(i, little);
                if (v == 0) {
                    return NO_VALUE;
                }
            }
            default -> throw new IllegalStateException("unplanned type " + type);
        }
        return v;
    }

    private int u16(int i, boolean little) {
        return little ? (file[i] & 0xFF) | (file[i + 1] & 0xFF) << 8 : (file[i] & 0xFF) << 8 | (file[i + 1] & 0xFF);
    }

    private long u32(int i, boolean little) {
        return little
                ? (file[i] & 0xFFL) | (file[i + 1] & 0xFFL) << 8 | (file[i + 2] & 0xFFL) << 16 | (file[i + 3] & 0xFFL) << 24
                : (file[i] & 0xFFL) << 24 | (file[i + 1] & 0xFFL) << 16 | (file[i + 2] & 0xFFL) << 8 | (file[i + 3] & 0xFFL);
    }
}
