package dev.stride.notification.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.notification.message.DeliveryWorker;
import dev.stride.notification.message.MessageStore;
import dev.stride.notification.recipient.Category;

/**
 * Every {@code stride.notifications.digest.interval} (5 min) on every instance: finds opted-in users
 * whose local week has ended (from Monday {@code send-at}, 08:00, in their time zone) and, per user,
 * in one transaction: sums last week's workouts, claims {@code (user, ISO week)} in
 * {@code digest_week} (primary key: with several instances exactly one claim wins, the others wait
 * for it and insert nothing), and queues the {@code weekly-summary} message with idempotency key
 * {@code digest:<user>:<isoWeek>} in the delivery log. Delivery then goes the normal way (preferences
 * and one-click unsubscribe checked again at send time, quiet hours, retries, inbox). A week without
 * workouts is claimed too, with no mail.
 */
@Component
class DigestScheduler {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final DigestStore store;
    private final MessageStore messages;
    private final DigestFormat format;
    private final DeliveryWorker worker;
    private final DigestProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    DigestScheduler(DigestStore store, MessageStore messages, DigestFormat format, DeliveryWorker worker,
            DigestProperties properties, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.messages = messages;
        this.format = format;
        this.worker = worker;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${stride.notifications.digest.interval:5m}",
            initialDelayString = "${stride.notifications.digest.interval:5m}")
    void scheduled() {
        int queued = runOnce(clock.instant());
        if (queued > 0) {
            log.info("queued {} weekly digests", queued);
        }
    }

    /** @return digests this call queued */
    int runOnce(Instant now) {
        int queued = 0;
        UUID after = null;
        List<DigestStore.Candidate> page;
        do {
            page = store.optedIn(after, properties.batchSize());
            for (DigestStore.Candidate user : page) {
                after = user.userId();
                try {
                    queued += decide(user, now) ? 1 : 0;
                }
                catch (RuntimeException ex) {
                    log.warn("weekly digest of user {} failed; the next run tries again", user.userId(), ex);
                }
            }
        }
        while (page.size() == properties.batchSize());
        store.prune(now.minus(properties.retention()));
        return queued;
    }

    /** @return true when this call queued the user's digest */
    private boolean decide(DigestStore.Candidate user, Instant now) {
        Optional<DigestWeek> due = DigestWeek.due(now, ZoneId.of(user.timeZone()), properties.sendAt());
        if (due.isEmpty() || (user.lastWeek() != null && user.lastWeek().compareTo(due.get().isoWeek()) >= 0)) {
            return false;
        }
        DigestWeek week = due.get();
        Boolean queued = transactions.execute(status -> {
            List<DigestStore.SportTotals> sports = store.totals(user.userId(), week.start(), week.end());
            int workouts = sports.stream().mapToInt(DigestStore.SportTotals::workouts).sum();
            UUID messageId = workouts == 0 ? null : UUID.randomUUID();
            if (!store.claim(user.userId(), week.isoWeek(), workouts, messageId, now)) {
                return false;
            }
            if (messageId == null) {
                return false;
            }
            Map<String, String> parameters = format.parameters(user, week, sports);
            boolean inserted = messages.insertIfAbsent(messageId, "digest:" + user.userId() + ":" + week.isoWeek(),
                    user.userId(), Category.DIGEST.wireName(), DigestFormat.TEMPLATE, parameters, null, now, now);
            if (inserted) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        worker.nudge();
                    }
                });
            }
            return inserted;
        });
        return Boolean.TRUE.equals(queued);
    }
}
