package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy with the real shipped dictionary (loaded once for the class, as at start-up). */
class PasswordPolicyTest {

    private static final String EMAIL = "kate.runner@example.org";
    private static final CommonPasswords DICTIONARY = CommonPasswords.load();
    private static final PasswordPolicy POLICY = new PasswordPolicy(DICTIONARY);

    @Test
    void theDictionaryHoldsOverAHundredThousandDistinctPasswordsWithoutFingerprintCollisions() throws IOException {
        // independent count: the same folding through Strings and a HashSet instead of fingerprints
        Set<String> distinct = new HashSet<>();
        try (InputStream resource = CommonPasswords.class.getResourceAsStream(CommonPasswords.RESOURCE);
                BufferedReader lines = new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(resource), StandardCharsets.UTF_8))) {
            lines.lines().map(line -> CommonPasswords.fold(line).strip()).filter(entry -> !entry.isEmpty())
                    .forEach(distinct::add);
        }
        assertThat(distinct).hasSizeGreaterThanOrEqualTo(100_000);
        assertThat(DICTIONARY.size()).isEqualTo(distinct.size());
        // 8 bytes per entry: the whole list costs less than 4 MiB of heap
        assertThat(DICTIONARY.heapBytes()).isEqualTo(16L + 8L * distinct.size()).isLessThan(4L << 20);
        assertThat(distinct).contains("123456", "password", "qwerty", "iloveyou", "passwordpassword");
    }

    @ParameterizedTest
    @ValueSource(strings = { "passwordpassword", "qwertyuiopasdfgh", "123456789012", "1234567890123",
            "qwertyuiop[]", "aaaaaaaaaaaa", "abcdefghijkl", "PasswordPassword", "QWERTYUIOPASDFGH",
            // full-width digits: NFKC makes them 123456789012
            "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF10\uFF11\uFF12" })
    void commonPasswordsOfTwelveOrMoreCharactersAreRefused(String password) {
        assertThat(POLICY.check(PasswordPolicy.normalize(password), EMAIL)).get()
                .extracting(PasswordPolicy.Violation::reason).isEqualTo("COMMON_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Password2024!", // trailing digits and symbols
            "123qwerty123!", // leading and trailing
            "P@ssw0rd12345", // substitutions, then digits
            "trustno1trustno1", // a list entry twice
            "i love you 123456", // spaces
            "   dragon   2024", // spaces around a short entry
            "monkey!!!!!!!!" })
    void obviousVariantsOfCommonPasswordsAreRefused(String password) {
        assertThat(POLICY.check(PasswordPolicy.normalize(password), EMAIL)).get()
                .extracting(PasswordPolicy.Violation::reason).isEqualTo("COMMON_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = { "correct horse battery 42", "another password 99 x", "my dog likes the qwerty keyboard",
            "ada runs along the river 2026", "the second passphrase 1984", "administrator passphrase 2026",
            // a dictionary word inside a passphrase is no match: only whole-password matches count
            "password manager says hi", "sunshine over the grey river",
            // digits and symbols around a core shorter than 4 characters are not stripped down to "ab"
            "ab7#9$2!4%1&", "x83920174638",
            // long random text, Cyrillic
            "Xk9#mQ2$vL7@pR4!", "бегу по набережной каждый день" })
    void uncommonPasswordsAndPassphrasesPass(String password) {
        assertThat(POLICY.check(PasswordPolicy.normalize(password), EMAIL)).isEmpty();
    }

    @Test
    void theAdminLengthComesBeforeTheDictionaryAndBothApplyToAdmins() {
        // 14 characters: too short for an admin whether common or not
        assertThat(reason("qwertyuiopasdf", true)).contains("TOO_SHORT");
        assertThat(reason("passwordpassword", true)).contains("COMMON_PASSWORD");
        assertThat(reason("administrator passphrase 2026", true)).isEmpty();
    }

    @Test
    void theOtherRulesStillApply() {
        assertThat(reason("password", false)).contains("TOO_SHORT");
        assertThat(reason("x".repeat(129), false)).contains("TOO_LONG");
        assertThat(reason("my stride passphrase 1", false)).contains("CONTAINS_SERVICE_NAME");
        assertThat(reason("hello kate.runner 2024", false)).contains("CONTAINS_EMAIL");
    }

    @Test
    void eachRefusalSaysWhyInWords() {
        PasswordPolicy.Violation violation = POLICY.check("passwordpassword", EMAIL).orElseThrow();
        assertThat(violation.message()).contains("common or breached passwords");
    }

    private static Optional<String> reason(String password, boolean admin) {
        return POLICY.check(PasswordPolicy.normalize(password), EMAIL, admin).map(PasswordPolicy.Violation::reason);
    }
}
