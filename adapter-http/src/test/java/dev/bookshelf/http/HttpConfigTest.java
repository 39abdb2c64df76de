package dev.bookshelf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.api.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the server's configuration from the environment, and refusing bad values all at once. */
class HttpConfigTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void emptyEnvironment_givesLocalDefaults() {
        HttpConfig config = HttpConfig.fromEnv(Map.of());

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.settings().production()).isFalse();
    }

    @Test
    void hostPortAndGrace_areReadFromTheEnvironment() {
        HttpConfig config = HttpConfig.fromEnv(Map.of("HOST", " 127.0.0.1 ", "PORT", "0",
                "SHUTDOWN_GRACE_SECONDS", "3"));

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void productionWithASecret_isAccepted() {
        HttpConfig config = HttpConfig.fromEnv(Map.of("BOOKSHELF_ENV", "production", "TOKEN_SECRET", SECRET,
                "PORT", "8443"));

        assertThat(config.settings().production()).isTrue();
        assertThat(config.settings().tokenSecretGenerated()).isFalse();
        assertThat(config.port()).isEqualTo(8443);
    }

    @Test
    void badPortAndProductionWithoutSecret_areBothListedInOneFailure() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> HttpConfig.fromEnv(Map.of("PORT", "eighty", "BOOKSHELF_ENV", "production")));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("PORT").contains("whole number"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("TOKEN_SECRET is required"));
        assertThat(e.getMessage()).contains("Invalid configuration").contains("PORT").contains("TOKEN_SECRET");
    }

    @Test
    void everyServerAndSharedProblem_isListed_eachOnItsOwnLine() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> HttpConfig.fromEnv(Map.of("PORT", "70000", "HOST", "  ", "SHUTDOWN_GRACE_SECONDS", "-1",
                        "BCRYPT_COST", "99")));

        assertThat(e.problems()).hasSize(4);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("PORT must be between 0 and 65535"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("HOST must not be empty"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("SHUTDOWN_GRACE_SECONDS"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("BCRYPT_COST"));
        assertThat(e.getMessage().lines().filter(l -> l.startsWith("  - "))).hasSize(4);
    }

    @Test
    void eventLoops_byDefault_areTheCpusTheJvmMayUse() {
        HttpConfig config = HttpConfig.fromEnv(Map.of());

        assertThat(config.eventLoops()).isEqualTo(Math.min(256, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void eventLoops_areReadFromTheEnvironment() {
        assertThat(HttpConfig.fromEnv(Map.of("EVENT_LOOPS", " 3 ")).eventLoops()).isEqualTo(3);
        assertThat(HttpConfig.fromEnv(Map.of("EVENT_LOOPS", "256")).eventLoops()).isEqualTo(256);
        assertThat(HttpConfig.fromEnv(Map.of("EVENT_LOOPS", "1")).eventLoops()).isEqualTo(1);
    }

    @Test
    void eventLoops_zeroOrAbove256_areRefused() {
        for (String bad : new String[] {"0", "257", "-2"}) {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> HttpConfig.fromEnv(Map.of("EVENT_LOOPS", bad)));

            assertThat(e.problems()).containsExactly("EVENT_LOOPS must be between 1 and 256 (got " + bad + ")");
        }
    }

    @Test
    void eventLoops_notANumber_isRefused_withTheOtherProblems() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> HttpConfig.fromEnv(Map.of("EVENT_LOOPS", "all", "PORT", "-1")));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).isEqualTo("EVENT_LOOPS must be a whole number (got 'all')"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("PORT must be between 0 and 65535"));
    }

    @Test
    void convenienceConstructors_takeOneEventLoopPerCpu_andTheCanonicalOneRefusesZero() {
        HttpConfig base = HttpConfig.fromEnv(Map.of());
        int cpus = Math.min(256, Runtime.getRuntime().availableProcessors());

        assertThat(new HttpConfig("127.0.0.1", 0, Duration.ofSeconds(1), base.settings()).eventLoops()).isEqualTo(cpus);
        assertThat(new HttpConfig("127.0.0.1", 0, Duration.ofSeconds(1), base.settings(), null, null).eventLoops())
                .isEqualTo(cpus);
        assertThatThrownBy(() -> new HttpConfig("127.0.0.1", 0, Duration.ofSeconds(1), base.settings(), null, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventLoops must be between 1 and 256");
    }
}
