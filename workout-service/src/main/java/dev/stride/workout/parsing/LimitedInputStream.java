package dev.stride.workout.parsing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes as they are read and fails as soon as more than {@code limit} have passed. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String message;
    private long count;
    private WorkoutFileException failure;

    LimitedInputStream(InputStream in, long limit, String message) {
        super(in);
        this.limit = limit;
        this.message = message;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) {
        count += n;
        if (count > limit) {
            failure = new WorkoutFileException(WorkoutFileException.Reason.TOO_LARGE, message);
            throw failure;
        }
    }

    /** The limit failure, if this stream tripped (XML parsers may wrap it and drop the cause). */
    WorkoutFileException failure() {
        return failure;
    }
}
