package dev.stride.notification.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.notification.recipient.Category;
import dev.stride.notification.recipient.RecipientStore;

/**
 * A fixed pool of worker threads (the only threads that talk SMTP, so concurrency and back-pressure
 * are bounded by {@code stride.notifications.delivery.threads}). Each worker claims a few due rows
 * in one short statement ({@code for update skip locked}, safe with several instances), decides
 * (suppress, defer, send) outside any transaction, and records the outcome in a second short
 * transaction that only applies while its claim still holds.
 *
 * <p>Duplicate window: a claimed row is invisible for the lease; a mail is sent at most once per
 * claim. The only way to send it twice is a crash (or a lost database connection) after the SMTP
 * relay accepted it and before the SENT row committed: the lease then expires and another worker
 * sends it again, with the same Message-ID.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final MessageStore messages;
    private final InboxStore inbox;
    private final SuppressionStore suppressions;
    private final RecipientStore recipients;
    private final MailRenderer renderer;
    private final MailComposer composer;
    private final UnsubscribeTokens tokens;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();
    private final Object signal = new Object();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile boolean running;
    private boolean nudged;
    private ExecutorService pool;

    DeliveryWorker(MessageStore messages, InboxStore inbox, SuppressionStore suppressions, RecipientStore recipients,
            MailRenderer renderer, MailComposer composer, UnsubscribeTokens tokens, NotificationProperties properties,
            PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.messages = messages;
        this.inbox = inbox;
        this.suppressions = suppressions;
        this.recipients = recipients;
        this.renderer = renderer;
        this.composer = composer;
        this.tokens = tokens;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        int threads = properties.delivery().threads();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "mail-delivery-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            pool.execute(this::loop);
        }
        log.info("mail delivery started with {} workers", threads);
    }

    @Override
    public synchronized void stop() {
        running = false;
        nudge();
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Wakes idle workers: new work was committed. */
    public void nudge() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            int handled = 0;
            try {
                handled = runOnce();
            }
            catch (RuntimeException | LinkageError ex) {
                log.warn("mail delivery round failed", ex);
            }
            if (handled == 0) {
                idle(properties.delivery().pollInterval());
            }
        }
    }

    private void idle(Duration pause) {
        synchronized (signal) {
            if (!nudged && running) {
                try {
                    signal.wait(pause.toMillis());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            nudged = false;
        }
    }

    /**
     * Claims and handles one batch over one SMTP session; @return how many rows it claimed. Once half
     * the lease has passed, the rest of the batch is released instead of sent, so a send always
     * starts well before the lease ends (the lease must exceed twice the SMTP connect + write + read
     * timeouts), whatever the batch size.
     */
    int runOnce() {
        Instant now = clock.instant();
        Duration lease = properties.delivery().lease();
        List<MessageStore.Claimed> batch = messages.claim(properties.delivery().batchSize(), now, now.plus(lease));
        Instant sendBy = now.plus(lease.dividedBy(2));
        try (MailComposer.SmtpSession smtp = composer.session()) {
            for (MessageStore.Claimed claim : batch) {
                if (!running || clock.instant().isAfter(sendBy)) {
                    release(claim);
                    continue;
                }
                try {
                    deliver(claim, smtp);
                }
                catch (RuntimeException | LinkageError ex) {
                    log.warn("delivery of message {} failed unexpectedly", claim.id(), ex);
                    failed(claim, new SmtpFailures.Verdict(false, "internal error: " + ex.getClass().getSimpleName()));
                }
            }
        }
        return batch.size();
    }

    private void release(MessageStore.Claimed claim) {
        jdbc.sql("update message set claim_token = null, next_attempt_at = :now where id = :id and claim_token = :token")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("id", claim.id())
                .param("token", claim.claimToken()).update();
    }

    private void deliver(MessageStore.Claimed claim, MailComposer.SmtpSession smtp) {
        Instant now = clock.instant();
        Optional<RecipientStore.Recipient> found = recipients.find(claim.recipientUserId());
        if (found.isEmpty()) {
            if (now.isAfter(claim.createdAt().plus(properties.delivery().recipientWait()))) {
                messages.complete(claim, MessageStatus.FAILED, "recipient unknown", false, now, now);
            }
            else {
                messages.complete(claim, MessageStatus.QUEUED, "waiting for recipient", false,
                        now.plus(properties.delivery().recipientPoll()), now);
            }
            return;
        }
        RecipientStore.Recipient recipient = found.get();
        Optional<TemplateCatalog.Spec> spec = TemplateCatalog.find(claim.templateId());
        if (spec.isEmpty()) {
            messages.complete(claim, MessageStatus.FAILED, "unknown template", false, now, now);
            return;
        }
        Category category = spec.get().category();
        if (!category.locked()) {
            if (suppressions.isSuppressed(recipient.userId(), category.wireName())) {
                messages.complete(claim, MessageStatus.SUPPRESSED, "unsubscribed", false, now, now);
                return;
            }
            if (!recipients.preferences(recipient.userId()).getOrDefault(category, category.defaultEnabled())) {
                messages.complete(claim, MessageStatus.SUPPRESSED, "category " + category.wireName() + " turned off",
                        false, now, now);
                return;
            }
            ZonedDateTime local = now.atZone(ZoneId.of(recipient.timeZone()));
            Optional<ZonedDateTime> quietUntil = quietUntil(local, properties.limits().quietStart(),
                    properties.limits().quietEnd());
            if (quietUntil.isPresent()) {
                messages.complete(claim, MessageStatus.QUEUED, "quiet hours", false, quietUntil.get().toInstant(), now);
                return;
            }
            if (category == Category.MARKETING && messages.sentSince(recipient.userId(), category.wireName(),
                    now.minus(properties.limits().capWindow())) >= properties.limits().marketingCap()) {
                messages.complete(claim, MessageStatus.SUPPRESSED, "cap reached", false, now, now);
                return;
            }
        }
        // an address the request named (the new one of an e-mail change) is used for that mail only, never replaced
        Optional<String> email = claim.ownAddress() ? Optional.ofNullable(claim.toAddress())
                : recipients.email(recipient.userId());
        if (email.isEmpty()) {
            messages.complete(claim, MessageStatus.FAILED, "recipient unknown", false, now, now);
            return;
        }
        String unsubscribe = category.locked() ? null : tokens.link(recipient.userId(), category);
        MailRenderer.Rendered mail = renderer.render(spec.get(), recipient.locale(), claim.parameters(),
                recipient.displayName(), unsubscribe);
        try {
            MimeMessage mime = composer.compose(claim.id(), email.get(), mail, unsubscribe);
            smtp.send(mime);
        }
        catch (MessagingException ex) {
            failed(claim, SmtpFailures.classify(ex));
            return;
        }
        Instant sentAt = clock.instant();
        transactions.executeWithoutResult(status -> {
            if (messages.complete(claim, MessageStatus.SENT, null, true, sentAt, sentAt)) {
                inbox.add(claim.id(), recipient.userId(), category.wireName(), claim.templateId(), mail.subject(),
                        mail.summary(), sentAt);
            }
            else {
                log.warn("message {} was sent but its claim was lost (lease expired or user erased)", claim.id());
            }
        });
    }

    private void failed(MessageStore.Claimed claim, SmtpFailures.Verdict verdict) {
        Instant now = clock.instant();
        int attempts = claim.attempts() + 1;
        if (verdict.permanent()) {
            messages.complete(claim, MessageStatus.FAILED, verdict.reason(), true, now, now);
        }
        else if (now.isAfter(claim.createdAt().plus(properties.delivery().retryWindow()))) {
            messages.complete(claim, MessageStatus.FAILED,
                    "gave up after " + attempts + " attempts: " + verdict.reason(), true, now, now);
        }
        else {
            log.info("message {} attempt {} failed transiently: {}", claim.id(), attempts, verdict.reason());
            messages.complete(claim, MessageStatus.RETRYING, verdict.reason(), true, now.plus(backoff(attempts)), now);
        }
    }

    /** Exponential backoff with "equal jitter": half the delay fixed, half random. */
    Duration backoff(int attempts) {
        long initial = properties.delivery().retryInitial().toMillis();
        long max = properties.delivery().retryMax().toMillis();
        long delay = initial;
        for (int i = 1; i < attempts && delay < max; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, max);
        long half = Math.max(1, delay / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** @return when quiet hours end if {@code local} lies within them */
    static Optional<ZonedDateTime> quietUntil(ZonedDateTime local, LocalTime start, LocalTime end) {
        LocalTime time = local.toLocalTime();
        boolean wraps = start.isAfter(end);
        boolean quiet = wraps ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime until = local.with(end).withSecond(0).withNano(0);
        if (!until.isAfter(local)) {
            until = local.plusDays(1).with(end).withSecond(0).withNano(0);
        }
        return Optional.of(until);
    }
}
