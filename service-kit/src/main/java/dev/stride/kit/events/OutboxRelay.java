package dev.stride.kit.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Moves committed outbox rows to Kafka. Rows are deleted only after the broker acknowledged them,
 * so a broker outage or a crash between commit and send only delays delivery: the next round, on
 * this instance or after a restart, sends them again. A transaction-scoped advisory lock lets one
 * instance relay a schema's outbox at a time, which keeps each user's events in commit order.
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final StrideEventsProperties properties;
    private volatile ScheduledExecutorService scheduler;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final Counter sent;
    private final Counter failed;
    private volatile boolean running;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
            StrideEventsProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.sent = Counter.builder("stride.outbox.sent").description("events acknowledged by Kafka").register(meters);
        this.failed = Counter.builder("stride.outbox.failed").description("send attempts that failed")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stride-outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        long period = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::safeRelay, 0, period, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::safeForgetProcessed, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(properties.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.shutdownNow();
        }
    }

    /** Asks for a round soon, e.g. after a commit that wrote events; coalesces bursts into one round. */
    void wakeUp() {
        ScheduledExecutorService current = scheduler;
        if (running && current != null && nudged.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    nudged.set(false);
                    safeRelay();
                });
            }
            catch (java.util.concurrent.RejectedExecutionException ex) {
                nudged.set(false);
            }
        }
    }

    /** Relays due rows until none is left or a round makes no progress. @return rows sent */
    public int relayAll() {
        int total = 0;
        int sentNow;
        do {
            sentNow = relayOnce();
            total += sentNow;
        }
        while (sentNow == properties.batchSize());
        return total;
    }

    private void safeRelay() {
        try {
            relayAll();
        }
        catch (RuntimeException ex) {
            log.warn("outbox relay round failed, will retry: {}", ex.getMessage());
        }
    }

    private void safeForgetProcessed() {
        try {
            int removed = jdbc.sql("delete from stride_processed_event where processed_at < now() - make_interval(secs => :secs)")
                    .param("secs", (double) properties.processedRetention().toSeconds())
                    .update();
            if (removed > 0) {
                log.info("forgot {} processed event ids older than {}", removed, properties.processedRetention());
            }
        }
        catch (RuntimeException ex) {
            log.warn("could not prune processed event ids: {}", ex.getMessage());
        }
    }

    int relayOnce() {
        Integer count = transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.stride_outbox'))")
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            // the round only deletes rows Kafka already has: losing that commit in a database crash
            // sends them again, which consumers de-duplicate, so it need not wait for the WAL flush
            jdbc.sql("set local synchronous_commit = off").update();
            List<OutboxRow> rows = jdbc.sql("""
                    select id, event_id, topic, message_key, event_type, payload, attempts from stride_outbox
                    where next_attempt_at <= now() order by id limit :limit""")
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
                            rs.getString("message_key"), rs.getString("event_type"), rs.getString("payload"),
                            rs.getInt("attempts")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            return send(rows);
        });
        return count == null ? 0 : count;
    }

    private int send(List<OutboxRow> rows) {
        List<CompletableFuture<SendResult<String, String>>> futures = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            futures.add(sendOne(row));
        }
        List<Long> done = new ArrayList<>(rows.size());
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                long wait = Math.max(1, deadline - System.nanoTime());
                futures.get(i).get(wait, TimeUnit.NANOSECONDS);
                done.add(row.id());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (Exception ex) {
                recordFailure(row, ex);
            }
        }
        if (!done.isEmpty()) {
            jdbc.sql("delete from stride_outbox where id in (:ids)").param("ids", done).update();
            sent.increment(done.size());
        }
        return done.size();
    }

    private CompletableFuture<SendResult<String, String>> sendOne(OutboxRow row) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            record.headers().add("stride-event-id", row.eventId().getBytes(StandardCharsets.UTF_8));
            record.headers().add("stride-event-type", row.type().getBytes(StandardCharsets.UTF_8));
            return kafka.send(record);
        }
        catch (RuntimeException ex) {
            // metadata unavailable within max.block.ms: the broker is unreachable
            return CompletableFuture.failedFuture(ex);
        }
    }

    private void recordFailure(OutboxRow row, Exception ex) {
        failed.increment();
        Throwable cause = ex.getCause() == null ? ex : ex.getCause();
        long delay = Math.min(properties.maxBackoff().toMillis(),
                properties.pollInterval().toMillis() * (1L << Math.min(row.attempts(), 16)));
        jdbc.sql("""
                update stride_outbox set attempts = attempts + 1, last_error = :error,
                       next_attempt_at = now() + make_interval(secs => :delay)
                where id = :id""")
                .param("error", String.valueOf(cause.getMessage()))
                .param("delay", delay / 1000.0)
                .param("id", row.id())
                .update();
        if (row.attempts() == 0 || row.attempts() % 10 == 0) {
            log.warn("event {} ({}) not yet delivered to {} after {} attempt(s): {}", row.eventId(), row.type(),
                    row.topic(), row.attempts() + 1, cause.getMessage());
        }
    }

    /** Rows still waiting for the broker; used by health checks and tests. */
    public long pending() {
        return jdbc.sql("select count(*) from stride_outbox").query(Long.class).single();
    }

    Duration pollInterval() {
        return properties.pollInterval();
    }

    private record OutboxRow(long id, String eventId, String topic, String key, String type, String payload,
            int attempts) {
    }
}
