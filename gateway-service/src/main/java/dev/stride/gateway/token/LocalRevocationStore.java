package dev.stride.gateway.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * Revocations in this instance's memory, for runs without Redis only: another instance does not
 * see them, so with N instances a revoked token still works on the other N-1 until it expires.
 * Not bounded by size on purpose (evicting an entry would silently un-revoke a token): entries
 * only come from authenticated or rate-limited actions and each one is gone after
 * {@link RevocationStore#ENTRY_TTL}.
 */
class LocalRevocationStore implements RevocationStore {

    private final Cache<String, Long> entries;

    LocalRevocationStore() {
        this(Ticker.systemTicker());
    }

    LocalRevocationStore(Ticker ticker) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ENTRY_TTL).ticker(ticker).build();
    }

    @Override
    public Mono<Void> denySession(String userId, String sessionId) {
        return Mono.fromRunnable(() -> entries.put(RevocationStore.sessionKey(userId, sessionId), 1L));
    }

    @Override
    public Mono<Void> raiseCutoff(String userId, long cutoffMillis) {
        // a merge is a write: the entry's lifetime restarts, as PX does in Redis
        return Mono.fromRunnable(() -> entries.asMap().merge(RevocationStore.cutoffKey(userId), cutoffMillis, Math::max));
    }

    @Override
    public Mono<Entries> read(String userId, String sessionId) {
        return Mono.fromSupplier(() -> {
            Long cutoff = entries.getIfPresent(RevocationStore.cutoffKey(userId));
            boolean denied = sessionId != null
                    && entries.getIfPresent(RevocationStore.sessionKey(userId, sessionId)) != null;
            return new Entries(cutoff == null ? Long.MIN_VALUE : cutoff, denied);
        });
    }

    /** Entries currently held (expired ones may linger until the next cache maintenance). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
