package dev.stride.workout.parsing;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The one entry point that turns an uploaded workout file into a {@link ParsedActivity}.
 *
 * <p>The format is detected from the content: gzip by its magic bytes (1f 8b; then the
 * decompressed content is detected again), FIT by its header ({@code .FIT} at offset 8), XML by
 * its root element ({@code gpx} or {@code TrainingCenterDatabase}). The file name is only used in
 * messages. Limits ({@link ParserLimits}) are enforced while streaming: bytes as sent, bytes after
 * decompression, and points. Every failure is a {@link WorkoutFileException} with a message a
 * person understands.
 */
public final class WorkoutFileParser {

    private static final int SNIFF = 64;

    private final ParserLimits limits;
    private final boolean fastXml;

    public WorkoutFileParser() {
        this(ParserLimits.defaults());
    }

    public WorkoutFileParser(ParserLimits limits) {
        this(limits, true);
    }

    /** @param fastXml false to read every XML document with the JDK's StAX reader (tests compare both) */
    WorkoutFileParser(ParserLimits limits, boolean fastXml) {
        this.limits = limits;
        this.fastXml = fastXml;
    }

    /**
     * {@link #parse(InputStream, String)} for a file already in memory (the upload worker decrypts a
     * stored upload into one array): an uncompressed FIT file is decoded from this array, not a copy.
     */
    public ParsedActivity parse(byte[] file, String fileName) {
        if (file.length <= Math.min(limits.maxCompressedBytes(), limits.maxDecompressedBytes())
                && FitReader.looksLikeFit(file, Math.min(SNIFF, file.length))) {
            try {
                return FitReader.read(file, limits);
            } catch (OutOfMemoryError e) {
                throw tooLargeToProcess(e);
            }
        }
        return parse(new ByteArrayInputStream(file), fileName);
    }

    public ParsedActivity parse(InputStream input, String fileName) {
        try {
            LimitedInputStream raw = new LimitedInputStream(input, limits.maxCompressedBytes(),
                    "The file is larger than " + megabytes(limits.maxCompressedBytes()));
            BufferedInputStream in = new BufferedInputStream(raw, 65_536);
            byte[] head = peek(in, SNIFF);
            if (head.length == 0) {
                throw new WorkoutFileException(WorkoutFileException.Reason.EMPTY_FILE, "The file is empty");
            }
            InputStream content = in;
            LimitedInputStream inflated = null;
            if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
                inflated = new LimitedInputStream(new GZIPInputStream(in, 65_536),
                        limits.maxDecompressedBytes(),
                        "The file is larger than " + megabytes(limits.maxDecompressedBytes()) + " when decompressed");
                BufferedInputStream inner = new BufferedInputStream(inflated, 65_536);
                head = peek(inner, SNIFF);
                if (head.length == 0) {
                    throw new WorkoutFileException(WorkoutFileException.Reason.EMPTY_FILE,
                            "The file is empty once decompressed");
                }
                content = inner;
            }
            if (FitReader.looksLikeFit(head, head.length)) {
                return FitReader.read(readAll(content), limits);
            }
            if (looksLikeXml(head)) {
                try {
                    return XmlActivityReader.read(content, limits, fastXml);
                } catch (WorkoutFileException e) {
                    if (raw.failure() != null) {
                        throw raw.failure();
                    }
                    if (inflated != null && inflated.failure() != null) {
                        throw inflated.failure();
                    }
                    throw e;
                }
            }
            throw XmlActivityReader.notAnActivity();
        } catch (ZipException e) {
            throw new WorkoutFileException(WorkoutFileException.Reason.CORRUPT,
                    "The gzip-compressed file is damaged: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new WorkoutFileException(WorkoutFileException.Reason.TRUNCATED, "The file is truncated", e);
        } catch (IOException e) {
            throw new WorkoutFileException(WorkoutFileException.Reason.MALFORMED,
                    "The file could not be read: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw tooLargeToProcess(e);
        }
    }

    private static WorkoutFileException tooLargeToProcess(OutOfMemoryError e) {
        return new WorkoutFileException(WorkoutFileException.Reason.TOO_LARGE, "The file is too large to be processed", e);
    }

    /** The first {@code n} bytes of the stream (fewer at its end); the stream is reset to where it was. */
    static byte[] peek(InputStream in, int n) throws IOException {
        in.mark(n);
        try {
            byte[] head = new byte[n];
            int read = 0;
            while (read < n) {
                int r = in.read(head, read, n - read);
                if (r < 0) {
                    break;
                }
                read += r;
            }
            return read == n ? head : Arrays.copyOf(head, read);
        } finally {
            in.reset();
        }
    }

    /** UTF-8/UTF-16 BOMs and whitespace may come before the first '<'. */
    private static boolean looksLikeXml(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        } else if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFF)) {
            return true;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    /**
     * The rest of the stream in one array. The stream's own count of the bytes it has at hand sizes
     * the array (exact for an upload already in memory): one array of the file's size instead of a
     * growing buffer and its final copy, which together allocated about four times the file.
     */
    private byte[] readAll(InputStream in) throws IOException {
        long max = limits.maxDecompressedBytes();
        byte[] buf = new byte[(int) Math.min(Math.max(in.available(), 65_536), Math.min(max + 1, Integer.MAX_VALUE - 8))];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                int next = in.read();
                if (next < 0) {
                    return buf;
                }
                if (n + 1L > max) {
                    throw tooLarge();
                }
                buf = Arrays.copyOf(buf, (int) Math.min(Math.max(n * 2L, n + 65_536L),
                        Math.min(max + 1, Integer.MAX_VALUE - 8)));
                buf[n++] = (byte) next;
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return Arrays.copyOf(buf, n);
            }
            n += r;
            if (n > max) {
                throw tooLarge();
            }
        }
    }

    private WorkoutFileException tooLarge() {
        return new WorkoutFileException(WorkoutFileException.Reason.TOO_LARGE,
                "The file is larger than " + megabytes(limits.maxDecompressedBytes()));
    }

    private static String megabytes(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes + " bytes";
    }
}
