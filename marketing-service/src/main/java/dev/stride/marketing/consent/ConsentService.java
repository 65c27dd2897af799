package dev.stride.marketing.consent;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.kit.events.EventPublisher;

@Service
class ConsentService {

    private static final ConsentView NOT_GIVEN = new ConsentView(false, false, null);

    private final ConsentStore store;
    private final EventPublisher events;
    private final Clock clock = Clock.systemUTC();

    ConsentService(ConsentStore store, EventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Transactional(readOnly = true)
    ConsentView current(UUID userId) {
        return store.find(userId).orElse(NOT_GIVEN);
    }

    @Transactional
    ConsentView change(UUID userId, ConsentChange change) {
        store.save(userId, change, clock.instant());
        events.publish(Topics.MARKETING_EVENTS, EventTypes.CONSENT_CHANGED, 1, userId.toString(),
                new ConsentChanged(userId, change.marketingEmails(), change.personalizedOffers()));
        return current(userId);
    }

    @Transactional(readOnly = true)
    List<ConsentView> history(UUID userId) {
        return store.history(userId);
    }

    @Transactional
    void erase(UUID userId) {
        store.erase(userId);
    }

    /** Payload of {@code consent-changed}; notification-service honours it for marketing mail. */
    record ConsentChanged(UUID userId, boolean marketingEmails, boolean personalizedOffers) {
    }
}
