package dev.stride.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {

    @TempDir
    Path dataDir;

    @Test
    void freePortsAreDistinctAndFree() {
        Ports ports = Ports.free();
        assertThat(ports.byComponent()).hasSize(15);
        ports.requireAllFree();
    }

    @Test
    void defaultsAreTheDocumentedPorts() {
        Ports ports = Ports.defaults();
        assertThat(ports.gateway()).isEqualTo(8443);
        assertThat(ports.kafka()).isEqualTo(9092);
        assertThat(ports.smtp()).isEqualTo(3025);
        assertThat(ports.mailApi()).isEqualTo(8025);
        assertThat(ports.shop()).isEqualTo(8089);
        assertThat(ports.notificationManagement()).isEqualTo(9084);
    }

    @Test
    void takenPortIsReportedWithItsComponentInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Ports free = Ports.free();
            Ports ports = new Ports(free.kafka(), free.kafkaController(), free.smtp(), free.mailApi(),
                    taken.getLocalPort(), free.gateway(), free.gatewayManagement(), free.workout(),
                    free.workoutManagement(), free.social(), free.socialManagement(), free.marketing(),
                    free.marketingManagement(), free.notification(), free.notificationManagement());
            assertThatThrownBy(ports::requireAllFree).isInstanceOfSatisfying(PortInUseException.class, ex -> {
                assertThat(ex.port()).isEqualTo(taken.getLocalPort());
                assertThat(ex.component()).isEqualTo("shop simulator (WireMock)");
                assertThat(ex.getMessage()).contains(String.valueOf(taken.getLocalPort()))
                        .contains("shop simulator").doesNotContain("\n");
            });
        }
    }

    @Test
    void launcherStartsNothingWhenAPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Ports free = Ports.free();
            Ports ports = new Ports(taken.getLocalPort(), free.kafkaController(), free.smtp(), free.mailApi(),
                    free.shop(), free.gateway(), free.gatewayManagement(), free.workout(), free.workoutManagement(),
                    free.social(), free.socialManagement(), free.marketing(), free.marketingManagement(),
                    free.notification(), free.notificationManagement());
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            LocalPlatform platform = new LocalPlatform(TestSupport.config(dataDir).withPorts(ports),
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            assertThatThrownBy(platform::startAll).isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " needed by Kafka broker");
            assertThat(platform.processes()).isEmpty();
            assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("Starting");
            assertThat(Files.exists(dataDir.resolve("logs"))).isFalse();
        }
    }

    @Test
    void duplicatePortInConfigurationIsRejected() {
        Ports d = Ports.defaults();
        Ports clash = new Ports(d.kafka(), d.kafka(), d.smtp(), d.mailApi(), d.shop(), d.gateway(),
                d.gatewayManagement(), d.workout(), d.workoutManagement(), d.social(), d.socialManagement(),
                d.marketing(), d.marketingManagement(), d.notification(), d.notificationManagement());
        assertThatThrownBy(clash::byComponent).isInstanceOf(IllegalArgumentException.class);
    }
}
