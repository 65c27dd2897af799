package dev.stride.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * GreenMail standalone in its own JVM: SMTP for the services, and its REST API + web page on
 * {@code apiPort} to read what was sent ({@code GET /api/user/{email}/messages}).
 */
public final class MailServer implements AutoCloseable {

    private final Path jar;
    private final int smtpPort;
    private final int apiPort;
    private final Path workDir;
    private final Path logFile;
    private ManagedProcess process;

    public MailServer(Path jar, int smtpPort, int apiPort, Path workDir, Path logFile) {
        this.jar = jar;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.workDir = workDir;
        this.logFile = logFile;
    }

    public void start(Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new PlatformException("GreenMail jar " + jar + " is missing: run ./mvnw -B -q -pl deploy package");
        }
        process = ManagedProcess.start("greenmail", List.of(Java.java(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled", "-Dgreenmail.verbose", "-jar", jar.toString()), Map.of(), workDir, logFile);
        Http.awaitReady("GreenMail", process, apiUrl() + "/api/service/readiness", r -> r.statusCode() == 200, timeout);
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public ManagedProcess process() {
        return process;
    }

    public void stop() {
        if (process != null) {
            process.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
