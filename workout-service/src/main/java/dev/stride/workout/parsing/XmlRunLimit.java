package dev.stride.workout.parsing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses XML in which a run of bytes without {@code <} or {@code >} (one attribute value, one
 * text, one tag) is longer than {@link #MAX_RUN}. The StAX parser holds a whole attribute value
 * or text in memory, growing its buffers by doubling, so one 200 MB value (inside the
 * decompressed limit) would need most of a gigabyte of heap; GPX and TCX values are numbers,
 * times and names of a few dozen bytes. The check looks backwards from the end of each chunk read
 * for the last bracket, so it costs a few comparisons per chunk, and a run is refused at most one
 * chunk after it passes the limit.
 */
final class XmlRunLimit extends FilterInputStream {

    static final int MAX_RUN = 1 << 20;

    private long run;

    XmlRunLimit(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            run = b == '<' || b == '>' ? 0 : check(run + 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            int i = offset + n - 1;
            while (i >= offset && buffer[i] != '<' && buffer[i] != '>') {
                i--;
            }
            run = i < offset ? check(run + n) : offset + n - 1 - i;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping is not supported: every byte is checked");
    }

    private static long check(long run) {
        if (run > MAX_RUN) {
            throw new WorkoutFileException(WorkoutFileException.Reason.TOO_LARGE,
                    "The file has a value or tag longer than 1 MB; activity files never need one");
        }
        return run;
    }
}
