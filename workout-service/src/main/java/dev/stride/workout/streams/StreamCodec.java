package dev.stride.workout.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.InflaterInputStream;

/**
 * Compact binary form of {@link StreamData}: version byte, point count, then each column as a flag
 * (absent/present) and, when present, one varint per point: 0 for "no value", else
 * zigzag(quantized value − previous quantized value) + 1. Quantization: time 1 ms, distance 1 cm,
 * latitude/longitude 1e-6° (≈ 0.11 m), altitude 1 dm, heart rate / cadence / watts 1 unit,
 * velocity 1 mm/s. The whole is deflated: a one-hour 1 Hz run takes about 15–25 KB.
 */
final class StreamCodec {

    private static final int VERSION = 1;
    private static final double[] SCALE = {1000, 100, 1e6, 1e6, 10, 1, 1, 1, 1000};

    private StreamCodec() {
    }

    static byte[] encode(StreamData data) {
        // the varints go to memory first and are deflated in one call: a DeflaterOutputStream
        // deflates on every single-byte write, which made encoding a sizeable share of an upload's CPU
        Varints raw = new Varints(Math.max(64, data.size() * 12));
        raw.put(VERSION);
        raw.putVarint(data.size());
        double[][] columns = columns(data);
        for (int c = 0; c < columns.length; c++) {
            double[] column = columns[c];
            if (!StreamData.any(column)) {
                raw.put(0);
                continue;
            }
            raw.put(1);
            long previous = 0;
            for (double v : column) {
                if (Double.isNaN(v)) {
                    raw.put(0);
                } else {
                    long q = Math.round(v * SCALE[c]);
                    long delta = q - previous;
                    raw.putVarint(((delta << 1) ^ (delta >> 63)) + 1);
                    previous = q;
                }
            }
        }
        return deflate(raw.bytes, raw.length);
    }

    static StreamData decode(byte[] encoded) {
        Varints in = new Varints(inflate(encoded));
        int version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown stream encoding version " + version);
        }
        int n = (int) in.getVarint();
        double[][] columns = new double[SCALE.length][];
        for (int c = 0; c < SCALE.length; c++) {
            double[] column = new double[n];
            if (in.get() == 0) {
                Arrays.fill(column, Double.NaN);
            } else {
                long previous = 0;
                for (int i = 0; i < n; i++) {
                    long z = in.getVarint();
                    if (z == 0) {
                        column[i] = Double.NaN;
                    } else {
                        long u = z - 1;
                        long delta = (u >>> 1) ^ -(u & 1);
                        previous += delta;
                        column[i] = previous / SCALE[c];
                    }
                }
            }
            columns[c] = column;
        }
        return new StreamData(n, columns[0], columns[1], columns[2], columns[3], columns[4], columns[5],
                columns[6], columns[7], columns[8]);
    }

    private static byte[] deflate(byte[] raw, int length) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw, 0, length);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length / 3));
            byte[] chunk = new byte[Math.min(Math.max(length, 64), 64 * 1024)];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] encoded) {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(encoded))) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static double[][] columns(StreamData d) {
        return new double[][] {d.time(), d.distance(), d.lat(), d.lon(), d.altitude(), d.heartrate(), d.cadence(),
            d.watts(), d.velocity()};
    }

    /** A growable byte array written and read as unsigned LEB128 varints. */
    private static final class Varints {

        private byte[] bytes;
        private int length;
        private int position;

        Varints(int capacity) {
            this.bytes = new byte[capacity];
        }

        Varints(byte[] content) {
            this.bytes = content;
            this.length = content.length;
        }

        void put(int b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[length++] = (byte) b;
        }

        void putVarint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                put((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            put((int) v);
        }

        int get() {
            if (position == length) {
                throw new UncheckedIOException(new EOFException("truncated stream data"));
            }
            return bytes[position++] & 0xFF;
        }

        long getVarint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = get();
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new UncheckedIOException(new IOException("malformed varint"));
        }
    }
}
