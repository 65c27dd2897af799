package dev.stride.workout.upload;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * File names as clients send them are untrusted: paths, control characters, quotes and very long
 * names are removed before a name is stored, and a stored name is quoted for
 * {@code Content-Disposition} per RFC 6266 (an ASCII fallback plus an RFC 5987 {@code filename*}).
 */
final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /** The last path element, NFC, without control, quote, backslash or bidi-override characters; never empty. */
    static String sanitize(String raw) {
        if (raw == null) {
            return "workout";
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == '"' || cp == '\\' || cp == '/' || cp == ';'
                    || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            sb.appendCodePoint(cp);
        });
        String cleaned = sb.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH));
        }
        return cleaned.isBlank() ? "workout" : cleaned;
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded}. */
    static String contentDisposition(String storedName) {
        String name = sanitize(storedName);
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int v = b & 0xFF;
            if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9')
                    || "!#$&+-.^_`|~".indexOf(v) >= 0) {
                encoded.append((char) v);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
