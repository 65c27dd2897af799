package dev.stride.gateway.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The dictionary of common and breached passwords ({@value #RESOURCE}, sources and licences in the
 * README beside it), held as a sorted array of 64-bit fingerprints of the folded entries (FNV-1a
 * over the UTF-8 bytes, finished with MurmurHash3's mixer). 8 bytes per entry (3.2 MiB for the 414k
 * entries) instead of the ~25 MiB the same entries take as a {@code Set<String>}; a lookup is a
 * binary search. The price is a false positive (a password refused because its fingerprint equals an
 * entry's) with probability about entries / 2^64 ≈ 2 · 10^-14 per lookup; a false negative is
 * impossible. The fingerprint needs no cryptographic strength: forcing a collision only gets the
 * attacker's own password refused.
 */
final class CommonPasswords {

    static final String RESOURCE = "/passwords/common-passwords.txt.gz";

    /**
     * Shortest part left after stripping digits/symbols that is still looked up: "ab" + ten random
     * digits and symbols must not be refused because "ab" is in the list.
     */
    private static final int MIN_DERIVED_LENGTH = 4;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** The fingerprint of "" (blank lines). */
    private static final long EMPTY = mix(FNV_OFFSET);

    private final long[] fingerprints;

    private CommonPasswords(long[] fingerprints) {
        this.fingerprints = fingerprints;
    }

    static CommonPasswords load() {
        byte[] text;
        try (InputStream resource = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException("password dictionary " + RESOURCE + " is missing from the classpath");
            }
            text = new GZIPInputStream(resource, 1 << 16).readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the password dictionary " + RESOURCE, ex);
        }
        long[] values = new long[lineCount(text)];
        int count = 0;
        for (int start = 0; start < text.length;) {
            int end = start;
            boolean ascii = true;
            while (end < text.length && text[end] != '\n') {
                ascii &= text[end] >= 0;
                end++;
            }
            // Most entries are ASCII: folding them is lower-casing the bytes (NFKC leaves ASCII as it
            // is), which skips a String per entry and keeps the start-up cost down.
            long value = ascii ? asciiFingerprint(text, start, end)
                    : fingerprint(fold(new String(text, start, end - start, StandardCharsets.UTF_8)).strip());
            if (value != EMPTY) {
                values[count++] = value;
            }
            start = end + 1;
        }
        Arrays.sort(values, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        return new CommonPasswords(Arrays.copyOf(values, distinct));
    }

    /** Distinct entries after folding. */
    int size() {
        return fingerprints.length;
    }

    /** Bytes the dictionary holds on the heap (the array and its header). */
    long heapBytes() {
        return 16L + 8L * fingerprints.length;
    }

    /** Whether the folded text is exactly a dictionary entry. */
    boolean contains(String folded) {
        return Arrays.binarySearch(fingerprints, fingerprint(folded)) >= 0;
    }

    /**
     * Whether the (NFKC-normalized) password or one of its obvious variants is in the dictionary.
     * Only whole-string matches count, never "contains a dictionary word", so a long passphrase is
     * refused only when it is itself a known password. See {@link #variants(String)}.
     */
    boolean matches(String normalizedPassword) {
        for (String variant : variants(fold(normalizedPassword))) {
            if (contains(variant)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The folded password plus the variants attackers try first (hashcat/John "best" rules): without
     * whitespace ("i love you 2024"), without leading/trailing digits and symbols ("Password2024!",
     * "123qwerty123"; only while at least {@value #MIN_DERIVED_LENGTH} characters remain), with
     * common character substitutions undone ("p@ssw0rd"), and the unit of a repetition
     * ("trustno1trustno1" → "trustno1").
     */
    static Set<String> variants(String folded) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(folded);
        String compact = folded.codePoints().filter(cp -> !Character.isWhitespace(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        for (String base : new LinkedHashSet<>(List.of(folded, compact))) {
            variants.add(base);
            repeatedUnit(base).ifPresent(variants::add);
            String core = stripEnds(base);
            if (core.codePointCount(0, core.length()) >= MIN_DERIVED_LENGTH) {
                variants.add(core);
                variants.add(unLeet(core, 'i'));
                variants.add(unLeet(core, 'l'));
            }
            variants.add(unLeet(base, 'i'));
            variants.add(unLeet(base, 'l'));
        }
        return variants;
    }

    /** NFKC, then lower case (locale-independent): the form both entries and passwords are compared in. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Optional<String> repeatedUnit(String text) {
        int length = text.length();
        for (int unit = 1; unit <= length / 2; unit++) {
            if (length % unit == 0 && text.substring(unit).equals(text.substring(0, length - unit))
                    && !Character.isLowSurrogate(text.charAt(unit))) {
                return Optional.of(text.substring(0, unit));
            }
        }
        return Optional.empty();
    }

    /** Removes leading and trailing characters that are not letters (digits, punctuation, symbols, spaces). */
    private static String stripEnds(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetter(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && !Character.isLetter(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Undoes the usual substitutions; '1' stands for 'i' or 'l', so callers try both. */
    private static String unLeet(String text, char one) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            plain.append(switch (c) {
                case '@', '4' -> 'a';
                case '3' -> 'e';
                case '1' -> one;
                case '!' -> 'i';
                case '0' -> 'o';
                case '$', '5' -> 's';
                case '7', '+' -> 't';
                default -> c;
            });
        }
        return plain.toString();
    }

    private static int lineCount(byte[] text) {
        int lines = 1;
        for (byte b : text) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static long fingerprint(String folded) {
        byte[] utf8 = folded.getBytes(StandardCharsets.UTF_8);
        long hash = FNV_OFFSET;
        for (byte b : utf8) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return mix(hash);
    }

    /** As {@link #fingerprint(String)} of the lower-cased, whitespace-stripped ASCII bytes [start, end). */
    private static long asciiFingerprint(byte[] text, int start, int end) {
        while (start < end && Character.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(text[end - 1])) {
            end--;
        }
        long hash = FNV_OFFSET;
        for (int i = start; i < end; i++) {
            byte b = text[i];
            hash = (hash ^ (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b)) * FNV_PRIME;
        }
        return mix(hash);
    }

    /** MurmurHash3's 64-bit finalizer: spreads FNV-1a's weak high bits over all 64. */
    private static long mix(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }
}
