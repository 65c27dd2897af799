package dev.stride.workout.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Test;

import dev.stride.workout.parsing.ParsedActivity;
import dev.stride.workout.parsing.WorkoutFileParser;
import dev.stride.workout.privacy.PrivacyZone;

class StreamCodecTest {

    private static StreamData fenix() throws Exception {
        try (InputStream in = StreamCodecTest.class.getResourceAsStream("/workouts/fitparse_garmin-fenix-5-run.fit")) {
            ParsedActivity activity = new WorkoutFileParser().parse(in, "run.fit");
            return StreamData.of(activity.points());
        }
    }

    @Test
    void encodedStreamsDecodeToTheQuantizedValuesAndAbsentOnesStayAbsent() throws Exception {
        StreamData data = fenix();
        byte[] encoded = StreamCodec.encode(data);
        StreamData back = StreamCodec.decode(encoded);
        assertThat(back.size()).isEqualTo(data.size()).isPositive();
        assertThat(encoded.length).isLessThan(data.size() * 12);
        for (int i = 0; i < data.size(); i++) {
            assertThat(back.time()[i]).isCloseTo(data.time()[i], within(0.0005));
            assertSame(data.distance()[i], back.distance()[i], 0.005);
            assertSame(data.lat()[i], back.lat()[i], 5e-7);
            assertSame(data.heartrate()[i], back.heartrate()[i], 0.5);
            assertSame(data.watts()[i], back.watts()[i], 0.5);
            assertSame(data.altitude()[i], back.altitude()[i], 0.05);
        }
    }

    @Test
    void streamsStoredBeforeTheEncoderWasRewrittenStillDecode() throws Exception {
        // earlier versions deflated each varint byte as it was written (other deflate blocks, same
        // content): the decoder must not depend on how the deflate stream was cut
        StreamData data = fenix();
        byte[] raw;
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(StreamCodec.encode(data)))) {
            raw = in.readAllBytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 8192)) {
            for (byte b : raw) {
                out.write(b);
            }
        }
        StreamData back = StreamCodec.decode(bytes.toByteArray());
        assertThat(back.size()).isEqualTo(data.size());
        assertThat(back.time()).containsExactly(StreamCodec.decode(StreamCodec.encode(data)).time());
        assertThat(back.lat()).containsExactly(StreamCodec.decode(StreamCodec.encode(data)).lat());
    }

    @Test
    void aTruncatedStreamIsReportedInsteadOfReadAsZeros() throws Exception {
        byte[] raw;
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(StreamCodec.encode(fenix())))) {
            raw = in.readAllBytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(raw, 0, raw.length / 2);
        }
        assertThatThrownBy(() -> StreamCodec.decode(bytes.toByteArray())).hasMessageContaining("truncated stream data");
    }

    @Test
    void downsamplingKeepsTheEndsAndTheBound() {
        assertThat(StreamController.downsample(5, 100)).containsExactly(0, 1, 2, 3, 4);
        int[] picked = StreamController.downsample(10_001, 100);
        assertThat(picked).hasSize(100);
        assertThat(picked[0]).isZero();
        assertThat(picked[99]).isEqualTo(10_000);
    }

    @Test
    void pointsInsideAZoneAreRemovedFromEveryStream() throws Exception {
        StreamData data = fenix();
        int mid = data.size() / 2;
        while (Double.isNaN(data.lat()[mid])) {
            mid++;
        }
        PrivacyZone zone = new PrivacyZone(UUID.randomUUID(), data.lat()[mid], data.lon()[mid], 150, null);
        StreamData visible = WorkoutStreams.outsideZones(data, List.of(zone));
        assertThat(visible.size()).isLessThan(data.size());
        assertThat(visible.time()).hasSize(visible.size());
        for (int i = 0; i < visible.size(); i++) {
            if (!Double.isNaN(visible.lat()[i])) {
                assertThat(zone.contains(visible.lat()[i], visible.lon()[i])).isFalse();
            }
        }
    }

    private static void assertSame(double expected, double actual, double tolerance) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(tolerance));
        }
    }
}
