package dev.stride.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailServerTest {

    @TempDir
    Path dir;

    @Test
    void mailSentOverSmtpIsReadableThroughTheViewerApi() throws Exception {
        Ports ports = Ports.free();
        MailServer mail = new MailServer(TestSupport.repoRoot().resolve("deploy/target/lib/greenmail-standalone.jar"),
                ports.smtp(), ports.mailApi(), dir, dir.resolve("greenmail.log"));
        try {
            mail.start(Duration.ofSeconds(90));
            smtp(ports.smtp(), "noreply@stride.local", "runner@example.org", "Your weekly summary");
            HttpResponse<String> messages = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(mail.apiUrl() + "/api/user/runner@example.org/messages/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(messages.statusCode()).isEqualTo(200);
            assertThat(messages.body()).contains("Your weekly summary");
        }
        finally {
            mail.stop();
        }
        assertThat(mail.process().isAlive()).isFalse();
    }

    /** A plain SMTP dialog, as any mail client would do it. */
    private static void smtp(int port, String from, String to, String subject) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            send(out, "HELO test.local");
            expect(in, "250");
            send(out, "MAIL FROM:<" + from + ">");
            expect(in, "250");
            send(out, "RCPT TO:<" + to + ">");
            expect(in, "250");
            send(out, "DATA");
            expect(in, "354");
            send(out, "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n\r\nHello from the test.\r\n.");
            expect(in, "250");
            send(out, "QUIT");
        }
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("SMTP reply").isNotNull().startsWith(code);
        }
        while (line.length() > 3 && line.charAt(3) == '-');
    }
}
