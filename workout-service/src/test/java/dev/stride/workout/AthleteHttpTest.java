package dev.stride.workout;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.stride.contracts.EventCodec;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestTokens;

/**
 * What the HTTP tests of one athlete share: the running service over HTTP, a fresh user with a real
 * access token for each test, the embedded broker's address and the event codec to read what was
 * published. Subclasses keep {@code @StrideServiceTest}, so they all run in the one shared context.
 */
public abstract class AthleteHttpTest {

    @LocalServerPort
    protected int port;

    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;

    protected final EventCodec codec = new EventCodec();
    protected final UUID user = UUID.randomUUID();
    protected TestHttp http;
    protected String token;

    @BeforeEach
    void signIn() {
        http = TestHttp.localhost(port);
        token = TestTokens.get().user(user);
    }
}
