package dev.stride.deploy;

/** A component did not come up: the message names it and carries its last 30 log lines. */
public final class ServiceStartException extends PlatformException {

    private final String component;

    public ServiceStartException(String component, ManagedProcess process, String reason) {
        super(component + " did not come up: " + reason + ". Last 30 lines of " + process.logFile() + ":"
                + System.lineSeparator() + process.tail(30));
        this.component = component;
    }

    public String component() {
        return component;
    }
}
