package dev.stride.workout.parsing;

import java.util.Arrays;

/**
 * The element names {@link Utf8XmlReader} has read, by their qualified name's bytes, and for each
 * the element that came after its start and after its end tag the last time. A GPX or TCX file
 * repeats the same few elements in the same order, so the reader checks the next start tag's bytes
 * against that prediction before it reads the name byte by byte and looks it up.
 *
 * <p>Direct-mapped like {@link NameCache}, which it uses for the local names:
 * predictions are slot numbers, not references, so a file of millions of distinct names keeps
 * no more than the slots.
 */
final class ElementNames {

    static final int SLOTS = 256;

    /** A qualified name: its bytes, its colon (-1 for none), its local part. */
    static final class Name {
        final byte[] bytes;
        final int colon;
        final String local;
        final int slot;
        int afterStart = -1;
        int afterEnd = -1;

        private Name(byte[] bytes, int colon, String local, int slot) {
            this.bytes = bytes;
            this.colon = colon;
            this.local = local;
            this.slot = slot;
        }
    }

    private final Name[] slots = new Name[SLOTS];
    private final NameCache locals;

    ElementNames(NameCache locals) {
        this.locals = locals;
    }

    /** The name in bytes[from, to), its colon at {@code colon} (-1 for none). */
    Name get(byte[] bytes, int from, int to, int colon) {
        int length = to - from;
        int slot = -1;
        if (length <= NameCache.MAX_NAME) {
            slot = NameCache.hash(bytes, from, to) >>> Integer.numberOfLeadingZeros(SLOTS - 1);
            Name name = slots[slot];
            if (name != null && name.bytes.length == length && Arrays.equals(name.bytes, 0, length, bytes, from, to)) {
                return name;
            }
        }
        Name name = new Name(Arrays.copyOfRange(bytes, from, to), colon < 0 ? -1 : colon - from,
                locals.get(bytes, colon < 0 ? from : colon + 1, to), slot);
        if (slot >= 0) {
            slots[slot] = name;
        }
        return name;
    }

    /** The name the prediction {@code slot} points to now, or null. */
    Name at(int slot) {
        return slot < 0 ? null : slots[slot];
    }
}
