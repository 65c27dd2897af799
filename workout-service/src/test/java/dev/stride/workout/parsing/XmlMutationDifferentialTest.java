package dev.stride.workout.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random mutations of real and generated GPX and TCX documents (bytes flipped,
 * inserted, deleted; markup fragments, entities, namespace prefixes, duplicate attributes,
 * non-ASCII and control bytes; truncations), each read by both readers: the fast one and the
 * JDK's StAX reader must both accept with equal activities or both reject for the same reason,
 * save the two differences {@link XmlDifferential#agree} justifies. Seeded, so a failure repeats.
 */
class XmlMutationDifferentialTest {

    private static final int CASES = 20_000;
    private static final ParserLimits LIMITS = FuzzContract.LIMITS;

    private static final byte[] SPECIAL = "<>&\"'/!?-]:=;#[ x0\t\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ODD_BYTES = {0x00, 0x01, 0x0B, 0x1F, 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0,
        (byte) 0xC3, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF8, (byte) 0xFF};
    private static final String[] FRAGMENTS = {"<!--", "-->", "--", "<![CDATA[", "]]>", "&amp;", "&lt;", "&foo;",
        "&#0;", "&#x41;", "&#65;", "&#xFFFE;", "&#x110000;", "&", "&#", "<?xml version=\"1.0\"?>", "<?pi data?>",
        "<?xml-stylesheet x?>", "<!DOCTYPE gpx>", "<!ENTITY x 'y'>", " xmlns:p=\"urn:p\"", " xmlns:p=\"\"", "p:",
        "xmlns:", " a=\"1\"", " a='1' a='2'", " lat=\"1\"", "\u00e9", "\u20ac", "\uD801\uDC37", "\u00b7", "\u0300",
        "\r\n", "\r", "</x>", "<x>", "<x/>", "</", "<a:b>", "]]", "\uFEFF", "\uFFFF", "<trkpt lat=\"1\" lon=\"2\"/>",
        "<time>2024-05-01T08:00:00Z</time>", "<ele>1e3</ele>", "<hr>+1</hr>"};

    static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(Gpx.line(12, 3.0).getBytes(StandardCharsets.UTF_8));
        seeds.add(Utf8XmlReaderTest.tcx(6).getBytes(StandardCharsets.UTF_8));
        seeds.add(Utf8XmlReaderTest.generatedGpx(15));
        for (byte[] file : Utf8XmlReaderTest.sharedXmlFiles()) {
            if (file.length < 12_000) {
                seeds.add(file);
            }
        }
        return seeds;
    }

    @Test
    void mutatedDocumentsAreReadAlikeByBothReaders() throws IOException {
        List<byte[]> seeds = seeds();
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(5);
        Random random = new Random(20_261_126L);
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int fastPath = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] file = seed;
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                file = mutate(file, random);
            }
            String fast = XmlDifferential.fast(file, LIMITS);
            String stax = XmlDifferential.stax(file, LIMITS);
            if (XmlDifferential.takesFastPath(file)) {
                fastPath++;
            }
            if (!fast.startsWith("rejected ")) {
                accepted++;
            }
            if (!XmlDifferential.agree(file, fast, stax) && disagreements.size() < 8) {
                disagreements.add("case " + i + "\n  fast: " + firstLine(fast) + "\n  stax: " + firstLine(stax)
                        + "\n  file: " + around(file, Arrays.mismatch(seed, file)));
            }
        }
        assertThat(disagreements).as("cases where the readers disagree").isEmpty();
        assertThat(accepted).as("mutated files both readers accept").isGreaterThan(CASES / 20);
        assertThat(CASES - accepted).as("mutated files both readers reject").isGreaterThan(CASES / 4);
        assertThat(fastPath).as("mutated files the fast reader reads").isGreaterThan(CASES * 9 / 10);
    }

    /** The file near its first changed byte, and its end. */
    private static String around(byte[] file, int changed) {
        int from = Math.max(0, Math.min(changed, file.length) - 150);
        int to = Math.min(file.length, from + 300);
        String text = new String(file, from, to - from, StandardCharsets.ISO_8859_1) + " ... (" + file.length
                + " bytes, changed at " + changed + ") ... "
                + new String(file, Math.max(0, file.length - 80), Math.min(80, file.length), StandardCharsets.ISO_8859_1);
        return text.replace("\n", "\\n");
    }

    private static String firstLine(String outcome) {
        int nl = outcome.indexOf('\n');
        return nl < 0 ? outcome : outcome.substring(0, nl);
    }

    static byte[] mutate(byte[] file, Random random) {
        int at = file.length == 0 ? 0 : random.nextInt(file.length + 1);
        switch (random.nextInt(9)) {
            case 0 -> {
                if (at < file.length) {
                    byte[] copy = file.clone();
                    copy[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                    return copy;
                }
                return file;
            }
            case 1 -> {
                return insert(file, at, new byte[] {SPECIAL[random.nextInt(SPECIAL.length)]});
            }
            case 2 -> {
                byte[] odd = {ODD_BYTES[random.nextInt(ODD_BYTES.length)]};
                if (at < file.length && random.nextBoolean()) {
                    byte[] copy = file.clone();
                    copy[at] = odd[0];
                    return copy;
                }
                return insert(file, at, odd);
            }
            case 3, 4 -> {
                return insert(file, at, FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8));
            }
            case 5 -> {
                int length = Math.min(file.length - Math.min(at, file.length), 1 + random.nextInt(8));
                return delete(file, Math.min(at, file.length), length);
            }
            case 6 -> {
                return Arrays.copyOf(file, Math.min(at, file.length));
            }
            case 7 -> {
                // an attribute or a tag's prefix repeated: duplicate attributes, undeclared prefixes
                String text = new String(file, StandardCharsets.ISO_8859_1);
                int eq = text.indexOf("=\"", at);
                int nameStart = eq < 0 ? -1 : text.lastIndexOf(' ', eq);
                int valueEnd = eq < 0 ? -1 : text.indexOf('"', eq + 2);
                if (nameStart < 0 || valueEnd < 0) {
                    return file;
                }
                String attribute = text.substring(nameStart, valueEnd + 1);
                String extra = random.nextBoolean() ? attribute : " q:" + attribute.substring(1);
                return insert(file, valueEnd + 1, extra.getBytes(StandardCharsets.ISO_8859_1));
            }
            default -> {
                if (at < file.length) {
                    byte[] copy = file.clone();
                    copy[at] = (byte) (copy[at] ^ 1 << random.nextInt(8));
                    return copy;
                }
                return file;
            }
        }
    }

    private static byte[] insert(byte[] file, int at, byte[] bytes) {
        byte[] out = new byte[file.length + bytes.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(file, at, out, at + bytes.length, file.length - at);
        return out;
    }

    private static byte[] delete(byte[] file, int at, int length) {
        byte[] out = new byte[file.length - length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(file, at + length, out, at, file.length - at - length);
        return out;
    }
}
