package dev.stride.workout.parsing;

import java.util.Arrays;

/**
 * The namespace declarations of the open elements of {@link Utf8XmlReader}, innermost last: a
 * start tag's are declared, and its end tag goes back to the mark taken before them.
 */
final class NamespaceScope {

    static final String XML_URI = "http://www.w3.org/XML/1998/namespace";
    static final String XMLNS_URI = "http://www.w3.org/2000/xmlns/";

    /** Prefixes as UTF-8 bytes (the default namespace's is empty), compared with names' bytes. */
    private byte[][] prefixes = new byte[8][];
    private String[] uris = new String[8];
    private int count;

    int mark() {
        return count;
    }

    void reset(int mark) {
        count = mark;
    }

    void declare(byte[] prefix, String uri) {
        if (count == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, count * 2);
            uris = Arrays.copyOf(uris, count * 2);
        }
        prefixes[count] = prefix;
        uris[count] = uri;
        count++;
    }

    /** The namespace bound to the prefix in bytes[from, to), or null. */
    String uri(byte[] bytes, int from, int to) {
        if (to - from == 3 && bytes[from] == 'x' && bytes[from + 1] == 'm' && bytes[from + 2] == 'l') {
            return XML_URI;
        }
        for (int i = count - 1; i >= 0; i--) {
            byte[] p = prefixes[i];
            if (p.length == to - from && p.length > 0 && XmlBytes.equal(bytes, from, to, p, 0)) {
                return uris[i];
            }
        }
        return null;
    }
}
