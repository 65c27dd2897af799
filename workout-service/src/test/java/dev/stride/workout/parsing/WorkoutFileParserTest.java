package dev.stride.workout.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.workout.workouts.Sport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class WorkoutFileParserTest {

    private final WorkoutFileParser parser = new WorkoutFileParser();

    static InputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = WorkoutFileParserTest.class.getResourceAsStream("/workouts/" + name)) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void readsGpx11WithGarminTrackPointExtensionAndSeveralTracksAndSegments() {
        String gpx = Gpx.doc("<trk><type>cycling</type><trkseg>"
                + "<trkpt lat=\"45.0\" lon=\"7.0\"><ele>100.5</ele><time>2024-05-01T08:00:00Z</time><extensions>"
                + "<gpxtpx:TrackPointExtension><gpxtpx:atemp>21.5</gpxtpx:atemp><gpxtpx:hr>130</gpxtpx:hr>"
                + "<gpxtpx:cad>85</gpxtpx:cad></gpxtpx:TrackPointExtension><power>250</power></extensions></trkpt>"
                + "<trkpt lat=\"45.001\" lon=\"7.0\"><time>2024-05-01T08:00:10Z</time></trkpt></trkseg>"
                + "<trkseg><trkpt lat=\"45.002\" lon=\"7.0\"><time>2024-05-01T08:01:00Z</time></trkpt></trkseg></trk>"
                + "<trk><trkseg><trkpt lat=\"45.003\" lon=\"7.0\"><time>2024-05-01T08:02:00Z</time></trkpt></trkseg></trk>");
        ParsedActivity a = parser.parse(utf8(gpx), "ride.gpx");
        assertThat(a.format()).isEqualTo(FileFormat.GPX);
        assertThat(a.sport()).isEqualTo(Sport.RIDE);
        assertThat(a.fileSport()).isEqualTo("cycling");
        assertThat(a.deviceModel()).isEqualTo("test");
        assertThat(a.startTime()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        TrackPoints p = a.points();
        assertThat(p.size()).isEqualTo(4);
        assertThat(p.heartRate(0)).isEqualTo(130f);
        assertThat(p.cadence(0)).isEqualTo(85f);
        assertThat(p.temperature(0)).isEqualTo(21.5f);
        assertThat(p.power(0)).isEqualTo(250f);
        assertThat(p.elevation(0)).isEqualTo(100.5f);
        assertThat(p.elevation(1)).isNaN();
        assertThat(p.heartRate(1)).isNaN();
        assertThat(p.startsSegment(1)).isFalse();
        assertThat(p.startsSegment(2)).isTrue();
        assertThat(p.startsSegment(3)).isTrue();
        assertThat(a.stats().segments()).isEqualTo(3);
    }

    @Test
    void readsGpx10WithoutNamespaceOrExtensions() {
        String gpx = "<?xml version=\"1.0\"?><gpx version=\"1.0\" xmlns=\"http://www.topografix.com/GPX/1/0\"><trk><trkseg>"
                + "<trkpt lat=\"1\" lon=\"2\"><time>2024-05-01T08:00:00Z</time><speed>3.5</speed></trkpt></trkseg></trk></gpx>";
        ParsedActivity a = parser.parse(utf8(gpx), "x.gpx");
        assertThat(a.points().speed(0)).isEqualTo(3.5f);
        assertThat(a.sport()).isEqualTo(Sport.OTHER);
    }

    @Test
    void readsTcxWithPowerLapsAndCalories() {
        String tcx = "<?xml version=\"1.0\"?><TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\""
                + " xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\"><Activities><Activity Sport=\"Biking\">"
                + "<Id>2024-05-01T08:00:00Z</Id><Lap StartTime=\"2024-05-01T08:00:00Z\"><TotalTimeSeconds>60</TotalTimeSeconds>"
                + "<DistanceMeters>500</DistanceMeters><Calories>12</Calories><AverageHeartRateBpm><Value>120</Value></AverageHeartRateBpm>"
                + "<Track><Trackpoint><Time>2024-05-01T08:00:00Z</Time><Position><LatitudeDegrees>45</LatitudeDegrees>"
                + "<LongitudeDegrees>7</LongitudeDegrees></Position><AltitudeMeters>200</AltitudeMeters><DistanceMeters>0</DistanceMeters>"
                + "<HeartRateBpm><Value>118</Value></HeartRateBpm><Cadence>90</Cadence><Extensions><ns3:TPX><ns3:Speed>8.1</ns3:Speed>"
                + "<ns3:Watts>210</ns3:Watts></ns3:TPX></Extensions></Trackpoint>"
                + "<Trackpoint><Time>2024-05-01T08:01:00Z</Time><DistanceMeters>500</DistanceMeters></Trackpoint></Track></Lap>"
                + "</Activity></Activities></TrainingCenterDatabase>";
        ParsedActivity a = parser.parse(utf8(tcx), "ride.tcx");
        assertThat(a.format()).isEqualTo(FileFormat.TCX);
        assertThat(a.sport()).isEqualTo(Sport.RIDE);
        assertThat(a.points().power(0)).isEqualTo(210f);
        assertThat(a.points().speed(0)).isEqualTo(8.1f);
        assertThat(a.points().cadence(0)).isEqualTo(90f);
        assertThat(a.points().heartRate(0)).isEqualTo(118f);
        assertThat(a.points().deviceDistance(1)).isEqualTo(500.0);
        assertThat(a.points().hasPosition(1)).isFalse();
        assertThat(a.laps()).hasSize(1);
        assertThat(a.laps().get(0).averageHeartRate()).isEqualTo(120.0);
        assertThat(a.totals().calories()).isEqualTo(12.0);
        assertThat(a.totals().distance()).isEqualTo(500.0);
        assertThat(a.totals().timerTime()).isEqualTo(60.0);
    }

    @Test
    void tcxWithSeveralActivitiesTakesTheFirstSportThatIsNotOtherAndOneSegmentPerActivity() {
        String tp = "<Trackpoint><Time>%s</Time></Trackpoint>";
        String tcx = "<TrainingCenterDatabase><Activities>"
                + "<Activity Sport=\"Other\"><Lap StartTime=\"2024-05-01T08:00:00Z\"><Track>"
                + tp.formatted("2024-05-01T08:00:00Z") + "</Track></Lap></Activity>"
                + "<Activity Sport=\"Running\"><Lap StartTime=\"2024-05-01T08:05:00Z\"><Track>"
                + tp.formatted("2024-05-01T08:05:00Z") + "</Track></Lap></Activity>"
                + "<Activity Sport=\"Biking\"><Lap StartTime=\"2024-05-01T08:10:00Z\"><Track>"
                + tp.formatted("2024-05-01T08:10:00Z") + "</Track></Lap></Activity></Activities></TrainingCenterDatabase>";
        ParsedActivity a = parser.parse(utf8(tcx), "multi.tcx");
        assertThat(a.sport()).isEqualTo(Sport.RUN);
        assertThat(a.stats().segments()).isEqualTo(3);
        assertThat(a.laps()).hasSize(3);
    }

    @Test
    void readsFitRecordsSessionsLapsAndDevice() throws IOException {
        ParsedActivity a = parser.parse(new ByteArrayInputStream(resource("fitparse_garmin-fenix-5-run.fit")), "run.fit");
        assertThat(a.format()).isEqualTo(FileFormat.FIT);
        assertThat(a.sport()).isEqualTo(Sport.RUN);
        assertThat(a.deviceManufacturer()).isEqualToIgnoringCase("garmin");
        assertThat(a.deviceModel()).isEqualToIgnoringCase("fenix5");
        assertThat(a.points().size()).isEqualTo(21);
        assertThat(a.sessions()).hasSize(1);
        assertThat(a.laps()).hasSize(1);
        assertThat(a.totals().distance()).isNotNull();
        assertThat(a.points().heartRate(0)).isEqualTo(61f);
    }

    @Test
    void aFileInMemoryIsReadAsTheSameFileStreamed() throws IOException {
        byte[] fit = resource("fitparse_garmin-fenix-5-run.fit");
        ParsedActivity streamed = parser.parse(new ByteArrayInputStream(fit), "run.fit");
        ParsedActivity inMemory = parser.parse(fit.clone(), "run.fit");
        assertThat(inMemory.points().size()).isEqualTo(streamed.points().size());
        assertThat(inMemory.totals()).isEqualTo(streamed.totals());
        assertThat(inMemory.laps()).isEqualTo(streamed.laps());
        for (int i = 0; i < streamed.points().size(); i++) {
            assertThat(inMemory.points().time(i)).isEqualTo(streamed.points().time(i));
            assertThat(inMemory.points().lat(i)).isEqualTo(streamed.points().lat(i));
            assertThat(inMemory.points().heartRate(i)).isEqualTo(streamed.points().heartRate(i));
        }
        assertThat(parser.parse(gzip(fit), "run.fit.gz").points().size()).isEqualTo(21);
        assertThat(parser.parse(utf8(Gpx.line(3, 5)).readAllBytes(), "x.gpx").format()).isEqualTo(FileFormat.GPX);
        WorkoutFileParser small = new WorkoutFileParser(ParserLimits.defaults().withMaxBytes(fit.length - 1, 1 << 20));
        assertThatThrownBy(() -> small.parse(fit, "run.fit"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.TOO_LARGE));
        byte[] broken = fit.clone();
        broken[broken.length / 2] ^= 0x55;
        assertThatThrownBy(() -> parser.parse(broken, "run.fit"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.CORRUPT));
    }

    @Test
    void detectsTheFormatFromTheContentNotTheName() throws IOException {
        byte[] fit = resource("fitparse_garmin-fenix-5-run.fit");
        assertThat(parser.parse(new ByteArrayInputStream(fit), "actually-a.gpx").format()).isEqualTo(FileFormat.FIT);
        assertThat(parser.parse(utf8(Gpx.line(3, 5)), "actually-a.fit").format()).isEqualTo(FileFormat.GPX);
        assertThatThrownBy(() -> parser.parse(utf8("PK\u0003\u0004 this is a zip, not a run"), "run.gpx"))
                .isInstanceOf(WorkoutFileException.class)
                .hasMessage("The file is not a GPX, TCX or FIT activity");
        assertThatThrownBy(() -> parser.parse(utf8("<html><body>hello</body></html>"), "run.tcx"))
                .isInstanceOf(WorkoutFileException.class)
                .hasMessage("The file is not a GPX, TCX or FIT activity");
    }

    @Test
    void readsGzipCompressedFilesOfEveryFormat() throws IOException {
        byte[] fit = resource("fitparse_garmin-fenix-5-run.fit");
        assertThat(parser.parse(new ByteArrayInputStream(gzip(fit)), "run.fit.gz").points().size()).isEqualTo(21);
        byte[] gpx = Gpx.line(5, 3).getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(new ByteArrayInputStream(gzip(gpx)), "x").points().size()).isEqualTo(5);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(new byte[0]), "x.gpx"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.EMPTY_FILE))
                .hasMessage("The file is empty");
    }

    @Test
    void rejectsAnEmptyTrackAndAFileWithoutTrack() {
        assertThatThrownBy(() -> parser.parse(utf8(Gpx.doc("<trk><trkseg></trkseg></trk>")), "x.gpx"))
                .hasMessage("The GPX track has no points");
        assertThatThrownBy(() -> parser.parse(utf8(Gpx.doc("<wpt lat=\"1\" lon=\"2\"/>")), "x.gpx"))
                .hasMessage("The GPX file has no track");
    }

    @Test
    void rejectsATrackWithoutTimestampsUnlessRoutesAreAllowed() {
        String gpx = Gpx.doc("<trk><trkseg>" + Gpx.point(45, 7, null) + Gpx.point(45.001, 7, null) + "</trkseg></trk>");
        assertThatThrownBy(() -> parser.parse(utf8(gpx), "x.gpx"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.NO_TIMESTAMPS))
                .hasMessage("The GPX track has no timestamps");
        ParsedActivity route = new WorkoutFileParser(ParserLimits.defaults().allowingMissingTimestamps())
                .parse(utf8(gpx), "x.gpx");
        assertThat(route.points().size()).isEqualTo(2);
        assertThat(route.startTime()).isNull();
        assertThat(route.points().time(0)).isEqualTo(TrackPoints.NO_TIME);
    }

    @Test
    void sortsOutOfOrderPointsKeepsTheFirstOfRepeatedTimestampsAndDropsUntimedOnes() {
        String gpx = Gpx.doc("<trk><trkseg>" + Gpx.point(45.003, 7, 30) + Gpx.point(45.001, 7, 10)
                + Gpx.point(45.009, 7, 10) + Gpx.point(45.002, 7, 20) + Gpx.point(45.5, 7, null) + "</trkseg></trk>");
        ParsedActivity a = parser.parse(utf8(gpx), "x.gpx");
        TrackPoints p = a.points();
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.lat(0)).isEqualTo(45.001);
        assertThat(p.lat(1)).isEqualTo(45.002);
        assertThat(p.lat(2)).isEqualTo(45.003);
        assertThat(a.stats()).isEqualTo(new ParseStats(5, 1, 1, 1, true));
        assertThat(a.startTime()).isEqualTo(Gpx.T0.plusSeconds(10));
    }

    @Test
    void rejectsMalformedXmlWithItsLine() {
        assertThatThrownBy(() -> parser.parse(utf8("<gpx>\n<trk><trkseg></trk></gpx>"), "x.gpx"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.MALFORMED))
                .hasMessageStartingWith("The file is not well-formed XML at line 2");
        assertThatThrownBy(() -> parser.parse(utf8(Gpx.doc("<trk><trkseg>" + Gpx.point(45, 7, 0)
                + "<trkpt lat=\"north\" lon=\"7\"/></trkseg></trk>")), "x.gpx"))
                .hasMessage("The GPX file has an invalid number 'north' in <trkpt lat>");
        assertThatThrownBy(() -> parser.parse(utf8(Gpx.doc("<trk><trkseg><trkpt lat=\"95\" lon=\"7\"/></trkseg></trk>")),
                "x.gpx")).hasMessageContaining("outside the globe");
        assertThatThrownBy(() -> parser.parse(utf8(Gpx.doc("<trk><trkseg><trkpt lat=\"45\" lon=\"7\">"
                + "<time>yesterday</time></trkpt></trkseg></trk>")), "x.gpx"))
                .hasMessage("The GPX file has an invalid time 'yesterday'");
    }

    @Test
    void rejectsTruncatedXml() {
        String gpx = Gpx.line(10, 3);
        assertThatThrownBy(() -> parser.parse(utf8(gpx.substring(0, gpx.length() / 2)), "x.gpx"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.TRUNCATED))
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsATruncatedFit() throws IOException {
        byte[] fit = resource("fitparse_garmin-fenix-5-run.fit");
        for (int cut : new int[] {fit.length - 1, fit.length / 2, 20}) {
            byte[] part = java.util.Arrays.copyOf(fit, cut);
            assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(part), "run.fit"))
                    .isInstanceOfSatisfying(WorkoutFileException.class,
                            e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.TRUNCATED))
                    .hasMessageStartingWith("The FIT file is truncated");
        }
    }

    @Test
    void rejectsAFitWithABrokenCrc() throws IOException {
        byte[] fit = resource("fitparse_garmin-fenix-5-run.fit");
        byte[] lastByte = fit.clone();
        lastByte[lastByte.length - 1] ^= 0x55;
        byte[] middle = fit.clone();
        middle[middle.length / 2] ^= 0x55;
        for (byte[] broken : new byte[][] {lastByte, middle}) {
            assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(broken), "run.fit"))
                    .isInstanceOfSatisfying(WorkoutFileException.class,
                            e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.CORRUPT))
                    .hasMessage("The FIT file is damaged: its checksum (CRC) does not match the content");
        }
    }

    @Test
    void checksEveryFileOfAChainedFitAndRejectsBytesAfterTheLastOne() throws IOException {
        byte[] fit = resource("fitparse_garmin-fenix-5-run.fit");
        byte[] chained = new byte[fit.length * 2];
        System.arraycopy(fit, 0, chained, 0, fit.length);
        System.arraycopy(fit, 0, chained, fit.length, fit.length);
        assertThat(parser.parse(new ByteArrayInputStream(chained.clone()), "run.fit").points().size()).isEqualTo(21);

        chained[fit.length + fit.length / 2] ^= 0x55;
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(chained), "run.fit"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.CORRUPT))
                .hasMessage("The FIT file is damaged: its checksum (CRC) does not match the content");

        byte[] trailing = java.util.Arrays.copyOf(fit, fit.length + 12);
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(trailing), "run.fit"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.CORRUPT))
                .hasMessage("The FIT file is damaged: 12 bytes after its end are not a FIT file");
    }

    @Test
    void stopsAGzipBombAsSoonAsTheDecompressedBoundIsCrossed() throws IOException {
        // a 1 GB bomb: 128 concatenated gzip members of 8 MB of empty elements each (GZIPInputStream
        // reads them all; elements, because a megabyte without a bracket is refused on its own)
        byte[] elements = new byte[8 << 20];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = (byte) "<a/>\n".charAt(i % 5);
        }
        byte[] member = gzip(elements);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gzip("<gpx>".getBytes(StandardCharsets.US_ASCII)));
        for (int i = 0; i < 128; i++) {
            out.write(member);
        }
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(2 << 20);
        CountingStream source = new CountingStream(bomb);
        WorkoutFileParser small = new WorkoutFileParser(ParserLimits.defaults().withMaxBytes(25L << 20, 8L << 20));
        assertThatThrownBy(() -> small.parse(source, "bomb.gpx.gz"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.TOO_LARGE))
                .hasMessage("The file is larger than 8 MB when decompressed");
        // 1 GB of them compress to ~1 MB; 8 MB of them to ~8 KB. With the 2 × 64 KB read buffers far
        // less than the bomb was read before the parser gave up.
        assertThat(source.read).isLessThan(bomb.length / 4);
    }

    @Test
    void rejectsAFileOverTheLimitWhileStreamingWithoutKnowingItsLength() {
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                sent++;
                return sent <= 5 ? "<gpx>".charAt((int) sent - 1) : ' ';
            }
        };
        WorkoutFileParser small = new WorkoutFileParser(ParserLimits.defaults().withMaxBytes(1 << 20, 1 << 20));
        assertThatThrownBy(() -> small.parse(endless, "big.gpx"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.TOO_LARGE))
                .hasMessage("The file is larger than 1 MB");
    }

    @Test
    void refusesAHugeAttributeOrTextAfterAMegabyteWithoutHoldingIt() {
        for (String[] around : new String[][] {{"<gpx><trk><trkseg><trkpt lat=\"", "\"/>"},
                {"<gpx><trk><name>", "</name>"}}) {
            // 500 MB of one value, generated while it is read: nothing of it is ever held
            OneHugeValue source = new OneHugeValue(around[0], 500L << 20, around[1]);
            WorkoutFileParser large = new WorkoutFileParser(ParserLimits.defaults().withMaxBytes(1L << 30, 1L << 30));
            assertThatThrownBy(() -> large.parse(source, "huge.gpx"))
                    .isInstanceOfSatisfying(WorkoutFileException.class,
                            e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.TOO_LARGE))
                    .hasMessage("The file has a value or tag longer than 1 MB; activity files never need one");
            assertThat(source.read).isLessThan(2L << 20);
        }
    }

    @Test
    void rejectsMorePointsThanTheLimit() {
        WorkoutFileParser small = new WorkoutFileParser(ParserLimits.defaults().withMaxPoints(10));
        assertThat(small.parse(utf8(Gpx.line(10, 2)), "x.gpx").points().size()).isEqualTo(10);
        assertThatThrownBy(() -> small.parse(utf8(Gpx.line(11, 2)), "x.gpx"))
                .isInstanceOfSatisfying(WorkoutFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.TOO_MANY_POINTS))
                .hasMessage("The activity has more than 10 track points");
    }

    @Test
    void readsAFitWholeWhetherOrNotTheStreamTellsItsLengthAndStopsOneByteOverTheLimit() throws IOException {
        byte[] fit = resource("fitparse_garmin-fenix-5-run.fit");
        WorkoutFileParser exact = new WorkoutFileParser(ParserLimits.defaults().withMaxBytes(1 << 20, fit.length));
        WorkoutFileParser under = new WorkoutFileParser(ParserLimits.defaults().withMaxBytes(1 << 20, fit.length - 1));
        for (boolean tellsLength : new boolean[] {true, false}) {
            assertThat(exact.parse(source(fit, tellsLength), "run.fit").points().size()).isEqualTo(21);
            assertThatThrownBy(() -> under.parse(source(fit, tellsLength), "run.fit"))
                    .isInstanceOfSatisfying(WorkoutFileException.class,
                            e -> assertThat(e.reason()).isEqualTo(WorkoutFileException.Reason.TOO_LARGE))
                    .hasMessage("The file is larger than " + (fit.length - 1) + " bytes");
        }
    }

    /** The bytes as a stream that knows its length ({@code available()}), or one that hands out a byte at a time. */
    private static InputStream source(byte[] bytes, boolean tellsLength) {
        if (tellsLength) {
            return new ByteArrayInputStream(bytes);
        }
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }

            @Override
            public synchronized int available() {
                return 0;
            }
        };
    }

    @Test
    void fitPointLimitAppliesToRecords() throws IOException {
        WorkoutFileParser small = new WorkoutFileParser(ParserLimits.defaults().withMaxPoints(20));
        byte[] fit = resource("fitparse_garmin-fenix-5-run.fit");
        assertThatThrownBy(() -> small.parse(new ByteArrayInputStream(fit), "run.fit"))
                .hasMessage("The activity has more than 20 track points");
    }

    static final class CountingStream extends ByteArrayInputStream {
        long read;

        CountingStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }

        @Override
        public synchronized int read() {
            int r = super.read();
            if (r >= 0) {
                read++;
            }
            return r;
        }
    }

    /** {@code before}, then {@code length} digits generated as they are read, then {@code after}; counts what was read. */
    static final class OneHugeValue extends InputStream {
        private final byte[] before;
        private final byte[] after;
        private final long length;
        long read;

        OneHugeValue(String before, long length, String after) {
            this.before = before.getBytes(StandardCharsets.US_ASCII);
            this.after = after.getBytes(StandardCharsets.US_ASCII);
            this.length = length;
        }

        @Override
        public int read() {
            long i = read;
            if (i >= before.length + length + after.length) {
                return -1;
            }
            read++;
            if (i < before.length) {
                return before[(int) i];
            }
            return i < before.length + length ? '1' : after[(int) (i - before.length - length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    break;
                }
                b[off + n++] = (byte) c;
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }
}
