package dev.stride.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One child process of the launcher: stdout and stderr appended to one log file; stopped with
 * SIGTERM to it and its descendants, then SIGKILL after a grace period, so nothing is left behind.
 */
public final class ManagedProcess {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final List<ProcessHandle> seen = new ArrayList<>();

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.seen.add(process.toHandle());
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.exists(logFile)) {
                // keep the previous run's log, so the tail shown on failure is this run's only
                String previous = logFile.getFileName().toString().replaceFirst("\\.log$", "") + ".previous.log";
                Files.move(logFile, logFile.resolveSibling(previous), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(logFile, "==== " + java.time.Instant.now() + " starting " + name + ": "
                    + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), logFile);
        }
        catch (IOException ex) {
            throw new PlatformException("cannot start " + name + ": " + ex.getMessage(), ex);
        }
    }

    /** Runs a short command to completion (e.g. keytool, Kafka's StorageTool); fails with its output. */
    public static String run(String what, List<String> command, Path workingDirectory, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out;
            try (var in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new PlatformException(what + " did not finish within " + timeout.toSeconds() + " s");
            }
            String output = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new PlatformException(what + " failed (exit " + p.exitValue() + "): " + output.strip());
            }
            return output;
        }
        catch (IOException ex) {
            throw new PlatformException(what + " could not run: " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PlatformException(what + " interrupted", ex);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** This process and every descendant ever observed (remembered so a test can check they are gone). */
    public synchronized List<ProcessHandle> handles() {
        remember();
        return List.copyOf(seen);
    }

    private synchronized void remember() {
        process.toHandle().descendants().filter(h -> !seen.contains(h)).forEach(seen::add);
    }

    /** SIGTERM to the process tree, wait, then SIGKILL whatever is still running. Idempotent. */
    public void stop() {
        remember();
        List<ProcessHandle> tree;
        synchronized (this) {
            tree = List.copyOf(seen);
        }
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
                catch (Exception ignored) {
                    // handled below
                }
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            }
            catch (Exception ignored) {
                // reported by isAlive() checks
            }
        }
    }

    /** The last {@code lines} lines of the log file. */
    public String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> stream = Files.lines(file, StandardCharsets.UTF_8)) {
            stream.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        }
        catch (UncheckedIOException | IOException ex) {
            return "(cannot read " + file + ": " + ex.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), last);
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
