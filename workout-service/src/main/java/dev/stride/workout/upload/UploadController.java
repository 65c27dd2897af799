package dev.stride.workout.upload;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.kit.security.CurrentUser;

@RestController
class UploadController {

    private final UploadService service;
    private final UploadProperties properties;

    UploadController(UploadService service, UploadProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    /** Multipart field {@code file} (GPX, TCX or FIT, optionally gzip), optional {@code sport}, {@code title}, {@code visibility}. */
    @PostMapping("/api/v1/workouts/uploads")
    ResponseEntity<UploadView> upload(@AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        UUID user = CurrentUser.id(token);
        MultipartUpload.Received file = MultipartUpload.read(request, properties.maxFileSize().toBytes());
        UploadView view = service.accept(user, file);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/workouts/uploads/" + view.id()))
                .body(view);
    }

    @GetMapping("/api/v1/workouts/uploads/{id}")
    UploadView status(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return service.find(CurrentUser.id(token), id);
    }
}
