package dev.stride.kit.events;

import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the event id in {@code stride_processed_event} in the same transaction as the work. A
 * second delivery, even to another instance at the same time, finds the row (or waits on its
 * lock) and skips the work.
 */
class JdbcIdempotentConsumer implements IdempotentConsumer {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcIdempotentConsumer(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public boolean runOnce(String consumer, UUID eventId, Runnable work) {
        Objects.requireNonNull(consumer, "consumer must not be null");
        Objects.requireNonNull(eventId, "eventId must not be null");
        Boolean ran = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                    insert into stride_processed_event (consumer, event_id) values (:consumer, :eventId)
                    on conflict do nothing""")
                    .param("consumer", consumer)
                    .param("eventId", eventId)
                    .update();
            if (inserted == 0) {
                return false;
            }
            work.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}
