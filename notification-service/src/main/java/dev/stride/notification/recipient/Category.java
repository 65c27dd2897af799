package dev.stride.notification.recipient;

/**
 * Kinds of mail. Account mail (verification, password reset, security notices) cannot be turned
 * off; product mail is on until the user turns it off; marketing mail and the weekly digest are off
 * until the user explicitly turns them on. The digest is its own category rather than product mail
 * because product mail is on by default, and a digest nobody asked for is the mail people report.
 */
public enum Category {
    ACCOUNT(true, true), PRODUCT(true, false), DIGEST(false, false), MARKETING(false, false);

    private final boolean defaultEnabled;
    private final boolean locked;

    Category(boolean defaultEnabled, boolean locked) {
        this.defaultEnabled = defaultEnabled;
        this.locked = locked;
    }

    public boolean defaultEnabled() {
        return defaultEnabled;
    }

    public boolean locked() {
        return locked;
    }

    public String wireName() {
        return name().toLowerCase();
    }

    public static Category fromWire(String value) {
        for (Category category : values()) {
            if (category.wireName().equals(value)) {
                return category;
            }
        }
        return null;
    }
}
