package dev.stride.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a port fixed before the Spring
 * context starts, so the shared context can point {@code spring.mail.port} at it and outage tests
 * can stop it and start it again on the same port.
 */
public final class MailServer {

    private static final MailServer INSTANCE = new MailServer();

    private final int port;
    private GreenMail greenMail;

    private MailServer() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-greenmail"));
    }

    public static MailServer get() {
        return INSTANCE;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
                server.start();
                greenMail = server;
                return;
            }
            catch (RuntimeException ex) {
                // the port may linger for a moment after a stop
                last = ex;
                sleep(200);
            }
        }
        throw last;
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Every message the server received (since its last start) addressed to {@code email}. */
    public synchronized List<MimeMessage> messagesTo(String email) {
        if (greenMail == null) {
            return List.of();
        }
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> addressedTo(m, email)).toList();
    }

    public synchronized List<MimeMessage> all() {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }

    /** Every message the server stored (since its last start), with the time it was received. */
    public synchronized List<StoredMessage> stored() {
        return greenMail == null ? List.of() : greenMail.getManagers().getImapHostManager().getAllMessages();
    }

    private static boolean addressedTo(MimeMessage message, String email) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
