package dev.stride.notification.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.stride.kit.crypto.FieldCipher;

/** The delivery log ({@code message}, {@code message_event}) in the notification schema. */
@Repository
public class MessageStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    /**
     * A row a worker holds until {@code next_attempt_at}; its completion must present {@code claimToken}.
     *
     * @param ownAddress whether the request named its own address; such a mail never goes to the
     *                   recipient's projected address
     * @param toAddress  that address (decrypted), null when the request named none or it was dropped
     */
    public record Claimed(UUID id, UUID claimToken, UUID recipientUserId, String category, String templateId,
            Map<String, String> parameters, int attempts, Instant createdAt, boolean ownAddress, String toAddress) {

        @Override
        public String toString() {
            return "Claimed[id=" + id + ", templateId=" + templateId + ", attempts=" + attempts + "]";
        }
    }

    public record MessageView(UUID id, String idempotencyKey, UUID recipientUserId, String category, String templateId,
            String status, String reason, int attempts, Instant nextAttemptAt, Instant createdAt, Instant sentAt) {
    }

    public record MessageEvent(Instant at, String status, String reason) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    MessageStore(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * @param toAddress an address the request named itself (see {@link TemplateCatalog.Spec#acceptsToAddress()}),
     *                  stored encrypted until the message is final; null for the projected address
     * @return true when recorded, false when a message with this key already exists (any instance)
     */
    public boolean insertIfAbsent(UUID id, String key, UUID recipient, String category, String templateId,
            Map<String, String> parameters, String toAddress, Instant nextAttemptAt, Instant now) {
        // the row and its first history entry in one statement (one round trip)
        int inserted = jdbc.sql("""
                with inserted as (
                    insert into message (id, idempotency_key, recipient_user_id, category, template_id, parameters,
                        to_address_ciphertext, own_address, status, next_attempt_at, created_at, updated_at)
                    values (:id, :key, :recipient, :category, :template, cast(:params as jsonb), :to, :own, 'QUEUED',
                        :next, :now, :now)
                    on conflict (idempotency_key) do nothing
                    returning id)
                insert into message_event (message_id, at, status, reason)
                select id, :now, 'QUEUED', null from inserted""")
                .param("id", id).param("key", key).param("recipient", recipient).param("category", category)
                .param("template", templateId).param("params", JSON.writeValueAsString(parameters))
                .param("to", toAddress == null ? null : cipher.encrypt(toAddress, toAddressContext(id)), Types.BINARY)
                .param("own", toAddress != null)
                .param("next", Timestamp.from(nextAttemptAt)).param("now", Timestamp.from(now))
                .update();
        return inserted == 1;
    }

    /**
     * Takes up to {@code limit} due rows in one statement: rows other workers hold are skipped
     * ({@code for update skip locked}), taken rows become invisible until {@code leaseUntil}.
     */
    public List<Claimed> claim(int limit, Instant now, Instant leaseUntil) {
        UUID token = UUID.randomUUID();
        return jdbc.sql("""
                update message m set claim_token = :token, next_attempt_at = :lease, updated_at = :now
                where m.id in (select id from message where status in ('QUEUED', 'RETRYING') and next_attempt_at <= :now
                               order by next_attempt_at limit :limit for update skip locked)
                returning m.id, m.recipient_user_id, m.category, m.template_id, m.parameters::text, m.attempts, m.created_at,
                    m.own_address, m.to_address_ciphertext""")
                .param("token", token).param("lease", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    byte[] to = rs.getBytes(9);
                    return new Claimed(id, token, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            JSON.readValue(rs.getString(5), PARAMS), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                            rs.getBoolean(8), to == null ? null : cipher.decrypt(to, toAddressContext(id)));
                })
                .list();
    }

    /**
     * Records the outcome of a claimed row, only if the claim is still ours (the lease has not been
     * taken over, the user has not been erased). A final status (SENT, FAILED, SUPPRESSED) drops the
     * address the request named: it is not needed any more.
     *
     * @param attempted whether an SMTP attempt was made (counts in {@code attempts})
     * @return true when the row was updated
     */
    public boolean complete(Claimed claim, MessageStatus status, String reason, boolean attempted, Instant nextAttemptAt,
            Instant now) {
        // one statement (one round trip, atomic) for the row and its history entry
        int recorded = jdbc.sql("""
                with updated as (
                    update message set status = :status, reason = :reason, attempts = attempts + :attempted,
                        next_attempt_at = :next, claim_token = null, updated_at = :now,
                        sent_at = case when :status = 'SENT' then :now else sent_at end,
                        to_address_ciphertext = case when :status in ('SENT', 'FAILED', 'SUPPRESSED') then null
                                                     else to_address_ciphertext end
                    where id = :id and claim_token = :token
                    returning id)
                insert into message_event (message_id, at, status, reason)
                select id, :now, :status, :reason from updated""")
                .param("status", status.name()).param("reason", reason).param("attempted", attempted ? 1 : 0)
                .param("next", Timestamp.from(nextAttemptAt)).param("now", Timestamp.from(now))
                .param("id", claim.id()).param("token", claim.claimToken())
                .update();
        return recorded == 1;
    }

    /** Marketing (or any category) mails handed to the relay for a recipient since {@code since}. */
    public int sentSince(UUID recipient, String category, Instant since) {
        return jdbc.sql("""
                select count(*) from message where recipient_user_id = :user and category = :category and status = 'SENT'
                    and sent_at >= :since""")
                .param("user", recipient).param("category", category).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    public Optional<MessageView> find(UUID id) {
        return jdbc.sql("""
                select id, idempotency_key, recipient_user_id, category, template_id, status, reason, attempts,
                    next_attempt_at, created_at, sent_at from message where id = :id""")
                .param("id", id).query(MessageStore::view).optional();
    }

    /** Whether the request named its own address (which is dropped once the message is final). */
    public boolean hasOwnAddress(UUID id) {
        return jdbc.sql("select own_address from message where id = :id").param("id", id).query(Boolean.class)
                .optional().orElse(false);
    }

    public Optional<Map<String, String>> parameters(UUID id) {
        return jdbc.sql("select parameters::text from message where id = :id").param("id", id)
                .query((rs, n) -> JSON.readValue(rs.getString(1), PARAMS)).optional();
    }

    public List<MessageEvent> events(UUID id) {
        return jdbc.sql("select at, status, reason from message_event where message_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new MessageEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** category → status → count. */
    public Map<String, Map<String, Long>> statistics() {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        jdbc.sql("select category, status, count(*) from message group by category, status order by category, status")
                .query(rs -> {
                    result.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return result;
    }

    /** Drops every message of the user, queued ones included, with their history. */
    public int eraseUser(UUID userId) {
        return jdbc.sql("delete from message where recipient_user_id = :id").param("id", userId).update();
    }

    private static String toAddressContext(UUID messageId) {
        return "message.to-address:" + messageId;
    }

    private static MessageView view(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp(11);
        return new MessageView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), sent == null ? null : sent.toInstant());
    }
}
