package dev.stride.deploy;

import java.nio.file.Path;

/** Paths of the tools of the JDK running the launcher (child JVMs use the same Java). */
final class Java {

    private Java() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }
}
