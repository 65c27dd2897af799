package dev.stride.workout.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, data.size() * 4));
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 8192)) {
            out.write(VERSION);
            writeVarint(out, data.size());
            double[][] columns = columns(data);
            for (int c = 0; c < columns.length; c++) {
                double[] column = columns[c];
                if (!StreamData.any(column)) {
                    out.write(0);
                    continue;
                }
                out.write(1);
                long previous = 0;
                for (double v : column) {
                    if (Double.isNaN(v)) {
                        writeVarint(out, 0);
                    } else {
                        long q = Math.round(v * SCALE[c]);
                        long delta = q - previous;
                        writeVarint(out, ((delta << 1) ^ (delta >> 63)) + 1);
                        previous = q;
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    static StreamData decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(
                new java.io.BufferedInputStream(new InflaterInputStream(new ByteArrayInputStream(encoded)), 8192))) {
            int version = in.read();
            if (version != VERSION) {
                throw new IllegalStateException("unknown stream encoding version " + version);
            }
            int n = (int) readVarint(in);
            double[][] columns = new double[SCALE.length][];
            for (int c = 0; c < SCALE.length; c++) {
                double[] column = new double[n];
                if (in.read() == 0) {
                    java.util.Arrays.fill(column, Double.NaN);
                } else {
                    long previous = 0;
                    for (int i = 0; i < n; i++) {
                        long z = readVarint(in);
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
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static double[][] columns(StreamData d) {
        return new double[][] {d.time(), d.distance(), d.lat(), d.lon(), d.altitude(), d.heartrate(), d.cadence(),
            d.watts(), d.velocity()};
    }

    private static void writeVarint(OutputStream out, long value) throws IOException {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarint(InputStream in) throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("truncated stream data");
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("malformed varint");
    }
}
