package dev.stride.marketing.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consent rows and their history in the marketing schema. */
@Repository
class ConsentStore {

    private final JdbcClient jdbc;

    ConsentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConsentView> find(UUID userId) {
        return jdbc.sql("select marketing_emails, personalized_offers, updated_at from consent where user_id = :id")
                .param("id", userId)
                .query((rs, n) -> new ConsentView(rs.getBoolean(1), rs.getBoolean(2),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    void save(UUID userId, ConsentChange change, Instant now) {
        jdbc.sql("""
                insert into consent (user_id, marketing_emails, personalized_offers, updated_at)
                values (:id, :emails, :offers, :now)
                on conflict (user_id) do update set marketing_emails = excluded.marketing_emails,
                    personalized_offers = excluded.personalized_offers, updated_at = excluded.updated_at""")
                .param("id", userId).param("emails", change.marketingEmails())
                .param("offers", change.personalizedOffers()).param("now", java.sql.Timestamp.from(now)).update();
        jdbc.sql("""
                insert into consent_change (user_id, marketing_emails, personalized_offers, changed_at)
                values (:id, :emails, :offers, :now)""")
                .param("id", userId).param("emails", change.marketingEmails())
                .param("offers", change.personalizedOffers()).param("now", java.sql.Timestamp.from(now)).update();
    }

    List<ConsentView> history(UUID userId) {
        return jdbc.sql("""
                select marketing_emails, personalized_offers, changed_at from consent_change
                where user_id = :id order by changed_at desc, id desc limit 100""")
                .param("id", userId)
                .query((rs, n) -> new ConsentView(rs.getBoolean(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    void erase(UUID userId) {
        jdbc.sql("delete from consent_change where user_id = :id").param("id", userId).update();
        jdbc.sql("delete from consent where user_id = :id").param("id", userId).update();
    }
}
