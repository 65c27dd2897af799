package dev.stride.notification.recipient;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Strict checks for addresses that arrive in events and requests, before they are stored or mailed. */
public final class MailAddresses {

    /** RFC 5321 limit of a forward path. */
    static final int MAX_LENGTH = 254;

    private MailAddresses() {
    }

    /**
     * True for one bare address ({@code local@domain}): no display name, no group, no list, no
     * control characters (so it cannot carry a header line), at most {@value #MAX_LENGTH} characters.
     */
    public static boolean isSingleAddress(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH
                || value.codePoints().anyMatch(Character::isISOControl)) {
            return false;
        }
        String address = value.trim();
        try {
            InternetAddress[] parsed = InternetAddress.parse(address, true);
            if (parsed.length != 1 || parsed[0].isGroup() || parsed[0].getPersonal() != null) {
                return false;
            }
            parsed[0].validate();
            String parsedAddress = parsed[0].getAddress();
            int at = parsedAddress.lastIndexOf('@');
            return parsedAddress.equals(address) && at > 0 && at < parsedAddress.length() - 1;
        }
        catch (AddressException ex) {
            return false;
        }
    }
}
