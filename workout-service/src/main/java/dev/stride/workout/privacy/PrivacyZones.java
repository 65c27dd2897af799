package dev.stride.workout.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.crypto.FieldCipher;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.kit.ids.TimeOrderedIds;

/**
 * A user's privacy zones. The centre is encrypted ({@link FieldCipher}, associated data
 * {@code privacy-zone:<id>}); at most {@link #MAX_ZONES} per user.
 */
@Service
public class PrivacyZones {

    public static final int MAX_ZONES = 10;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Clock clock = Clock.systemUTC();

    PrivacyZones(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Transactional(readOnly = true)
    public List<PrivacyZone> of(UUID userId) {
        return jdbc.sql("select id, centre, radius, created_at from privacy_zone where user_id = :user order by id")
                .param("user", userId)
                .query((rs, row) -> zone(rs.getObject("id", UUID.class), rs.getBytes("centre"),
                        rs.getDouble("radius"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional
    PrivacyZone create(UUID userId, PrivacyZoneInput input) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:user))").param("user", userId.toString()).query().singleRow();
        long count = jdbc.sql("select count(*) from privacy_zone where user_id = :user").param("user", userId)
                .query(Long.class).single();
        if (count >= MAX_ZONES) {
            throw new StrideProblemException(ErrorCode.CONFLICT,
                    "You already have " + MAX_ZONES + " privacy zones; delete one first.");
        }
        UUID id = TimeOrderedIds.next();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into privacy_zone (id, user_id, centre, radius, created_at)
                values (:id, :user, :centre, :radius, :now)""")
                .param("id", id).param("user", userId).param("centre", encrypt(id, input))
                .param("radius", input.radius()).param("now", Timestamp.from(now)).update();
        return new PrivacyZone(id, input.latitude(), input.longitude(), input.radius(), now);
    }

    @Transactional
    PrivacyZone update(UUID userId, UUID id, PrivacyZoneInput input) {
        int updated = jdbc.sql("""
                update privacy_zone set centre = :centre, radius = :radius where id = :id and user_id = :user""")
                .param("id", id).param("user", userId).param("centre", encrypt(id, input))
                .param("radius", input.radius()).update();
        if (updated == 0) {
            throw StrideProblemException.notFound("Privacy zone " + id);
        }
        return of(userId).stream().filter(z -> z.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    void delete(UUID userId, UUID id) {
        if (jdbc.sql("delete from privacy_zone where id = :id and user_id = :user").param("id", id)
                .param("user", userId).update() == 0) {
            throw StrideProblemException.notFound("Privacy zone " + id);
        }
    }

    @Transactional
    public int deleteAllOfUser(UUID userId) {
        return jdbc.sql("delete from privacy_zone where user_id = :user").param("user", userId).update();
    }

    private byte[] encrypt(UUID id, PrivacyZoneInput input) {
        return cipher.encrypt(String.format(Locale.ROOT, "%.7f,%.7f", input.latitude(), input.longitude()),
                "privacy-zone:" + id);
    }

    private PrivacyZone zone(UUID id, byte[] centre, double radius, Instant createdAt) {
        String[] latLon = cipher.decrypt(centre, "privacy-zone:" + id).split(",");
        return new PrivacyZone(id, Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1]), radius, createdAt);
    }
}
