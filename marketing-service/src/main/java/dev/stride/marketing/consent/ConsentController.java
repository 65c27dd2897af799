package dev.stride.marketing.consent;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.kit.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/marketing/consent")
class ConsentController {

    private final ConsentService consents;

    ConsentController(ConsentService consents) {
        this.consents = consents;
    }

    @GetMapping
    ConsentView current(@AuthenticationPrincipal Jwt token) {
        return consents.current(CurrentUser.id(token));
    }

    @PutMapping(consumes = "application/json")
    ConsentView change(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ConsentChange change) {
        return consents.change(CurrentUser.id(token), change);
    }

    @GetMapping("/history")
    List<ConsentView> history(@AuthenticationPrincipal Jwt token) {
        return consents.history(CurrentUser.id(token));
    }
}
