package dev.stride.gateway.token;

import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Mono;

/**
 * Revocations in Redis, shared by every gateway instance. Keys expire by themselves
 * ({@code PX} = {@link RevocationStore#ENTRY_TTL}); the cutoff is raised by a script so that two
 * instances recording events at nearly the same time cannot lower it.
 */
class RedisRevocationStore implements RevocationStore {

    private static final RedisScript<Long> RAISE_CUTOFF = RedisScript.of("""
            local current = tonumber(redis.call('GET', KEYS[1]))
            if current == nil or current < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            else
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String ttlMillis = Long.toString(ENTRY_TTL.toMillis());

    RedisRevocationStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Void> denySession(String userId, String sessionId) {
        return redis.opsForValue().set(RevocationStore.sessionKey(userId, sessionId), "1", ENTRY_TTL).then();
    }

    @Override
    public Mono<Void> raiseCutoff(String userId, long cutoffMillis) {
        return redis.execute(RAISE_CUTOFF, List.of(RevocationStore.cutoffKey(userId)),
                List.of(Long.toString(cutoffMillis), ttlMillis)).then();
    }

    @Override
    public Mono<Entries> read(String userId, String sessionId) {
        List<String> keys = sessionId == null ? List.of(RevocationStore.cutoffKey(userId))
                : List.of(RevocationStore.cutoffKey(userId), RevocationStore.sessionKey(userId, sessionId));
        return redis.opsForValue().multiGet(keys).map(values -> {
            String cutoff = values.get(0);
            boolean denied = values.size() > 1 && present(values.get(1));
            return new Entries(present(cutoff) ? Long.parseLong(cutoff) : Long.MIN_VALUE, denied);
        });
    }

    /** A missing key comes back as null or as an empty value, depending on the driver. */
    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
