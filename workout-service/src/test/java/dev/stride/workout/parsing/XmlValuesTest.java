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
                "0.1", "0.3", "1234567890123456", "0.0012345678901234", "9007199254740991", "5.77009744942188");
        for (String s : fast) {
            double v = XmlText.fastNumber(s.toCharArray(), 0, s.length());
            assertThat(Double.doubleToRawLongBits(v)).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
        List<String> slow = List.of("", "-", ".", "1e5", "NaN", "Infinity", "0x1p3", "1.2.3", "12a", "1d",
                "45.199617706239223480224609375", "9007199254740993", "123456789012345678", " 1");
        for (String s : slow) {
            assertThat(XmlText.fastNumber(s.toCharArray(), 0, s.length())).as(s).isNaN();
        }
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
