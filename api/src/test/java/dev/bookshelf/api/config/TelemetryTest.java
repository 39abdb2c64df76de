package dev.bookshelf.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelemetryTest {
    private static Telemetry read(String... nameValue) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            env.put(nameValue[i], nameValue[i + 1]);
        }
        return Settings.fromEnv(env).telemetry();
    }

    private static java.util.List<String> problems(String... nameValue) {
        return catchThrowableOfType(ConfigException.class, () -> read(nameValue)).problems();
    }

    @Test
    void emptyEnvironment_logsAtInfoWithoutSampling_underBookshelfNames() {
        assertThat(read()).isEqualTo(new Telemetry(Telemetry.Level.INFO, 0, "Bookshelf", "bookshelf"));
    }

    @ParameterizedTest
    @CsvSource({"debug,DEBUG", "INFO,INFO", "Warn,WARN", "warning,WARN", " error ,ERROR"})
    void logLevel_isReadWhateverItsCase(String raw, Telemetry.Level expected) {
        assertThat(read("LOG_LEVEL", raw).level()).isEqualTo(expected);
    }

    @Test
    void powertoolsNames_areAcceptedForEverySetting() {
        Telemetry t = read("POWERTOOLS_LOG_LEVEL", "WARN", "POWERTOOLS_LOGGER_SAMPLE_RATE", "0.25",
                "POWERTOOLS_METRICS_NAMESPACE", "Shelf/Prod", "POWERTOOLS_SERVICE_NAME", "shelf-api");

        assertThat(t).isEqualTo(new Telemetry(Telemetry.Level.WARN, 0.25, "Shelf/Prod", "shelf-api"));
    }

    @Test
    void bothNamesOfASetting_mustAgree() {
        assertThat(read("LOG_DEBUG_SAMPLE_RATE", "0.5", "POWERTOOLS_LOGGER_SAMPLE_RATE", "0.5").sampleRate()).isEqualTo(0.5);
        assertThat(problems("LOG_LEVEL", "INFO", "POWERTOOLS_LOG_LEVEL", "DEBUG", "METRICS_NAMESPACE", "A",
                "POWERTOOLS_METRICS_NAMESPACE", "B")).containsExactly(
                "LOG_LEVEL and POWERTOOLS_LOG_LEVEL are both set and differ ('INFO', 'DEBUG'): set one of them",
                "METRICS_NAMESPACE and POWERTOOLS_METRICS_NAMESPACE are both set and differ ('A', 'B'): set one of them");
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1,1", "0.05,0.05", ".5,0.5", "1.0,1"})
    void sampleRate_fromZeroToOne_isAccepted(String raw, double expected) {
        assertThat(read("LOG_DEBUG_SAMPLE_RATE", raw).sampleRate()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "1.01", "2", "NaN", "Infinity", "1e-2", "0x1p-3", "10%", "half", "1d", "0,5"})
    void sampleRate_outsideZeroToOneOrNotADecimal_isRefusedWithAnExample(String raw) {
        assertThat(problems("LOG_DEBUG_SAMPLE_RATE", raw)).containsExactly("LOG_DEBUG_SAMPLE_RATE must be a number"
                + " from 0 to 1, e.g. 0.05 to log 5% of requests at DEBUG (got '" + raw + "')");
    }

    @Test
    void unknownLogLevel_isRefusedNamingTheLevels() {
        assertThat(problems("LOG_LEVEL", "verbose"))
                .containsExactly("LOG_LEVEL must be one of [DEBUG, INFO, WARN, ERROR] (got 'verbose')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS/Lambda", "책장", "a|b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void namespaceCloudWatchWouldRefuse_isRefusedAtStartup(String raw) {
        assertThat(problems("METRICS_NAMESPACE", raw)).singleElement().asString().startsWith("METRICS_NAMESPACE must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"책장", "tab\there", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void serviceNameThatIsNotPrintableAscii_isRefused(String raw) {
        assertThat(problems("SERVICE_NAME", raw)).singleElement().asString().startsWith("SERVICE_NAME must be");
    }
}
