package dev.stride.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.stride.gateway.token.TokenHashes;

/**
 * RFC 6238 TOTP (SHA-1, 6 digits, 30 s; what authenticator apps support) with the
 * {@code dev.samstevens.totp} generator, plus single-use recovery codes. A code is accepted for
 * the current step and one step either side, and each step at most once (RFC 6238 §5.2).
 * Recovery codes: 10 codes of 80 random bits, stored as SHA-256.
 */
@Component
class Totp {

    static final String ISSUER = "Stride";
    static final int RECOVERY_CODES = 10;
    static final String SECRET_FIELD = "totp";
    private static final int PERIOD = 30;
    private static final int DIGITS = 6;
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final Pattern RECOVERY = Pattern.compile("[a-z2-7]{4}(-[a-z2-7]{4}){3}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final Clock clock;

    Totp(JdbcClient jdbc, AccountRepository accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = Clock.systemUTC();
    }

    /** A new base32 secret of 160 bits. */
    String newSecret() {
        return secrets.generate();
    }

    String otpauthUri(String secret, String label) {
        return new QrData.Builder().label(label).secret(secret).issuer(ISSUER).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD).build().getUri();
    }

    static boolean looksLikeCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    static boolean looksLikeRecoveryCode(String value) {
        return value != null && RECOVERY.matcher(value.strip().toLowerCase(java.util.Locale.ROOT)).matches();
    }

    /** @return the matching time step in the window, or -1 */
    long matchingStep(String secret, String code) {
        if (!looksLikeCode(code)) {
            return -1;
        }
        long now = clock.millis() / 1000 / PERIOD;
        long found = -1;
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                String expected = codes.generate(secret, step);
                if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                    found = step;
                }
            }
            catch (CodeGenerationException ex) {
                throw new IllegalStateException("TOTP code generation failed", ex);
            }
        }
        return found;
    }

    /** Checks a code and burns its time step. Call inside a transaction with the rest of the login. */
    boolean verifyAndConsume(UUID userId, String secret, String code) {
        long step = matchingStep(secret, code);
        return step >= 0 && accounts.consumeTotpStep(userId, step);
    }

    /** Replaces the user's recovery codes with 10 new ones; returns them (shown once). */
    List<String> newRecoveryCodes(UUID userId) {
        jdbc.sql("DELETE FROM totp_recovery_code WHERE user_id = :userId").param("userId", userId).update();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 16; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(BASE32[RANDOM.nextInt(BASE32.length)]);
            }
            plain.add(code.toString());
            jdbc.sql("INSERT INTO totp_recovery_code (user_id, code_hash) VALUES (:userId, :hash)")
                    .param("userId", userId)
                    .param("hash", TokenHashes.sha256(code.toString()))
                    .update();
        }
        return plain;
    }

    /** Uses a recovery code once. */
    boolean redeemRecoveryCode(UUID userId, String code) {
        if (!looksLikeRecoveryCode(code)) {
            return false;
        }
        return jdbc.sql("""
                UPDATE totp_recovery_code SET used_at = now()
                WHERE user_id = :userId AND code_hash = :hash AND used_at IS NULL
                """)
                .param("userId", userId)
                .param("hash", TokenHashes.sha256(code.strip().toLowerCase(java.util.Locale.ROOT)))
                .update() == 1;
    }

    int remainingRecoveryCodes(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM totp_recovery_code WHERE user_id = :userId AND used_at IS NULL")
                .param("userId", userId).query(Integer.class).single();
    }
}
