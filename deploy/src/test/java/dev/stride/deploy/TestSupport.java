package dev.stride.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root from the module directory the tests run in. */
final class TestSupport {

    private TestSupport() {
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    static PlatformConfig config(Path dataDir) {
        return PlatformConfig.defaults(repoRoot()).withDataDir(dataDir).withPorts(Ports.free());
    }
}
