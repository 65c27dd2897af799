package dev.stride.workout.upload;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.kit.security.CurrentUser;
import dev.stride.kit.web.StrideProblemException;

/** {@code GET /api/v1/workouts/{id}/file}: the original file, owner only (it holds every raw point). */
@RestController
class WorkoutFileController {

    private final UploadStore store;
    private final FileCipher cipher;

    WorkoutFileController(UploadStore store, FileCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    @GetMapping("/api/v1/workouts/{id}/file")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> file(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        UUID user = CurrentUser.id(token);
        UploadStore.Upload upload = store.ofWorkout(id).filter(u -> u.userId().equals(user))
                .orElseThrow(() -> StrideProblemException.notFound("File of workout " + id));
        byte[] content = cipher.decrypt(store.content(upload.id()), upload.id().toString());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(upload.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(contentType(content, upload.format()))
                .body(content);
    }

    static MediaType contentType(byte[] content, String format) {
        if (content.length >= 2 && (content[0] & 0xFF) == 0x1F && (content[1] & 0xFF) == 0x8B) {
            return MediaType.parseMediaType("application/gzip");
        }
        if (format == null) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        return switch (format) {
            case "GPX" -> MediaType.parseMediaType("application/gpx+xml");
            case "TCX" -> MediaType.parseMediaType("application/vnd.garmin.tcx+xml");
            case "FIT" -> MediaType.parseMediaType("application/vnd.ant.fit");
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
    }
}
