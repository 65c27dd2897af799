package dev.stride.gateway.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity flow settings ({@code stride.identity.*}).
 *
 * @param verificationTtl    lifetime of e-mail verification links (also for a changed address)
 * @param passwordResetTtl   lifetime of password-reset links
 * @param passwordResetUrl   page of the app that takes the reset token ({@code ?token=} is appended);
 *                           default {@code <public-base-url>/reset-password}
 * @param mailResendInterval at most one verification/reset mail per account and purpose in this interval
 * @param lockoutThreshold   consecutive failures before the progressive delay starts
 * @param lockoutMaxDelay    longest delay between attempts: {@code min(2^(failures - threshold) s, this)}
 * @param softLockThreshold  consecutive failures (at most 100) after which only a password reset unlocks
 * @param ipMaxFailures      failed logins per client IP within {@code ipWindow} before further logins get 429
 * @param ipWindow           window of the per-IP count (from the IP's first failure)
 * @param ipMaxTracked       bound of the in-memory per-IP map
 * @param enumerationFloor   register and reset requests answer after at least this long, whatever happened
 */
@ConfigurationProperties("stride.identity")
record IdentityProperties(@DefaultValue("P1D") Duration verificationTtl, @DefaultValue("PT30M") Duration passwordResetTtl,
        String passwordResetUrl, @DefaultValue("PT2M") Duration mailResendInterval,
        @DefaultValue("5") int lockoutThreshold, @DefaultValue("PT15M") Duration lockoutMaxDelay,
        @DefaultValue("100") int softLockThreshold, @DefaultValue("50") int ipMaxFailures,
        @DefaultValue("PT15M") Duration ipWindow, @DefaultValue("100000") long ipMaxTracked,
        @DefaultValue("PT0.3S") Duration enumerationFloor) {

    IdentityProperties {
        if (softLockThreshold < 1 || softLockThreshold > 100) {
            throw new IllegalArgumentException("stride.identity.soft-lock-threshold must be 1..100 (NIST 800-63B)");
        }
        if (lockoutThreshold < 1 || lockoutThreshold > softLockThreshold) {
            throw new IllegalArgumentException("stride.identity.lockout-threshold must be 1..soft-lock-threshold");
        }
        if (passwordResetTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("stride.identity.password-reset-ttl must be at most 1 hour");
        }
    }
}
