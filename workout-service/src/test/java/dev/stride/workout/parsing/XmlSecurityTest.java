package dev.stride.workout.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XXE, external DTDs and entity expansion: no outbound connection, no file read, no expansion. */
class XmlSecurityTest {

    private static final String SECRET = "stride-secret-7f3a";

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String base;
    @TempDir
    Path tmp;
    private Path secretFile;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<!ENTITY leak \"" + SECRET + "\">").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        secretFile = Files.writeString(tmp.resolve("secret.txt"), SECRET);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String track(String nameContent) {
        return "<gpx version=\"1.1\"><trk><name>" + nameContent + "</name><trkseg><trkpt lat=\"45\" lon=\"7\">"
                + "<time>2024-05-01T08:00:00Z</time></trkpt></trkseg></trk></gpx>";
    }

    private String[] payloads() {
        String laughs = "<!DOCTYPE gpx [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
                + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
                + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
                + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
                + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>" + track("&lol9;");
        return new String[] {
            "<!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>" + track("&xxe;"),
            "<!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"" + base + "/entity\">]>" + track("&xxe;"),
            "<!DOCTYPE gpx SYSTEM \"" + base + "/external.dtd\">" + track("&leak;"),
            "<!DOCTYPE gpx [<!ENTITY % remote SYSTEM \"" + base + "/param.dtd\"> %remote;]>" + track("&leak;"),
            "<!DOCTYPE gpx PUBLIC \"-//X//Y\" \"" + base + "/public.dtd\">" + track("x"),
            laughs
        };
    }

    @Test
    void everyDoctypePayloadIsRejectedWithoutAnyRequestOrLeak() {
        for (String payload : payloads()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> new WorkoutFileParser().parse(
                    new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), "evil.gpx"))
                    .as(payload)
                    .isInstanceOfSatisfying(WorkoutFileException.class, e -> {
                        assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.UNSAFE_XML);
                        assertThat(e.getMessage()).doesNotContain(SECRET);
                    })
                    .hasMessageContaining("document type declaration");
            assertThat(System.nanoTime() - started).as("no expansion work").isLessThan(2_000_000_000L);
        }
        assertThat(requests.get()).as("requests that reached the local HTTP server").isZero();
    }

    /** Defence in depth: even read to the end by the hardened factory itself, nothing is fetched or expanded. */
    @Test
    void theHardenedFactoryItselfNeitherFetchesNorExpands() {
        for (String payload : payloads()) {
            StringBuilder text = new StringBuilder();
            try {
                XMLStreamReader r = SafeXml.reader(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)));
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamReader.CHARACTERS) {
                        text.append(r.getText());
                    }
                }
            } catch (XMLStreamException | RuntimeException expected) {
                // an undeclared or unresolvable entity is an error: also fine
            }
            assertThat(text.toString()).as(payload).doesNotContain(SECRET).doesNotContain("lollollol");
        }
        assertThat(requests.get()).as("requests that reached the local HTTP server").isZero();
    }

    @Test
    void theStaxImplementationIsKnownAndHardened() {
        // workout-service has no Woodstox on its classpath: the JDK's StAX is used. If that changes,
        // SafeXml applies the Woodstox limits too; this test tells whoever changes it to check them.
        assertThat(SafeXml.implementation()).isIn("com.sun.xml.internal.stream.XMLInputFactoryImpl",
                "com.ctc.wstx.stax.WstxInputFactory");
        var f = SafeXml.create();
        assertThat(f.getProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
        assertThat(f.getProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES)).isEqualTo(false);
        assertThat(f.getProperty(javax.xml.stream.XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES)).isEqualTo(false);
    }
}
