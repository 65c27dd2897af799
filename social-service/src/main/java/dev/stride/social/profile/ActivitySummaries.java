package dev.stride.social.profile;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.stride.contracts.Services;
import dev.stride.kit.client.InternalClient;
import dev.stride.kit.client.ServiceUnavailableException;

/**
 * Fetches a user's totals from workout-service. A profile is still shown when workout-service is
 * down or no service identity is configured: the totals are then absent (null), not zero.
 */
@Component
class ActivitySummaries {

    private static final Logger log = LoggerFactory.getLogger(ActivitySummaries.class);

    private final ObjectProvider<InternalClient> client;

    ActivitySummaries(ObjectProvider<InternalClient> client) {
        this.client = client;
    }

    ActivitySummary of(UUID userId) {
        InternalClient internal = client.getIfAvailable();
        if (internal == null) {
            return null;
        }
        try {
            return internal.get(Services.WORKOUT, "/internal/v1/users/" + userId + "/workout-summary",
                    ActivitySummary.class);
        }
        catch (ServiceUnavailableException ex) {
            log.warn("profile shown without activity totals: {}", ex.getMessage());
            return null;
        }
    }
}
