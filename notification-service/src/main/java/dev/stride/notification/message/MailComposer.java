package dev.stride.notification.message;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME message (multipart/alternative: plain text, then HTML) with configured From and
 * Reply-To, a Message-ID derived from the message id (the same on every attempt, so a relay or the
 * recipient's mailbox can drop a duplicate), and for non-account mail the RFC 8058 one-click
 * unsubscribe headers. No header value is built from raw user input: the subject is sanitized by
 * {@link MailRenderer} and the address is parsed strictly.
 */
@Component
class MailComposer {

    private final JavaMailSender sender;
    private final NotificationProperties properties;

    MailComposer(JavaMailSender sender, NotificationProperties properties) {
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

    void send(MimeMessage mime) {
        sender.send(mime);
    }
}
