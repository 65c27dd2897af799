package dev.stride.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void recordSurvivesAStopAndRestartOnTheSameLogDir() throws Exception {
        Ports ports = Ports.free();
        KafkaBroker broker = new KafkaBroker(new KafkaBroker.Settings(dir.resolve("kafka"), ports.kafka(),
                ports.kafkaController(), TestSupport.repoRoot().resolve("deploy/target/kafka.classpath"),
                dir.resolve("logs/kafka.log")));
        String topic = "launcher-test";
        String value = "survives-" + UUID.randomUUID();
        try {
            broker.start();
            assertThat(broker.isRunning()).isTrue();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "key", value)).get();
            }
            ProcessHandle pid = broker.process().handles().get(0);

            broker.stop();
            assertThat(pid.isAlive()).isFalse();
            assertThat(broker.isRunning()).isFalse();
            assertThat(Ports.listening(ports.kafka())).isFalse();
            assertThat(Ports.listening(ports.kafkaController())).isFalse();

            broker.start();
            assertThat(broker.process().pid()).isNotEqualTo(pid.pid());
            assertThat(consumeAll(broker.bootstrapServers(), topic)).contains(value);
        }
        finally {
            broker.stop();
        }
        assertThat(broker.process().isAlive()).isFalse();
    }

    private static List<String> consumeAll(String bootstrap, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
