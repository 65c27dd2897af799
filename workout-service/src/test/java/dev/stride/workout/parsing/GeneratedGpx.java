package dev.stride.workout.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A GPX track of any number of points, written as it is read: nothing of it is held in memory
 * or on disk. Points are one second apart and 1 m north of each other, each as short as a real
 * writer makes them ({@code <trkpt lat=".." lon=".."><time>..</time></trkpt>}, 75 bytes), so the
 * file stays under the byte limits for as many points as possible and the point limit is what
 * it meets.
 */
final class GeneratedGpx extends InputStream {

    private static final byte[] HEAD = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"generated\""
            + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "</trkseg></trk></gpx>\n".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate DAY0 = LocalDate.of(2024, 5, 1);

    private final long points;
    private static final int POINT_BYTES = 80;

    private byte[] buffer = new byte[0];
    private byte[] chunk = HEAD;
    private int pos;
    private long next;
    private boolean tailDone;

    GeneratedGpx(long points) {
        this.points = points;
    }

    /** The same document gzip-compressed while it is read (a thread deflates it into a pipe). */
    static InputStream gzipped(long points, AtomicLong compressedBytes) {
        try {
            PipedInputStream in = new PipedInputStream(1 << 20);
            PipedOutputStream pipe = new PipedOutputStream(in);
            OutputStream counting = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    pipe.write(b);
                    compressedBytes.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    pipe.write(b, off, len);
                    compressedBytes.addAndGet(len);
                }

                @Override
                public void close() throws IOException {
                    pipe.close();
                }
            };
            Thread writer = new Thread(() -> {
                try (InputStream gpx = new GeneratedGpx(points);
                        OutputStream gz = new GZIPOutputStream(counting, 1 << 16) {
                            {
                                def.setLevel(Deflater.BEST_SPEED);
                            }
                        }) {
                    gpx.transferTo(gz);
                } catch (IOException e) {
                    // the reader stopped reading (a limit was hit) and closed the pipe
                }
            }, "generated-gpx");
            writer.setDaemon(true);
            writer.start();
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
            if (pos == chunk.length && !refill()) {
                return n == 0 ? -1 : n;
            }
            int k = Math.min(len - n, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off + n, k);
            pos += k;
            n += k;
        }
        return n;
    }

    /** The next 1,000 points (or the closing tags) as bytes, written digit by digit: no formatting per point. */
    private boolean refill() {
        if (next < points) {
            int n = (int) Math.min(1000, points - next);
            if (buffer.length < n * POINT_BYTES) {
                buffer = new byte[n * POINT_BYTES];
            }
            int at = 0;
            for (int k = 0; k < n; k++, next++) {
                at = point(next, buffer, at);
            }
            chunk = java.util.Arrays.copyOf(buffer, at);
        } else if (!tailDone) {
            chunk = TAIL;
            tailDone = true;
        } else {
            return false;
        }
        pos = 0;
        return true;
    }

    /** Point {@code i}: 45.xxxxxx north (1 m steps, back to 45.0 every 100,000 points), 7.0 east, second i. */
    private static int point(long i, byte[] b, int at) {
        at = ascii("<trkpt lat=\"45.", b, at);
        at = digits(i % 100_000 * 9, 6, b, at);
        at = ascii("\" lon=\"7.0\"><time>", b, at);
        at = ascii(DAY0.plusDays(i / 86_400).toString(), b, at);
        b[at++] = 'T';
        at = digits(i % 86_400 / 3600, 2, b, at);
        b[at++] = ':';
        at = digits(i % 3600 / 60, 2, b, at);
        b[at++] = ':';
        at = digits(i % 60, 2, b, at);
        return ascii("Z</time></trkpt>\n", b, at);
    }

    private static int ascii(String s, byte[] b, int at) {
        for (int k = 0; k < s.length(); k++) {
            b[at++] = (byte) s.charAt(k);
        }
        return at;
    }

    private static int digits(long v, int width, byte[] b, int at) {
        for (int k = width - 1; k >= 0; k--) {
            b[at + k] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + width;
    }
}
