package dev.stride.workout.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast reader ({@link Utf8XmlReader}) against the JDK's StAX reader: on every GPX and TCX file
 * of the shared test data, on generated files and on hand-written edge cases, both must give the
 * same activity or reject with the same reason.
 */
class Utf8XmlReaderTest {

    static final Path DATA = Path.of("..", "..", "shared", "testdata", "workouts");
    private static final ParserLimits LIMITS = ParserLimits.defaults();

    static List<byte[]> sharedXmlFiles() throws IOException {
        List<byte[]> files = new ArrayList<>();
        for (String dir : List.of("gpx", "tcx")) {
            try (Stream<Path> list = Files.list(DATA.resolve(dir))) {
                for (Path p : list.sorted().toList()) {
                    files.add(Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    static byte[] generatedGpx(int points) throws IOException {
        try (InputStream in = new GeneratedGpx(points)) {
            return in.readAllBytes();
        }
    }

    static String tcx(int points) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\r\n"
                + "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\""
                + " xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\r\n<Activities>"
                + "<Activity Sport=\"Biking\"><Id>2024-05-01T08:00:00Z</Id><Lap StartTime=\"2024-05-01T08:00:00Z\">"
                + "<TotalTimeSeconds>100.5</TotalTimeSeconds><DistanceMeters>1000</DistanceMeters>"
                + "<Calories>12</Calories><Track>");
        for (int i = 0; i < points; i++) {
            sb.append("<Trackpoint><Time>2024-05-01T08:00:").append(String.format("%02d", i % 60))
                    .append(".5Z</Time><Position><LatitudeDegrees>45.").append(1000 + i)
                    .append("</LatitudeDegrees><LongitudeDegrees>7.00").append(i)
                    .append("</LongitudeDegrees></Position><AltitudeMeters>1").append(i)
                    .append(".25</AltitudeMeters><DistanceMeters>").append(i * 3)
                    .append("</DistanceMeters><HeartRateBpm><Value>1").append(10 + i % 80)
                    .append("</Value></HeartRateBpm><Extensions><ns3:TPX><ns3:Speed>3.5</ns3:Speed>"
                            + "<ns3:Watts>200</ns3:Watts></ns3:TPX></Extensions></Trackpoint>\r\n");
        }
        sb.append("</Track></Lap><Creator><Name>Edge &amp; 530</Name></Creator></Activity></Activities>"
                + "</TrainingCenterDatabase>\r\n");
        return sb.toString();
    }

    static void assertAgree(byte[] file, ParserLimits limits) {
        assertThat(XmlDifferential.takesFastPath(file)).as("the fast reader reads it").isTrue();
        String fast = XmlDifferential.fast(file, limits);
        String stax = XmlDifferential.stax(file, limits);
        if (!XmlDifferential.agree(file, fast, stax)) {
            assertThat(fast).as(new String(file, 0, Math.min(file.length, 300), StandardCharsets.UTF_8)).isEqualTo(stax);
        }
    }

    @Test
    void everySharedGpxAndTcxFileReadsAlikeWithBothReaders() throws IOException {
        List<byte[]> files = sharedXmlFiles();
        assertThat(files).hasSizeGreaterThan(20);
        int parsed = 0;
        for (byte[] file : files) {
            assertAgree(file, LIMITS);
            if (!XmlDifferential.fast(file, LIMITS).startsWith("rejected")) {
                parsed++;
            }
        }
        assertThat(parsed).as("files that parse (the others are invalid on purpose)").isGreaterThan(15);
    }

    @Test
    void generatedFilesReadAlike() throws IOException {
        assertAgree(generatedGpx(5_000), LIMITS);
        assertAgree(tcx(500).getBytes(StandardCharsets.UTF_8), LIMITS);
        assertAgree(Gpx.line(300, 3.0).getBytes(StandardCharsets.UTF_8), LIMITS);
    }

    @Test
    void predefinedEntitiesAreReadHoweverManyThereAre() {
        String doc = "<gpx creator=\"Run &amp; Ride &lt;3\"><trk><name>A &amp; B &amp; C</name><type>run</type>"
                + "<trkseg><trkpt lat=\"45.1\" lon=\"7.2\"><time>2024-05-01T08:00:00Z</time></trkpt>"
                + "</trkseg></trk></gpx>";
        byte[] file = doc.getBytes(StandardCharsets.UTF_8);

        assertAgree(file, LIMITS);
        ParsedActivity fast = new WorkoutFileParser(LIMITS).parse(new java.io.ByteArrayInputStream(file), "x.gpx");
        org.assertj.core.api.Assertions.assertThat(fast.deviceModel()).isEqualTo("Run & Ride <3");
    }

    @Test
    void edgeCasesReadAlike() {
        String pt = "<trk><trkseg><trkpt lat=\"45.1\" lon=\"7.2\"><time>2024-05-01T08:00:00Z</time></trkpt>"
                + "<trkpt lat='45.2' lon = '7.3' ><ele> 1.5 </ele><time>2024-05-01T08:00:01Z</time></trkpt>"
                + "</trkseg></trk>";
        List<String> docs = List.of(
                "<gpx creator=\"a &amp; b &#233; &#xE9; &#x10437;\">" + pt + "</gpx>",
                "<gpx creator=\"&lt;\">" + pt + "</gpx>",
                "<gpx creator=\"&lt;&gt;\">" + pt + "</gpx>",
                "<gpx creator=\"&apos;\"><trk><name>&quot;</name></trk>" + pt + "</gpx>",
                "\uFEFF<?xml version='1.0' encoding='utf-8'?><gpx>" + pt + "</gpx>",
                "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><gpx creator=\"x\">" + pt + "</gpx>",
                "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><gpx creator=\"\u00e9\">" + pt + "</gpx>",
                "<!-- c --><?pi data?>\n<gpx><!--x-->" + pt + "<?p?></gpx>",
                "<g:gpx xmlns:g=\"u\" g:creator=\"y\">" + pt.replace("trk>", "g:trk>").replace("<trk>", "<g:trk>") + "</g:gpx>",
                "<gpx creator=\"a\r\nb\tc\">" + pt.replace("<ele> 1.5 </ele>", "<ele><![CDATA[ 1.]]><!--c-->5</ele>") + "</gpx>",
                "<gpx><trk><type>run&#x0d;\r\n</type><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2024-05-01T08:00:00Z</time></trkpt></trkseg></trk></gpx>",
                "<gpx>" + pt + "</gpx><!-- after --> <?after?>",
                "<gpx>" + pt + "</gpx>junk after the root is not read, as StAX",
                "<gpx>" + pt,
                "<gpx>" + pt + "</gpy>",
                "<gpx a='1' a='2'>" + pt + "</gpx>",
                "<gpx p:a='1'>" + pt + "</gpx>",
                "<p:gpx>" + pt + "</p:gpx>",
                "<gpx xmlns:p='u' xmlns:q='u' p:a='1' q:a='2'>" + pt + "</gpx>",
                "<gpx a='1'b='2'>" + pt + "</gpx>",
                "<gpx a='<'>" + pt + "</gpx>",
                "<gpx>" + pt + "]]></gpx>",
                "<gpx><!-- a -- b -->" + pt + "</gpx>",
                "<gpx>&foo;" + pt + "</gpx>",
                "<gpx>& " + pt + "</gpx>",
                "<gpx>&#0;" + pt + "</gpx>",
                "<gpx>&#xFFFE;" + pt + "</gpx>",
                "<gpx>\u0001" + pt + "</gpx>",
                "<gpx>\uFFFF" + pt + "</gpx>",
                " <?xml version=\"1.0\"?><gpx>" + pt + "</gpx>",
                "<gpx><?xml version=\"1.0\"?>" + pt + "</gpx>",
                "<!DOCTYPE gpx><gpx>" + pt + "</gpx>",
                "<gpx xmlns:p=''>" + pt + "</gpx>",
                "<xmlns:gpx>" + pt + "</xmlns:gpx>",
                "<gpx><trk><trkseg><trkpt lat=\"1e1\" lon=\"-0\"><time>2024-05-01T08:00:00+02:00</time></trkpt></trkseg></trk></gpx>",
                "<gpx><trk><trkseg><trkpt lat=\"x\" lon=\"1\"/></trkseg></trk></gpx>",
                "<gpx><trk><trkseg><trkpt lon=\"1\"/></trkseg></trk></gpx>",
                "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2024-05-01T08:00:00Z<b/></time></trkpt></trkseg></trk></gpx>",
                "<gpx1/>",
                "",
                "<",
                "<gpx");
        for (String doc : docs) {
            assertAgree(doc.getBytes(StandardCharsets.UTF_8), LIMITS);
        }
        assertAgree(new byte[] {'<', 'g', 'p', 'x', ' ', 'a', '=', '"', (byte) 0xC0, (byte) 0xAF, '"', '/', '>'}, LIMITS);
        assertAgree(new byte[] {'<', 'g', 'p', 'x', ' ', 'a', '=', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '/', '>'},
                LIMITS);
    }

    /**
     * The reader scans names, end tags, attribute values and text straight in its 64 KB buffer and
     * leaves the rest to its general path: a chunk boundary at every byte of a point (names with
     * and without a prefix, non-ASCII ones, predicted ones and ones that only start like them, end
     * tags, values with references, CR LF, tabs, non-ASCII characters) and of broken end tags must
     * change nothing.
     */
    @Test
    void aChunkBoundaryAnywhereInATagOrValueChangesNothing() {
        String point = "<trkpt lat=\"45.1\" lon='7.2'\r\n><ele>1&#x32;.5</ele><time>2024-05-01T08:00:00Z</time>"
                + "<extensions><ns3:TPX a=\"&lt;x&amp;y\t\u00e9\r\nz\"><ns3:hr>120</ns3:hr>"
                + "<\u00e9t\u00e9 \u00e9='\u20ac'>x</\u00e9t\u00e9><ns3:cad >80</ns3:cad\n></ns3:TPX></extensions></trkpt>\r\n";
        String head = "<gpx xmlns:ns3=\"urn:x\" creator=\"c\"><trk><trkseg>";
        String tail = "</trkseg></trk></gpx>";
        // a name the reader predicts (the same as in the point before) and names that start like it
        List<String> bodies = List.of(point + point, point + point.replace("ele>", "elevation>"),
                point + point.replace("ele>", "ele\u00e9>"), point + point.replace("<ele>", "<ele >"),
                point + point.replace("<ele>", "<ele\r\n>"), point + "<trkpt lat=\"1\" lon=\"2\"></trkp>", point + "<trk></trkseg>",
                point + "<trkpt lat=\"1\" lon=\"2\"><ele>3</elevation></trkpt>", point + "<trkpt lat=\"1\" lon=\"2\"/></trkpt>",
                point + "<ns3:a xmlns:ns3='urn:y'></ns3:b>", point + "<trkpt lat=\"1\" lon=\"2\" lat='3'/>");
        for (String body : bodies) {
            byte[] doc = (head + body + tail).getBytes(StandardCharsets.UTF_8);
            int tagsFrom = head.getBytes(StandardCharsets.UTF_8).length;
            for (int shift = 0; shift <= doc.length - tagsFrom - tail.length(); shift++) {
                // indentation and line ends before the body, so that the boundary falls at its byte
                // number shift
                int padding = 65_536 - tagsFrom - shift;
                String pad = ("\n" + " ".repeat(15)).repeat(padding / 16) + " ".repeat(padding % 16);
                assertAgree((head + pad + body + tail).getBytes(StandardCharsets.UTF_8), LIMITS);
            }
        }
    }

    @Test
    void depthAndAttributeLimitsAreTheReferenceOnes() {
        for (int depth : new int[] {63, 64, 65}) {
            String open = "<e>".repeat(depth - 3);
            String close = "</e>".repeat(depth - 3);
            String doc = "<gpx><trk><trkseg>" + open + close + "<trkpt lat=\"1\" lon=\"2\"><time>2024-05-01T08:00:00Z</time>"
                    + "</trkpt></trkseg></trk></gpx>";
            assertAgree(doc.getBytes(StandardCharsets.UTF_8), LIMITS);
        }
        for (int count : new int[] {63, 64, 65}) {
            StringBuilder attrs = new StringBuilder();
            for (int i = 0; i < count; i++) {
                attrs.append(" a").append(i).append("='").append(i).append('\'');
            }
            String doc = "<gpx" + attrs + "><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2024-05-01T08:00:00Z</time>"
                    + "</trkpt></trkseg></trk></gpx>";
            assertAgree(doc.getBytes(StandardCharsets.UTF_8), LIMITS);
        }
    }

    /**
     * 800 KB of distinct element names (the JDK reader once took 23-31 s on such a file): the name
     * cache stays bounded and the work is linear, which the allocation shows (not a clock).
     */
    @Test
    void distinctNamesCostLinearAllocationAndABoundedCache() throws IOException {
        ParserLimits big = ParserLimits.defaults().withMaxBytes(64L << 20, 64L << 20);
        long small = allocationForDistinctNames(8_000, big);
        long large = allocationForDistinctNames(80_000, big);
        assertThat(large).as("ten times the names, about ten times the allocation").isLessThan(small * 20);
        assertThat(large / 80_000).as("bytes allocated per distinct name").isLessThan(400);
    }

    private static long allocationForDistinctNames(int names, ParserLimits limits) throws IOException {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.write("<gpx><trk><trkseg>".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < names; i++) {
            doc.write(("<a" + i + "/>").getBytes(StandardCharsets.US_ASCII));
        }
        doc.write("<trkpt lat='1' lon='2'><time>2024-05-01T08:00:00Z</time></trkpt></trkseg></trk></gpx>"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] file = doc.toByteArray();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        XmlDifferential.fast(file, limits); // warm up
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        String outcome = XmlDifferential.fast(file, limits);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(outcome).startsWith("GPX");
        return allocated;
    }

    /**
     * Per point the fast path makes no String (names, numbers, times, lat/lon attributes): it never
     * allocates more than the StAX path, and for GPX (whose lat/lon were two Strings a point) well
     * below it. What is left is the track's own columns.
     */
    @Test
    void theFastPathAllocatesNoStringPerPoint() throws IOException {
        ParserLimits big = ParserLimits.defaults().withMaxBytes(256L << 20, 256L << 20);
        int points = 20_000;
        byte[] gpx = generatedGpx(points);
        byte[] tcx = tcx(points).getBytes(StandardCharsets.UTF_8);
        long gpxFast = allocation(gpx, big, true) / points;
        long gpxStax = allocation(gpx, big, false) / points;
        long tcxFast = allocation(tcx, big, true) / points;
        long tcxStax = allocation(tcx, big, false) / points;
        assertThat(gpxFast).as("GPX bytes per point, fast path (StAX: %d)", gpxStax).isLessThan(gpxStax - 64);
        System.out.printf("bytes per point: GPX fast %d, StAX %d; TCX fast %d, StAX %d%n", gpxFast, gpxStax, tcxFast, tcxStax);
        assertThat(tcxFast).as("TCX bytes per point, fast path (StAX: %d)", tcxStax).isLessThanOrEqualTo(tcxStax + 8);
    }

    private static long allocation(byte[] file, ParserLimits limits, boolean fast) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        WorkoutFileParser parser = new WorkoutFileParser(limits, fast);
        parser.parse(new ByteArrayInputStream(file), "warm-up");
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            ParsedActivity activity = parser.parse(new ByteArrayInputStream(file), "measured");
            least = Math.min(least, threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
            assertThat(activity.points().size()).isPositive();
        }
        return least;
    }

    @Test
    void theNameCacheIsBounded() {
        NameCache cache = new NameCache();
        byte[] a = "trkpt".getBytes(StandardCharsets.US_ASCII);
        assertThat(cache.get(a, 0, a.length)).isSameAs(cache.get(a.clone(), 0, a.length));
        for (int i = 0; i < 100_000; i++) {
            byte[] n = ("n" + i).getBytes(StandardCharsets.US_ASCII);
            assertThat(cache.get(n, 0, n.length)).isEqualTo("n" + i);
        }
    }
}
