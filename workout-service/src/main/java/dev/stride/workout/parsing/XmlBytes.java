package dev.stride.workout.parsing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Names as {@link Utf8XmlReader} keeps them, UTF-8 bytes, compared with each other and with Strings. */
final class XmlBytes {

    /** Eight bytes of an array as one long (or four as an int), at any index. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private XmlBytes() {
    }

    /**
     * Names are compared as bytes: they are the UTF-8 of characters read (so one character has one
     * form), and they are short, where a plain loop beats {@link Arrays#equals}' vectorised one.
     */
    static boolean equal(byte[] a, int from, int to, byte[] b, int bFrom) {
        int n = to - from;
        if (n >= 8) {
            // eight bytes at a time, the last eight overlapping the ones before
            for (int i = 0; i < n - 8; i += 8) {
                if ((long) LONGS.get(a, from + i) != (long) LONGS.get(b, bFrom + i)) {
                    return false;
                }
            }
            return (long) LONGS.get(a, to - 8) == (long) LONGS.get(b, bFrom + n - 8);
        }
        if (n >= 4) {
            return (int) INTS.get(a, from) == (int) INTS.get(b, bFrom)
                    && (int) INTS.get(a, to - 4) == (int) INTS.get(b, bFrom + n - 4);
        }
        for (int i = 0; i < n; i++) {
            if (a[from + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isXmlns(byte[] b, int from, int to) {
        return to - from == 5 && b[from] == 'x' && b[from + 1] == 'm' && b[from + 2] == 'l' && b[from + 3] == 'n'
                && b[from + 4] == 's';
    }

    /**
     * bytes[from, to) (UTF-8) equals the string: compared byte by char while both are ASCII,
     * which is all of it for real names; only non-ASCII ones are decoded to be compared.
     */
    static boolean is(byte[] bytes, int from, int to, String s) {
        int n = to - from;
        int length = s.length();
        for (int i = 0; i < n && i < length; i++) {
            byte b = bytes[from + i];
            char c = s.charAt(i);
            if (b < 0 || c >= 0x80) {
                return s.equals(string(bytes, from, to));
            }
            if (b != c) {
                return false;
            }
        }
        if (n == length) {
            return true;
        }
        // a longer byte sequence can only be equal with non-ASCII characters in it
        return n > length && bytes[from + length] < 0 && s.equals(string(bytes, from, to));
    }

    static String string(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
