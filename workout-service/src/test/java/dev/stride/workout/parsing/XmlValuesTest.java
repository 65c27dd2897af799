package dev.stride.workout.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast number and time readers of GPX/TCX values give exactly what the JDK gives, or step aside. */
class XmlValuesTest {

    @Test
    void fastNumbersAreExactlyWhatDoubleParseDoubleReadsAndOtherFormsAreLeftToIt() {
        List<String> fast = List.of("0", "-0", "+5", "12", "436.6", "45.1996177", "-109.595146", "1.", ".5",
                "0.1", "0.3", "1234567890123456", "0.0012345678901234", "45.199617706239223", "-109.59514600000001",
                "123456789012345.678", "0.5000000000000001", "1.7976931348623157", "9007199254740991", "5.77009744942188");
        for (String s : fast) {
            double v = XmlText.fastNumber(s, 0, s.length());
            assertThat(Double.doubleToRawLongBits(v)).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
        List<String> slow = List.of("", "-", ".", "1e5", "NaN", "Infinity", "0x1p3", "1.2.3", "12a", "1d",
                "45.199617706239223480224609375", "9007199254740993", "123456789012345678", " 1",
                "1234567890123456789.5", "9007199254740993.5");
        for (String s : slow) {
            assertThat(XmlText.fastNumber(s, 0, s.length())).as(s).isNaN();
        }
    }

    @Test
    void fastNumbersMatchDoubleParseDoubleBitForBitOnMillionsOfRandomCoordinatesAndDigitStrings() {
        java.util.Random random = new java.util.Random(4);
        int fast = 0;
        for (int i = 0; i < 2_000_000; i++) {
            String s;
            if (i % 2 == 0) {
                s = Double.toString((random.nextDouble() - 0.5) * (i % 4 == 0 ? 360 : 20_000));
            } else {
                StringBuilder b = new StringBuilder();
                int digits = 1 + random.nextInt(18);
                for (int d = 0; d < digits; d++) {
                    b.append((char) ('0' + random.nextInt(10)));
                }
                b.insert(random.nextInt(digits + 1), '.');
                s = b.toString();
            }
            if (s.contains("E") || s.equals(".")) {
                continue;
            }
            double v = XmlText.fastNumber(s, 0, s.length());
            if (!Double.isNaN(v)) {
                fast++;
                if (Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(Double.parseDouble(s))) {
                    throw new AssertionError(s + ": " + v + " != " + Double.parseDouble(s));
                }
            }
        }
        assertThat(fast).isGreaterThan(1_900_000);
    }

    @Test
    void fastTimesAreExactlyWhatTheJdkReadsAndOtherFormsAreLeftToIt() {
        IsoTime iso = new IsoTime();
        List<String> fast = List.of("2024-05-01T08:00:00Z", "2024-05-01T08:00:00.5Z", "2024-05-01T08:00:00.123456789Z",
                "2024-02-29T23:59:59.999Z", "2024-05-01T08:00:00+02:00", "2024-05-01T08:00:00-05:30",
                "2024-05-01T08:00:00", "1969-12-31T23:59:59.9995Z", "0001-01-01T00:00:00Z", "2024-05-01T08:00:00+18:00");
        for (String s : fast) {
            assertThat(iso.epochMillis(s.toCharArray(), 0, s.length())).as(s).isEqualTo(XmlText.epochMillis(s, "GPX"));
        }
        List<String> slow = List.of("2024-05-01 08:00:00Z", "2024-05-01T24:00:00Z", "2023-02-29T08:00:00Z",
                "2024-05-01T08:00:60Z", "2024-05-01T08:00:00z", "+12024-05-01T08:00:00Z", "2024-05-01T08:00:00+19:00",
                "2024-05-01T08:00:00.Z", "2024-05-01T08:00:00.1234567890Z", "2024-05-01T08:00:00+0200", "yesterday");
        for (String s : slow) {
            assertThat(iso.epochMillis(s.toCharArray(), 0, s.length())).as(s).isEqualTo(IsoTime.NOT_FAST);
        }
        assertThatThrownBy(() -> XmlText.epochMillis("2023-02-29T08:00:00Z", "GPX"))
                .isInstanceOf(WorkoutFileException.class).hasMessage("The GPX file has an invalid time '2023-02-29T08:00:00Z'");
    }
}
