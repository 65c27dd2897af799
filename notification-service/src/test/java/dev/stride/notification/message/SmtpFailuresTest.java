package dev.stride.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** The classification the retry policy rests on, with the exceptions Angus Mail and Spring really throw. */
class SmtpFailuresTest {

    @Test
    void a5xxReplyIsPermanent() {
        var rejected = new SMTPAddressFailedException(new jakarta.mail.internet.InternetAddress(), "RCPT TO", 550,
                "550 5.1.1 mailbox unavailable");
        var send = new SendFailedException("Invalid Addresses", new SendFailedException("x", rejected));
        var verdict = SmtpFailures.classify(new MailSendException("Failed messages", send));
        assertThat(verdict.permanent()).isTrue();
        assertThat(verdict.reason()).startsWith("SMTP 550");
    }

    @Test
    void a4xxReplyIsTransient() {
        var busy = new SMTPSendFailedException("DATA", 451, "451 4.3.0 try again later", null, null, null, null);
        var verdict = SmtpFailures.classify(new MailSendException(Map.of(new Object(), busy)));
        assertThat(verdict.permanent()).isFalse();
        assertThat(verdict.reason()).startsWith("SMTP 451");
    }

    @Test
    void aRefusedConnectionIsTransient() {
        var refused = new MailConnectException(new SocketConnectException("Using SocketFactory", new ConnectException(
                "Connection refused"), "127.0.0.1", 25, 5000));
        var verdict = SmtpFailures.classify(new MailSendException("Mail server connection failed", refused));
        assertThat(verdict.permanent()).isFalse();
        assertThat(verdict.reason()).contains("Connection refused");
    }

    @Test
    void anInvalidAddressIsPermanent() {
        var verdict = SmtpFailures.classify(new MessagingException("bad", new AddressException("Illegal address")));
        assertThat(verdict.permanent()).isTrue();
        assertThat(verdict.reason()).isEqualTo("invalid address");
    }
}
