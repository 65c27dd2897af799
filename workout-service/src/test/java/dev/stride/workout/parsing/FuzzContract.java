package dev.stride.workout.parsing;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;

/**
 * The contract every fuzz test of the parsers checks: an input either parses into an activity
 * or is rejected with a {@link WorkoutFileException} carrying a reason code and a message a
 * person can read. Any other exception escapes and is a finding; so is an input that makes the
 * parser allocate more than {@link #MAX_ALLOCATED_BYTES} (the limits below bound a legitimate
 * parse far lower), and a hang (Jazzer's per-input timeout).
 */
final class FuzzContract {

    /** Small limits, so that the fuzzer reaches them with short inputs. */
    static final ParserLimits LIMITS = new ParserLimits(64 * 1024, 256 * 1024, 2_000, true);

    /**
     * A file within {@link #LIMITS} holds at most 2,000 points (56 bytes each in the track,
     * doubled while the arrays grow) and 256 KB of text; 64 MB per input leaves a wide margin
     * for the XML reader's and the FIT SDK's garbage, while a parser that sizes something from a
     * number in the file (an allocation bomb) goes far beyond it.
     */
    static final long MAX_ALLOCATED_BYTES = 64L * 1024 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzContract() {
    }

    /**
     * The contract, and for XML the fast reader and the JDK's StAX reader agree on the input: the
     * same activity, or both reject it. Which reason each gives is held equal by the seeded tests
     * ({@link XmlDifferential#agree}); on cut-off and doubly broken inputs the fuzzer keeps finding
     * cases where the two name a different first problem (TRUNCATED or MALFORMED), which is not a
     * defect and must not turn a CI run red at random.
     */
    static void xmlParsesOrRejectsAlikeWithBothReaders(byte[] file) {
        parsesOrRejectsWithAReason(file);
        String fast = XmlDifferential.fast(file, LIMITS);
        String stax = XmlDifferential.stax(file, LIMITS);
        boolean bothRejected = fast.startsWith("rejected ") && stax.startsWith("rejected ");
        if (!bothRejected && !XmlDifferential.agree(file, fast, stax)) {
            throw new AssertionError("the fast XML reader and StAX disagree:\n  fast: " + fast + "\n  stax: " + stax);
        }
    }

    static void parsesOrRejectsWithAReason(byte[] file) {
        long allocated = parseChecked(file);
        if (allocated > MAX_ALLOCATED_BYTES) {
            // the first input that takes a code path also pays for loading (and Jazzer's
            // instrumenting) its classes on this thread: only a repeat of the excess counts
            allocated = parseChecked(file);
            if (allocated > MAX_ALLOCATED_BYTES) {
                throw new AssertionError("parsing " + file.length + " bytes allocated " + allocated + " bytes");
            }
        }
    }

    /** Parses once, checks the outcome, and returns the bytes this thread allocated meanwhile. */
    private static long parseChecked(byte[] file) {
        WorkoutFileParser parser = new WorkoutFileParser(LIMITS);
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        try {
            ParsedActivity activity = parser.parse(new ByteArrayInputStream(file), "fuzz-input");
            if (activity == null || activity.points() == null) {
                throw new AssertionError("the parser returned no activity and threw nothing");
            }
            if (activity.points().size() > LIMITS.maxPoints()) {
                throw new AssertionError("the parser returned " + activity.points().size() + " points, over the limit");
            }
        } catch (WorkoutFileException e) {
            if (e.reason() == null || e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("rejected without a reason: " + e.reason() + " / '" + e.getMessage() + "'", e);
            }
        }
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }
}
