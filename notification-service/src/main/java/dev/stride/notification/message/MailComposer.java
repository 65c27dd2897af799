package dev.stride.notification.message;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME message (multipart/alternative: plain text, then HTML) with configured From and
 * Reply-To, a Message-ID derived from the message id (the same on every attempt, so a relay or the
 * recipient's mailbox can drop a duplicate), and for non-account mail the RFC 8058 one-click
 * unsubscribe headers. No header value is built from raw user input: the subject is sanitized by
 * {@link MailRenderer} and the address is parsed strictly.
 *
 * <p>Mails go out through an {@link SmtpSession}: one SMTP connection for the mails of a claimed
 * batch instead of a connect, EHLO (and TLS and AUTH with a real relay) per mail.
 */
@Component
class MailComposer {

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with ServiceLoader on every MimeBodyPart,
        // MimeMultipart and encoded header (jakartaee/mail-api#699, #861), scanning every jar of the
        // classpath each time; naming the provider turns that into a Class.forName of a loaded class.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSenderImpl sender;
    private final NotificationProperties properties;

    MailComposer(JavaMailSenderImpl sender, NotificationProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    String messageId(UUID id) {
        return "<" + id + "@" + properties.messageIdDomain() + ">";
    }

    MimeMessage compose(UUID id, String to, MailRenderer.Rendered mail, String unsubscribeUrl) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        mime.setFrom(new InternetAddress(properties.from(), true));
        mime.setReplyTo(new Address[] { new InternetAddress(properties.replyTo(), true) });
        mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        mime.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        mime.setHeader("Message-ID", messageId(id));
        mime.setHeader("Auto-Submitted", "auto-generated");
        if (unsubscribeUrl != null) {
            mime.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        return mime;
    }

    /** An SMTP session that connects on its first mail; close it when the batch is done. */
    SmtpSession session() {
        return new SmtpSession();
    }

    /**
     * Sends mails over one connection, opened lazily (a batch of suppressed mails opens none). After
     * a failure the connection is closed, so the next mail starts on a fresh one: a broken or
     * half-finished SMTP dialogue is never reused.
     */
    final class SmtpSession implements AutoCloseable {

        private Transport transport;

        /** Sends one mail; the relay has accepted it when this returns. */
        void send(MimeMessage mime) throws MessagingException {
            try {
                if (transport == null) {
                    transport = connect();
                }
                // what JavaMailSenderImpl does before sending: a Date header, and the Message-ID
                // kept across saveChanges(), which would otherwise make up a new one
                if (mime.getSentDate() == null) {
                    mime.setSentDate(new Date());
                }
                String messageId = mime.getMessageID();
                mime.saveChanges();
                if (messageId != null) {
                    mime.setHeader("Message-ID", messageId);
                }
                transport.sendMessage(mime, mime.getAllRecipients());
            }
            catch (MessagingException | RuntimeException ex) {
                close();
                throw ex;
            }
        }

        private Transport connect() throws MessagingException {
            String protocol = sender.getProtocol() != null ? sender.getProtocol() : "smtp";
            String username = sender.getUsername();
            String password = sender.getPassword();
            if (username != null && username.isEmpty()) {
                username = null;
                password = password != null && password.isEmpty() ? null : password;
            }
            Transport connection = sender.getSession().getTransport(protocol);
            connection.connect(sender.getHost(), sender.getPort(), username, password);
            return connection;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                }
                catch (MessagingException ex) {
                    // QUIT failed on a connection we give up anyway
                }
                transport = null;
            }
        }
    }
}
