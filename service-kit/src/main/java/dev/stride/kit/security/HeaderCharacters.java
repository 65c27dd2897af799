package dev.stride.kit.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The header checks of Spring Security's {@link StrictHttpFirewall}, without regular expressions.
 * The firewall's defaults are the patterns {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (names) and
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} (values), matched again on every
 * {@code getHeader} call; the security filters read {@code Authorization} several times per
 * request, so a bearer token was scanned by the regex engine again and again (a sixth of an upload
 * request's CPU). These predicates accept exactly the same strings (tested against the patterns),
 * with printable ASCII decided without a table lookup.
 */
public final class HeaderCharacters {

    /** Header names: every code point assigned and not a control character. */
    public static final Predicate<String> NAME = value -> allowed(value, false);

    /** Header values: every code point assigned and not a control character other than tab. */
    public static final Predicate<String> VALUE = value -> allowed(value, true);

    private HeaderCharacters() {
    }

    /** A {@link StrictHttpFirewall} with its defaults, header checks through these predicates. */
    public static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(NAME);
        firewall.setAllowedHeaderValues(VALUE);
        return firewall;
    }

    private static boolean allowed(String value, boolean tab) {
        int i = 0;
        int length = value.length();
        while (i < length) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
