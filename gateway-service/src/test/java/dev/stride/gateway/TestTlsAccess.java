package dev.stride.gateway;

import java.nio.file.Path;

/** The gateway's test keystore ({@link GatewayTestBase#TLS}) for test helpers in other packages. */
public final class TestTlsAccess {

    private TestTlsAccess() {
    }

    public static Path keyStore() {
        return GatewayTestBase.TLS.keyStore();
    }

    public static String password() {
        return GatewayTestBase.TLS.password();
    }
}
