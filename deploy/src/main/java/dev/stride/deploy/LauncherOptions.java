package dev.stride.deploy;

import java.nio.file.Path;

/** Command line of {@code ./stride up}. */
record LauncherOptions(boolean help, boolean seedDemo, Path dataDir, Path repoRoot) {

    static LauncherOptions parse(String[] args) {
        boolean help = false;
        boolean seed = false;
        Path dataDir = null;
        String home = System.getProperty("stride.home");
        Path repoRoot = Path.of(home == null ? "." : home).toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "up" -> {
                    if (i != 0) {
                        throw new IllegalArgumentException("'up' must come first");
                    }
                }
                case "-h", "--help", "help" -> help = true;
                case "--seed-demo" -> seed = true;
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--data-dir needs a folder");
                    }
                    dataDir = Path.of(args[++i]);
                }
                default -> {
                    if (arg.startsWith("--data-dir=")) {
                        dataDir = Path.of(arg.substring("--data-dir=".length()));
                    }
                    else {
                        throw new IllegalArgumentException("unknown argument: " + arg);
                    }
                }
            }
        }
        return new LauncherOptions(help, seed, dataDir, repoRoot);
    }

    static String usage() {
        return """
                Usage: ./stride up [--seed-demo] [--data-dir DIR] [--help]

                Builds what is missing (./mvnw -B -q -DskipTests install when a service jar or the
                launcher classpath is missing), then starts the whole Stride platform locally:
                  PostgreSQL  STRIDE_DB_URL if set (must be reachable), else 127.0.0.1:5432, else embedded
                  Kafka       KRaft broker 127.0.0.1:9092 (controller 9093) from Maven-resolved jars
                  GreenMail   SMTP 127.0.0.1:3025, mail viewer/API http://127.0.0.1:8025
                  WireMock    shop simulator http://127.0.0.1:8089 (mappings in deploy/shop-simulator)
                  gateway-service https://localhost:8443 (management 9080), workout 8081/9081,
                  social 8082/9082, marketing 8083/9083, notification 8084/9084
                and prints where to go. Ctrl-C stops every process it started.

                Options:
                  --seed-demo      register demo users through the gateway and create workouts for them
                  --data-dir DIR   data folder (default $STRIDE_DATA_DIR, else ./.stride-data): secrets,
                                   TLS material, signing key, Kafka data, logs/<component>.log
                  --help           this text

                Environment: STRIDE_DB_URL (e.g. jdbc:postgresql://host:5432/postgres?user=u&password=p),
                STRIDE_DB_ADMIN_USER / STRIDE_DB_ADMIN_PASSWORD for the server on 127.0.0.1:5432,
                STRIDE_DATA_DIR.""";
    }
}
