package dev.stride.social.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ProfileChange(@NotBlank @Size(max = 80) String displayName, @Size(max = 500) String bio,
        @Size(max = 100) String city, ProfileVisibility visibility) {
}
