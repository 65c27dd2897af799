package dev.stride.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HeaderCharactersTest {

    // Spring Security's StrictHttpFirewall defaults, which the predicates replace
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void theyAcceptAndRejectExactlyWhatTheFirewallsPatternsDo() {
        SplittableRandom random = new SplittableRandom(42);
        int rejected = 0;
        for (int n = 0; n < 200_000; n++) {
            String s = randomHeader(random);
            assertThat(HeaderCharacters.NAME.test(s)).as("name %s", escaped(s)).isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderCharacters.VALUE.test(s)).as("value %s", escaped(s)).isEqualTo(VALUE.matcher(s).matches());
            rejected += VALUE.matcher(s).matches() ? 0 : 1;
        }
        assertThat(rejected).as("the sample holds rejected strings too").isBetween(10_000, 190_000);
    }

    @Test
    void aBearerTokenPassesAndControlCharactersOtherThanTabInValuesDoNot() {
        assertThat(HeaderCharacters.VALUE.test("Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isTrue();
        assertThat(HeaderCharacters.VALUE.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAME.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("a\r\nX-Injected: 1")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("a\u0000b")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("a\u0378b")).as("unassigned").isFalse();
        assertThat(HeaderCharacters.VALUE.test("Grüße \uD83C\uDFC3")).isTrue();
        assertThat(HeaderCharacters.VALUE.test("")).isTrue();
    }

    private static String randomHeader(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(0, 12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> s.append((char) random.nextInt(0, 0x80)); // ASCII incl. controls, tab, DEL
                case 1 -> s.append((char) random.nextInt(0x80, 0x100)); // C1 controls, Latin-1
                case 2 -> s.append((char) random.nextInt(0, 0x10000)); // any BMP unit, lone surrogates too
                case 3 -> s.appendCodePoint(random.nextInt(0x10000, 0x110000)); // supplementary, many unassigned
                default -> s.append((char) random.nextInt(0x20, 0x7F)); // printable ASCII
            }
        }
        return s.toString();
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(String.format("\\u{%x}", c)));
        return out.toString();
    }
}
