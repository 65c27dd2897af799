package dev.stride.kit.events;

import java.io.IOException;
import java.net.ServerSocket;

final class FreePorts {

    private FreePorts() {
    }

    /** A port p such that p and p + 1 are both free now. */
    static int pair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            }
            catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two adjacent free ports found");
    }
}
