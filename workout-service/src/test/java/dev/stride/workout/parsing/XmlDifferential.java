package dev.stride.workout.parsing;

import java.io.ByteArrayInputStream;

/**
 * Reads one XML document with both readers, {@link Utf8XmlReader} (the fast path) and the JDK's
 * StAX reader (the reference, ADR 0015), and describes each outcome as a String: the whole
 * activity, every column of every point included, or the reason it was rejected. Two equal
 * descriptions mean the readers agree.
 */
final class XmlDifferential {

    private XmlDifferential() {
    }

    static String fast(byte[] file, ParserLimits limits) {
        return outcome(new WorkoutFileParser(limits, true), file);
    }

    static String stax(byte[] file, ParserLimits limits) {
        return outcome(new WorkoutFileParser(limits, false), file);
    }

    /** The fast reader reads this document (its encoding is one it takes). */
    static boolean takesFastPath(byte[] file) {
        return XmlActivityReader.fastEncoding(file, Math.min(file.length, 256)) != XmlActivityReader.NOT_FAST;
    }

    static String outcome(WorkoutFileParser parser, byte[] file) {
        try {
            return describe(parser.parse(new ByteArrayInputStream(file), "differential"));
        } catch (WorkoutFileException e) {
            return "rejected " + e.reason() + ": " + e.getMessage();
        }
    }

    /**
     * Whether the two outcomes agree: the same activity, or rejections for the same reason (the
     * messages may differ). Two differences are justified and accepted: the fast reader refuses a
     * DOCTYPE anywhere as UNSAFE_XML where StAX, meeting it inside the root, calls it MALFORMED;
     * and it refuses an undeclared entity in text as UNSAFE_XML where the JDK's reader fails with
     * an internal NullPointerException (reported as MALFORMED). And where the input ends just
     * after the colon of a qualified name ({@code <ns3:}), the JDK's reader says TRUNCATED or
     * MALFORMED depending on where its internal buffer ends; ours always says TRUNCATED.
     * Last, gzip data that ends early: {@code BufferedInputStream} drops what it had inflated
     * when the inflater throws within one read, so ours (reading 64 KB at a time) may meet the
     * end before an XML error that the JDK's reader (smaller reads) finds in those bytes; ours
     * then says TRUNCATED, which the file is.
     * And the JDK's reader decodes its buffer ahead of where it parses: a byte that is not UTF-8
     * a little after the place where the outcome is decided (a root that is not GPX or TCX, a
     * value the walker refuses) fails it as MALFORMED, where ours reports what it met first.
     * Ours reads every byte it parses, so it never accepts a document with such a byte inside.
     */
    static boolean agree(byte[] file, String fast, String stax) {
        if (fast.equals(stax)) {
            return true;
        }
        if (!fast.startsWith("rejected ") || !stax.startsWith("rejected ")) {
            return false;
        }
        String fastReason = reason(fast);
        String staxReason = reason(stax);
        if (fastReason.equals(staxReason)) {
            return true;
        }
        if (stax.contains("UTF-8 sequence") && staxReason.equals("MALFORMED")) {
            return true;
        }
        if (fast.contains("compressed data ends early")) {
            return true;
        }
        if (file.length > 0 && file[file.length - 1] == ':' && fastReason.equals("TRUNCATED")
                && staxReason.equals("MALFORMED")) {
            return true;
        }
        // ours refuses a DOCTYPE the moment it sees one; StAX reads the declaration first and may
        // find it malformed or cut off before it gets to refuse it
        if (fastReason.equals("UNSAFE_XML") && fast.contains("(DOCTYPE)")
                && (staxReason.equals("MALFORMED") || staxReason.equals("TRUNCATED"))) {
            return true;
        }
        return fastReason.equals("UNSAFE_XML") && staxReason.equals("MALFORMED") && stax.contains("NullPointerException");
    }

    private static String reason(String rejection) {
        int colon = rejection.indexOf(':');
        return rejection.substring("rejected ".length(), colon < 0 ? rejection.length() : colon);
    }

    static String describe(ParsedActivity a) {
        StringBuilder sb = new StringBuilder();
        sb.append(a.format()).append(' ').append(a.sport()).append(' ').append(a.fileSport()).append(' ')
                .append(a.startTime()).append(' ').append(a.deviceManufacturer()).append(' ').append(a.deviceModel())
                .append('\n').append(a.laps()).append('\n').append(a.sessions()).append('\n').append(a.totals())
                .append('\n').append(a.timerPauses()).append('\n').append(a.stats()).append('\n');
        TrackPoints p = a.points();
        for (int i = 0; i < p.size(); i++) {
            sb.append(p.time(i)).append(' ').append(Double.doubleToLongBits(p.lat(i))).append(' ')
                    .append(Double.doubleToLongBits(p.lon(i))).append(' ').append(p.elevation(i)).append(' ')
                    .append(p.deviceDistance(i)).append(' ').append(p.heartRate(i)).append(' ')
                    .append(p.cadence(i)).append(' ').append(p.power(i)).append(' ')
                    .append(p.temperature(i)).append(' ').append(p.speed(i)).append(' ')
                    .append(p.startsSegment(i)).append('\n');
        }
        return sb.toString();
    }
}
