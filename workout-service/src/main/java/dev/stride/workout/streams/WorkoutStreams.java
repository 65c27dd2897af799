package dev.stride.workout.streams;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.workout.parsing.TrackPoints;
import dev.stride.workout.privacy.PrivacyZone;
import dev.stride.workout.privacy.PrivacyZones;
import dev.stride.workout.upload.FileCipher;

/**
 * Stores the track of each file workout ({@link StreamCodec}, encrypted with associated data
 * {@code stream:<workoutId>}) and reads it back as the viewer may see it: the owner sees every
 * point; anyone else never sees a point inside one of the owner's privacy zones.
 */
@Service
public class WorkoutStreams {

    private final JdbcClient jdbc;
    private final FileCipher cipher;
    private final PrivacyZones zones;

    WorkoutStreams(JdbcClient jdbc, FileCipher cipher, PrivacyZones zones) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.zones = zones;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void store(UUID workoutId, UUID userId, TrackPoints points) {
        StreamData data = StreamData.of(points);
        jdbc.sql("""
                insert into workout_stream (workout_id, user_id, point_count, data)
                values (:workout, :user, :count, :data)""")
                .param("workout", workoutId).param("user", userId).param("count", data.size())
                .param("data", cipher.encrypt(StreamCodec.encode(data), "stream:" + workoutId)).update();
    }

    /** The streams as {@code viewer} may see them; empty when the workout has none (manual). */
    @Transactional(readOnly = true)
    public Optional<StreamData> read(UUID workoutId, UUID ownerId, UUID viewer) {
        Optional<byte[]> stored = jdbc.sql("select data from workout_stream where workout_id = :workout")
                .param("workout", workoutId).query(byte[].class).optional();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StreamData data = StreamCodec.decode(cipher.decrypt(stored.get(), "stream:" + workoutId));
        return Optional.of(ownerId.equals(viewer) ? data : outsideZones(data, zones.of(ownerId)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(UUID workoutId) {
        jdbc.sql("delete from workout_stream where workout_id = :workout").param("workout", workoutId).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int deleteAllOfUser(UUID userId) {
        return jdbc.sql("delete from workout_stream where user_id = :user").param("user", userId).update();
    }

    /** Removes every point inside a zone from every stream, so the arrays stay aligned. */
    static StreamData outsideZones(StreamData data, List<PrivacyZone> zones) {
        if (zones.isEmpty()) {
            return data;
        }
        int[] keep = new int[data.size()];
        int kept = 0;
        for (int i = 0; i < data.size(); i++) {
            double lat = data.lat()[i];
            double lon = data.lon()[i];
            boolean hidden = false;
            if (!Double.isNaN(lat) && !Double.isNaN(lon)) {
                for (PrivacyZone zone : zones) {
                    if (zone.contains(lat, lon)) {
                        hidden = true;
                        break;
                    }
                }
            }
            if (!hidden) {
                keep[kept++] = i;
            }
        }
        return kept == data.size() ? data : data.select(java.util.Arrays.copyOf(keep, kept));
    }
}
