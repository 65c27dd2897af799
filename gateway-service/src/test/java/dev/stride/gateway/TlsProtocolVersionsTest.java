package dev.stride.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;

/**
 * TLS versions offered to the running gateway's public port. The JDK client refuses TLS 1.0/1.1 by
 * itself ({@code jdk.tls.disabledAlgorithms}), so the old versions are offered with a ClientHello
 * written byte by byte over a plain socket; the same bytes with version 1.2 are the control that
 * shows the hello is otherwise acceptable.
 */
class TlsProtocolVersionsTest extends GatewayTestBase {

    private static final int TLS_1_2 = 0x0303;

    private static final int HANDSHAKE = 22;
    private static final int ALERT = 21;
    private static final int SERVER_HELLO = 2;
    private static final int FATAL = 2;
    private static final int HANDSHAKE_FAILURE = 40;
    private static final int PROTOCOL_VERSION = 70;

    @Autowired
    private ServerProperties server;

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "TLS 1.1, 0x0302", "TLS 1.0, 0x0301", "SSL 3.0, 0x0300" })
    void aClientHelloOfAnOldVersionIsRefused(String name, int version) throws IOException {
        Answer answer = offer(version);

        assertThat(answer.contentType()).as("no handshake answer to %s: %s", name, answer)
                .isNotEqualTo(HANDSHAKE);
        if (answer.contentType() == ALERT) {
            assertThat(answer.alertLevel()).isEqualTo(FATAL);
            assertThat(answer.alertDescription()).isIn(PROTOCOL_VERSION, HANDSHAKE_FAILURE);
        }
        else {
            assertThat(answer.closed()).as("closed without answer: %s", answer).isTrue();
        }
    }

    @Test
    void theSameClientHelloWithVersionTls12GetsAServerHello() throws IOException {
        Answer answer = offer(TLS_1_2);

        assertThat(answer.contentType()).as("answer %s", answer).isEqualTo(HANDSHAKE);
        assertThat(answer.handshakeType()).isEqualTo(SERVER_HELLO);
        assertThat(answer.serverVersion()).isEqualTo(TLS_1_2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
    void tls12And13CompleteTheHandshakeAndServeARequest(String protocol) throws IOException {
        try (SSLSocket socket = (SSLSocket) TLS.sslContext().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("localhost", port), 10_000);
            socket.setSoTimeout(10_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] { protocol });
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);

            OutputStream out = socket.getOutputStream();
            out.write("GET /.well-known/jwks.json HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new String(socket.getInputStream().readNBytes(15), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void theGatewaysOwnConfigurationPinsTls13And12() {
        // application.yml, not the launcher: the pin holds however the gateway is started
        assertThat(server.getSsl().getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void tlsIsServedByBoringSslNotTheJdkEngine() {
        // the tests above then prove the protocol pin holds with the engine that really serves
        assertThat(io.netty.handler.ssl.OpenSsl.isAvailable()).as("BoringSSL loaded").isTrue();
        assertThat(io.netty.handler.ssl.SslContext.defaultServerProvider())
                .isEqualTo(io.netty.handler.ssl.SslProvider.OPENSSL);
    }

    private Answer offer(int version) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(clientHello(version));
            socket.getOutputStream().flush();
            return Answer.read(socket.getInputStream());
        }
    }

    /**
     * A ClientHello as a client whose highest version is {@code version} sends it: record and
     * client_version both {@code version}, no supported_versions extension (that is TLS 1.3's way
     * to offer versions). Suites the server accepts for TLS 1.2 and that TLS 1.0/1.1 could use
     * (ECDHE-RSA and RSA with AES-CBC-SHA) plus one TLS 1.2 AEAD suite, so a refusal of the old
     * versions is about the version, not about the suites.
     */
    private static byte[] clientHello(int version) throws IOException {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        u16(hello, version);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        hello.write(random);
        hello.write(0); // no session id
        int[] suites = { 0xC02F, // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (TLS 1.2)
                0xC013, // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
                0xC014, // TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
                0x002F, // TLS_RSA_WITH_AES_128_CBC_SHA
                0x0035, // TLS_RSA_WITH_AES_256_CBC_SHA
                0x00FF }; // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
        u16(hello, suites.length * 2);
        for (int suite : suites) {
            u16(hello, suite);
        }
        hello.write(1);
        hello.write(0); // compression: null only

        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        byte[] host = "localhost".getBytes(StandardCharsets.US_ASCII);
        extension(extensions, 0x0000, concat(u16(host.length + 3), new byte[] { 0 }, u16(host.length), host)); // server_name
        extension(extensions, 0x000A, concat(u16(4), u16(0x0017), u16(0x001D))); // supported_groups: P-256, X25519
        extension(extensions, 0x000B, new byte[] { 1, 0 }); // ec_point_formats: uncompressed
        // signature_algorithms: rsa_pss_rsae_sha256, rsa_pkcs1_sha256, ecdsa_secp256r1_sha256 (ignored before 1.2)
        extension(extensions, 0x000D, concat(u16(6), u16(0x0804), u16(0x0401), u16(0x0403)));
        extension(extensions, 0x0017, new byte[0]); // extended_master_secret
        u16(hello, extensions.size());
        extensions.writeTo(hello);

        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(1); // client_hello
        u24(handshake, hello.size());
        hello.writeTo(handshake);

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(HANDSHAKE);
        u16(record, version);
        u16(record, handshake.size());
        handshake.writeTo(record);
        return record.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) throws IOException {
        u16(out, type);
        u16(out, data.length);
        out.write(data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] u16(int value) {
        return new byte[] { (byte) (value >>> 8), (byte) value };
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.writeBytes(u16(value));
    }

    private static void u24(ByteArrayOutputStream out, int value) {
        out.write(value >>> 16);
        out.writeBytes(u16(value & 0xFFFF));
    }

    /**
     * The first record the server sends back: its content type and, for an alert, level and
     * description; for a handshake, the message type and (ServerHello) the server_version.
     * {@code closed} when the server closed or reset the connection before sending a record.
     */
    private record Answer(boolean closed, int contentType, int alertLevel, int alertDescription, int handshakeType,
            int serverVersion) {

        static Answer read(InputStream stream) throws IOException {
            DataInputStream in = new DataInputStream(stream);
            int contentType;
            try {
                contentType = in.readUnsignedByte();
                in.readUnsignedShort(); // record version
                in.readUnsignedShort(); // record length
            }
            catch (EOFException | SocketException ex) {
                return new Answer(true, -1, -1, -1, -1, -1);
            }
            if (contentType == ALERT) {
                return new Answer(false, ALERT, in.readUnsignedByte(), in.readUnsignedByte(), -1, -1);
            }
            if (contentType == HANDSHAKE) {
                int type = in.readUnsignedByte();
                in.readUnsignedByte(); // 24-bit length
                in.readUnsignedShort();
                return new Answer(false, HANDSHAKE, -1, -1, type, type == SERVER_HELLO ? in.readUnsignedShort() : -1);
            }
            return new Answer(false, contentType, -1, -1, -1, -1);
        }
    }
}
