package dev.stride.workout.upload;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code upload} and {@code upload_workout} tables. */
@Repository
class UploadStore {

    private final JdbcClient jdbc;

    UploadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored upload without its content. */
    record Upload(UUID id, UUID userId, String fileName, long sizeBytes, String sha256, UploadStatus status,
            String error, UUID workoutId, String requestedSport, String requestedTitle, String requestedVisibility,
            String format) {

        UploadView view() {
            return new UploadView(id, status, workoutId, error);
        }
    }

    private static final String COLUMNS = "id, user_id, file_name, size_bytes, sha256, status, error, workout_id, "
            + "requested_sport, requested_title, requested_visibility, format ";
    private static final String QUALIFIED = "u.id, u.user_id, u.file_name, u.size_bytes, u.sha256, u.status, u.error, "
            + "u.workout_id, u.requested_sport, u.requested_title, u.requested_visibility, u.format ";

    void insert(Upload u, byte[] encryptedContent, Instant now) {
        jdbc.sql("""
                insert into upload (id, user_id, file_name, size_bytes, sha256, status, error, workout_id,
                    requested_sport, requested_title, requested_visibility, content, created_at, updated_at)
                values (:id, :user, :name, :size, :sha, :status, :error, :workout, :sport, :title, :visibility,
                    :content, :now, :now)""")
                .param("id", u.id()).param("user", u.userId()).param("name", u.fileName())
                .param("size", u.sizeBytes()).param("sha", u.sha256()).param("status", u.status().name())
                .param("error", u.error()).param("workout", u.workoutId()).param("sport", u.requestedSport())
                .param("title", u.requestedTitle()).param("visibility", u.requestedVisibility())
                .param("content", encryptedContent).param("now", Timestamp.from(now)).update();
    }

    Optional<Upload> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from upload where id = :id").param("id", id)
                .query(UploadStore::map).optional();
    }

    Optional<Upload> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from upload where id = :id for update").param("id", id)
                .query(UploadStore::map).optional();
    }

    /** The earliest upload of the same bytes by the same user that did not fail. */
    Optional<Upload> sameFile(UUID userId, String sha256) {
        return jdbc.sql("select " + COLUMNS + """
                 from upload where user_id = :user and sha256 = :sha and status <> 'FAILED'
                 order by created_at limit 1""").param("user", userId).param("sha", sha256)
                .query(UploadStore::map).optional();
    }

    byte[] content(UUID id) {
        return jdbc.sql("select content from upload where id = :id").param("id", id).query(byte[].class).single();
    }

    /** QUEUED (or an earlier attempt's PROCESSING) → PROCESSING; the first attempt's start is kept. */
    boolean markProcessing(UUID id, Instant now) {
        // the mark is only shown to the owner: lost in a database crash, the work item marks it again
        jdbc.sql("set local synchronous_commit = off").update();
        return jdbc.sql("""
                update upload set status = 'PROCESSING', updated_at = :now,
                    processing_started_at = coalesce(processing_started_at, :now)
                 where id = :id and status in ('QUEUED', 'PROCESSING')""")
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    void done(UUID id, String format, List<UUID> workoutIds, Instant now) {
        jdbc.sql("""
                update upload set status = 'DONE', format = :format, workout_id = :workout, error = null,
                    updated_at = :now where id = :id""")
                .param("id", id).param("format", format).param("workout", workoutIds.get(0))
                .param("now", Timestamp.from(now)).update();
        for (UUID workout : workoutIds) {
            jdbc.sql("insert into upload_workout (workout_id, upload_id) values (:workout, :id)")
                    .param("workout", workout).param("id", id).update();
        }
    }

    void fail(UUID id, String error, UUID existingWorkout, Instant now) {
        jdbc.sql("""
                update upload set status = 'FAILED', error = :error, workout_id = :workout, updated_at = :now
                 where id = :id""")
                .param("id", id).param("error", error).param("workout", existingWorkout)
                .param("now", Timestamp.from(now)).update();
    }

    /** Uploads PROCESSING since before {@code startedBefore}, locked; other replicas skip them. */
    List<Upload> stuck(Instant startedBefore, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from upload where status = 'PROCESSING' and processing_started_at < :before
                 order by processing_started_at limit :limit for update skip locked""")
                .param("before", Timestamp.from(startedBefore)).param("limit", limit)
                .query(UploadStore::map).list();
    }

    /** The upload a workout was made from, with the owner's id, or empty for a manual workout. */
    Optional<Upload> ofWorkout(UUID workoutId) {
        return jdbc.sql("select " + QUALIFIED + """
                 from upload u join upload_workout w on w.upload_id = u.id where w.workout_id = :workout""")
                .param("workout", workoutId).query(UploadStore::map).optional();
    }

    /** Forgets a deleted workout; the upload (and its file) goes with its last workout. */
    void workoutDeleted(UUID workoutId) {
        UUID upload = jdbc.sql("delete from upload_workout where workout_id = :workout returning upload_id")
                .param("workout", workoutId).query(UUID.class).optional().orElse(null);
        if (upload != null) {
            jdbc.sql("""
                    delete from upload u where u.id = :id
                       and not exists (select 1 from upload_workout w where w.upload_id = u.id)""")
                    .param("id", upload).update();
        }
    }

    int deleteAllOfUser(UUID userId) {
        return jdbc.sql("delete from upload where user_id = :user").param("user", userId).update();
    }

    private static Upload map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Upload(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("sha256"),
                UploadStatus.valueOf(rs.getString("status")), rs.getString("error"),
                rs.getObject("workout_id", UUID.class), rs.getString("requested_sport"),
                rs.getString("requested_title"), rs.getString("requested_visibility"), rs.getString("format"));
    }
}
