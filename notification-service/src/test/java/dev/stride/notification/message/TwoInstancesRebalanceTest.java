package dev.stride.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.kit.events.EventHandlers;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestKafka;
import dev.stride.notification.NotificationTestBase;

/**
 * A second instance of the service (its own Kafka listener container in the same consumer group,
 * its own intake and delivery worker pool, the same database) joins while requests stream in, takes
 * over partitions, handles requests and dies before committing any offset. The rebalance hands its
 * partitions back to the first instance, which reads those records again. Producers also resend
 * some requests with the same idempotency key. Every request must reach the SMTP server exactly once,
 * counted by the key each mail carries in its text. (Without the unique idempotency key the resends
 * arrive twice; without the processed-event check as well, so do the records the dead instance handled.)
 */
@StrideServiceTest
class TwoInstancesRebalanceTest extends NotificationTestBase {

    private static final Pattern MARKER = Pattern.compile("rebalance-[0-9a-f]{8}-\\d+");

    @Autowired
    AutowireCapableBeanFactory beans;
    @Autowired
    EventHandlers.Factory events;
    @Autowired
    MessageStore messages;
    @Autowired
    ConcurrentKafkaListenerContainerFactory<?, ?> listenerFactory;

    @Test
    void requestsStreamedOverARebalanceWithAnInstanceDyingBeforeItsCommitAreMailedExactlyOnce() throws Exception {
        Map<UUID, String> recipients = onePerPartition();
        String run = UUID.randomUUID().toString().substring(0, 8);

        DeliveryWorker secondWorker = beans.createBean(DeliveryWorker.class);
        NotificationIntake secondIntake = new NotificationIntake(events, messages, secondWorker);
        Map<Integer, Long> handledBySecond = new ConcurrentHashMap<>();
        AtomicInteger secondHandled = new AtomicInteger();
        ConcurrentMessageListenerContainer<?, ?> second = listenerFactory.createContainer(Topics.NOTIFICATION_REQUESTS);
        second.getContainerProperties().setGroupId(NotificationIntake.GROUP);
        // never acknowledged: whatever this instance handles stays uncommitted, as when it crashes
        second.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        MessageListener<String, String> listener = (ConsumerRecord<String, String> record) -> {
            secondIntake.on(record.value());
            handledBySecond.merge(record.partition(), record.offset(), Math::min);
            secondHandled.incrementAndGet();
        };
        second.getContainerProperties().setMessageListener(listener);

        Stream stream = new Stream(recipients, run);
        try {
            TestKafka.await(() -> stream.sent() >= 80, WAIT);

            secondWorker.start();
            second.start();
            TestKafka.await(() -> secondHandled.get() >= 30, WAIT);

            Map<TopicPartition, Long> committed = committedOffsets();
            handledBySecond.forEach((partition, firstHandled) -> assertThat(
                    committed.getOrDefault(new TopicPartition(Topics.NOTIFICATION_REQUESTS, partition), 0L))
                    .as("partition %d is uncommitted from the second instance's first record on", partition)
                    .isLessThanOrEqualTo(firstHandled));
            second.stop();
            secondWorker.stop();

            int sentAtDeath = stream.sent();
            TestKafka.await(() -> stream.sent() >= sentAtDeath + 80, WAIT);
        }
        finally {
            stream.close();
            second.stop();
            secondWorker.stop();
        }

        Set<String> expected = stream.keys();
        // the group committed past every record the dead instance handled: the first instance read them again
        await(this::groupCaughtUp, "consumer group caught up");
        await(() -> count("select count(*) from message where idempotency_key like :run", run) >= expected.size()
                && count("select count(*) from message where idempotency_key like :run and status <> 'SENT'", run) == 0,
                "every request SENT");
        await(() -> mailsTo(recipients.values()).size() >= expected.size(), expected.size() + " mails");

        List<MimeMessage> mails = mailsTo(recipients.values());
        List<String> markers = new ArrayList<>();
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage mail : mails) {
            markers.add(marker(mail));
            messageIds.add(mail.getMessageID());
        }
        assertThat(mails).hasSize(expected.size());
        assertThat(messageIds).hasSize(expected.size());
        assertThat(markers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(count("select count(*) from inbox_item i join message m on m.id = i.message_id"
                + " where m.idempotency_key like :run", run)).isEqualTo(expected.size());
    }

    /** A recipient (user id → address) for every partition of the request topic, so both instances get work. */
    private Map<UUID, String> onePerPartition() {
        int partitions;
        try (KafkaProducer<String, String> producer = producer()) {
            partitions = producer.partitionsFor(Topics.NOTIFICATION_REQUESTS).size();
        }
        Map<Integer, UUID> byPartition = new HashMap<>();
        while (byPartition.size() < partitions) {
            UUID user = UUID.randomUUID();
            byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(user.toString().getBytes(StandardCharsets.UTF_8)))
                    % partitions, user);
        }
        Map<UUID, String> recipients = new HashMap<>();
        for (UUID user : byPartition.values()) {
            String address = email();
            register(user, address, "en", "UTC");
            recipients.put(user, address);
        }
        return recipients;
    }

    private int count(String sql, String run) {
        return jdbc.sql(sql).param("run", "rebalance-" + run + "-%").query(Integer.class).single();
    }

    private List<MimeMessage> mailsTo(java.util.Collection<String> addresses) {
        return addresses.stream().flatMap(a -> mail().messagesTo(a).stream()).toList();
    }

    private static String marker(MimeMessage mail) throws Exception {
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher matcher = MARKER.matcher(text);
        assertThat(matcher.find()).as("marker in %s", text).isTrue();
        return matcher.group();
    }

    private Map<TopicPartition, Long> committedOffsets() {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(NotificationIntake.GROUP).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).forEach((partition, offset) -> {
                        if (partition.topic().equals(Topics.NOTIFICATION_REQUESTS) && offset != null) {
                            offsets.put(partition, offset.offset());
                        }
                    });
            return offsets;
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private boolean groupCaughtUp() {
        Map<TopicPartition, Long> committed = committedOffsets();
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.NOTIFICATION_REQUESTS)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.NOTIFICATION_REQUESTS).partitions()
                    .forEach(p -> latest.put(new TopicPartition(Topics.NOTIFICATION_REQUESTS, p.partition()),
                            OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .allMatch(end -> committed.getOrDefault(end.getKey(), 0L) == end.getValue().offset());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    /**
     * Publishes requests one after another (about 100 a second) on a background thread until closed,
     * as the other services would: keyed by recipient, each with its own idempotency key, and every
     * tenth time also a producer retry of an earlier request (new event id, same idempotency key).
     */
    private final class Stream implements AutoCloseable {

        private final List<UUID> users;
        private final String run;
        private final Set<String> keys = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final KafkaProducer<String, String> producer = producer();
        private final Thread thread;
        private volatile RuntimeException failure;

        Stream(Map<UUID, String> recipients, String run) {
            this.users = List.copyOf(recipients.keySet());
            this.run = run;
            this.thread = new Thread(this::publish, "request-stream");
            thread.start();
        }

        int sent() {
            if (failure != null) {
                throw failure;
            }
            return keys.size();
        }

        Set<String> keys() {
            return Set.copyOf(keys);
        }

        private void publish() {
            try {
                for (int i = 0; !stopped.get(); i++) {
                    send(i);
                    keys.add(key(i));
                    if (i >= 30 && i % 10 == 0) {
                        send(i - 25);
                    }
                    Thread.sleep(10);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (RuntimeException ex) {
                failure = ex;
            }
        }

        private void send(int i) {
            UUID user = users.get(i % users.size());
            String key = key(i);
            NotificationRequested request = new NotificationRequested(user, "account", "password-changed",
                    Map.of("name", "Ann", "changedAt", key), key, null);
            try {
                producer.send(new ProducerRecord<>(Topics.NOTIFICATION_REQUESTS, user.toString(), codec.write(
                        codec.envelope(EventTypes.NOTIFICATION_REQUESTED, 1, Services.WORKOUT, user.toString(), request,
                                null)))).get(10, TimeUnit.SECONDS);
            }
            catch (Exception ex) {
                throw new IllegalStateException("cannot publish request " + i, ex);
            }
        }

        private String key(int i) {
            return "rebalance-" + run + "-" + i;
        }

        @Override
        public void close() throws InterruptedException {
            if (stopped.getAndSet(true)) {
                return;
            }
            thread.join(30_000);
            producer.close(Duration.ofSeconds(10));
        }
    }
}
