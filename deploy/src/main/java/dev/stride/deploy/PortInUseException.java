package dev.stride.deploy;

/** A port the platform needs is already bound by something else. The message is one line. */
public final class PortInUseException extends RuntimeException {

    private final int port;
    private final String component;

    public PortInUseException(int port, String component) {
        super("Port " + port + " needed by " + component + " is already in use. Stop whatever holds it (ss -ltnp 'sport = :"
                + port + "') or stop the running Stride platform, then retry.");
        this.port = port;
        this.component = component;
    }

    public int port() {
        return port;
    }

    public String component() {
        return component;
    }
}
