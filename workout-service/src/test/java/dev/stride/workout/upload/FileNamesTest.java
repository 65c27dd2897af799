package dev.stride.workout.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathsControlCharactersAndQuotesAreRemoved() {
        assertThat(FileNames.sanitize("\"../../evil\r\n.gpx\"")).isEqualTo("evil.gpx");
        assertThat(FileNames.sanitize("C:\\Users\\me\\run.fit")).isEqualTo("run.fit");
        assertThat(FileNames.sanitize("..")).isEqualTo("workout");
        assertThat(FileNames.sanitize(null)).isEqualTo("workout");
        assertThat(FileNames.sanitize("a\u202Egpx.exe")).isEqualTo("agpx.exe");
        assertThat(FileNames.sanitize("x".repeat(500))).hasSize(FileNames.MAX_LENGTH);
    }

    @Test
    void contentDispositionHasAnAsciiFallbackAndAnEncodedUtf8Name() {
        assertThat(FileNames.contentDisposition("Пробежка 100%.gpx")).isEqualTo(
                "attachment; filename=\"________ 100_.gpx\"; "
                        + "filename*=UTF-8''%D0%9F%D1%80%D0%BE%D0%B1%D0%B5%D0%B6%D0%BA%D0%B0%20100%25.gpx");
        assertThat(FileNames.contentDisposition("a\"b;c.gpx")).isEqualTo(
                "attachment; filename=\"abc.gpx\"; filename*=UTF-8''abc.gpx");
    }
}
