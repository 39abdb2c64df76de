package dev.bookshelf.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {
    private static final String SECRET_32 = "0123456789abcdef0123456789abcdef";

    @Test
    void invalidCorsOrigins_areConfigProblemsListedWithTheOthers() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Settings.fromEnv(Map.of(
                "CORS_ALLOWED_ORIGINS", "*", "CORS_ALLOW_CREDENTIALS", "true", "PORT", "x", "TOKEN_TTL_SECONDS", "1")));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("CORS_ALLOWED_ORIGINS") && p.contains("'*' cannot be combined"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("TOKEN_TTL_SECONDS"));
    }

    @Test
    void emptyEnvironment_runsLocallyWithSafeDevelopmentDefaults() {
        Settings s = Settings.fromEnv(Map.of());

        assertThat(s.production()).isFalse();
        assertThat(s.tokenSecretGenerated()).isTrue();
        assertThat(s.tokenSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isGreaterThanOrEqualTo(Settings.MIN_SECRET_BYTES);
        assertThat(s.tokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(s.corsOrigins()).containsExactly("http://localhost:5173", "http://127.0.0.1:5173");
        assertThat(s.corsCredentials()).isFalse();
        assertThat(s.corsMaxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.bodyLimitBytes()).isEqualTo(64 * 1024);
        assertThat(s.basePath()).isEmpty();
        assertThat(s.store()).isEqualTo("memory");
        assertThat(s.passwordCost()).isEqualTo(10);
    }

    @Test
    void generatedSecrets_differPerProcessStart() {
        assertThat(Settings.fromEnv(Map.of()).tokenSecret()).isNotEqualTo(Settings.fromEnv(Map.of()).tokenSecret());
    }

    @Test
    void production_withoutTokenSecret_isRefusedWithAClearMessage() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Settings.fromEnv(Map.of("BOOKSHELF_ENV", "production")));

        assertThat(e.problems()).containsExactly("TOKEN_SECRET is required when BOOKSHELF_ENV=production"
                + " (at least 32 bytes, e.g. `openssl rand -base64 48`)");
        assertThat(e.getMessage()).startsWith("Invalid configuration:").contains("TOKEN_SECRET is required");
    }

    @Test
    void production_withBlankTokenSecret_isRefused() {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("BOOKSHELF_ENV", "Production", "TOKEN_SECRET", "   ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TOKEN_SECRET is required");
    }

    @Test
    void production_withSecret_hasNoCorsOriginsByDefaultAndStrongBcrypt() {
        Settings s = Settings.fromEnv(Map.of("BOOKSHELF_ENV", "production", "TOKEN_SECRET", SECRET_32));

        assertThat(s.production()).isTrue();
        assertThat(s.tokenSecretGenerated()).isFalse();
        assertThat(s.tokenSecret()).isEqualTo(SECRET_32);
        assertThat(s.corsOrigins()).isEmpty();
        assertThat(s.passwordCost()).isEqualTo(10);
    }

    @Test
    void production_withCheapBcrypt_isRefused() {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("BOOKSHELF_ENV", "production", "TOKEN_SECRET", SECRET_32,
                "BCRYPT_COST", "4")))
                .hasMessageContaining("BCRYPT_COST must be between 10 and 16 (got 4)");
    }

    @ParameterizedTest(name = "env {0}")
    @ValueSource(strings = {"development", "production"})
    void shortSecret_isRefusedInEveryEnvironment(String env) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Settings.fromEnv(Map.of("BOOKSHELF_ENV", env, "TOKEN_SECRET", SECRET_32.substring(1))));

        assertThat(e.problems()).containsExactly("TOKEN_SECRET must be at least 32 bytes long");
    }

    @Test
    void secretLength_isCountedInUtf8Bytes() {
        String korean = "비밀".repeat(6);

        assertThat(Settings.fromEnv(Map.of("TOKEN_SECRET", korean)).tokenSecret()).isEqualTo(korean);
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("TOKEN_SECRET", "비밀".repeat(5))))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void everyBadValue_isReportedTogether() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Settings.fromEnv(Map.of(
                "BOOKSHELF_ENV", "staging",
                "TOKEN_TTL_SECONDS", "an hour",
                "CORS_MAX_AGE_SECONDS", "-5",
                "BODY_LIMIT_BYTES", "10",
                "BCRYPT_COST", "99",
                "CORS_ALLOW_CREDENTIALS", "yes",
                "BASE_PATH", "api")));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "BOOKSHELF_ENV must be one of [development, production] (got 'staging')",
                "TOKEN_TTL_SECONDS must be a whole number (got 'an hour')",
                "CORS_MAX_AGE_SECONDS must be between 0 and 86400 (got -5)",
                "BODY_LIMIT_BYTES must be between 1024 and 6291456 (got 10)",
                "BCRYPT_COST must be between 4 and 16 (got 99)",
                "CORS_ALLOW_CREDENTIALS must be one of [true, false] (got 'yes')",
                "BASE_PATH must look like /segment[/segment...] (got 'api')");
        for (String p : e.problems()) {
            assertThat(e.getMessage()).contains(p);
        }
    }

    @Test
    void numbers_areTrimmedAndBounded() {
        Settings s = Settings.fromEnv(Map.of("TOKEN_TTL_SECONDS", " 60 ", "BODY_LIMIT_BYTES", "1024",
                "CORS_MAX_AGE_SECONDS", "0", "BCRYPT_COST", "4"));

        assertThat(s.tokenTtl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.bodyLimitBytes()).isEqualTo(1024);
        assertThat(s.corsMaxAge()).isZero();
        assertThat(s.passwordCost()).isEqualTo(4);
    }

    @ParameterizedTest(name = "BASE_PATH={0}")
    @CsvSource({"/api, /api", "/api/, /api", "' /api ', /api", "/v1/shelf, /v1/shelf", "/, ''", "'', ''",
        "/stage-1/a_b.c~, /stage-1/a_b.c~"})
    void basePath_isNormalized(String raw, String expected) {
        assertThat(Settings.fromEnv(Map.of("BASE_PATH", raw)).basePath()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "BASE_PATH={0}")
    @ValueSource(strings = {"api", "/api//v1", "/a b", "/api?x=1", "//", "/한국"})
    void basePath_thatIsNotAPath_isRefused(String raw) {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("BASE_PATH", raw)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("BASE_PATH");
    }

    @Test
    void corsOrigins_areSplitOnCommasAndTrimmed() {
        Settings s = Settings.fromEnv(Map.of("CORS_ALLOWED_ORIGINS", " https://a.example ,, https://b.example:8443 ",
                "CORS_ALLOW_CREDENTIALS", "TRUE"));

        assertThat(s.corsOrigins()).containsExactly("https://a.example", "https://b.example:8443");
        assertThat(s.corsCredentials()).isTrue();
    }

    @Test
    void store_isNormalizedAndRawEnvironmentIsKept() {
        Settings s = Settings.fromEnv(Map.of("STORE", " DynamoDB ", "TABLE_NAME", "books"));

        assertThat(s.store()).isEqualTo("dynamodb");
        assertThat(s.raw()).containsEntry("TABLE_NAME", "books");
    }

    @Test
    void toString_neverShowsTheSecret() {
        Settings s = Settings.fromEnv(Map.of("TOKEN_SECRET", SECRET_32));

        assertThat(s.toString()).doesNotContain(SECRET_32).contains("tokenSecret=***");
    }

    @Test
    void configException_keepsEveryProblem() {
        ConfigException e = new ConfigException(List.of("a", "b"));

        assertThat(e.problems()).containsExactly("a", "b");
        assertThat(e.getMessage()).isEqualTo("Invalid configuration:\n  - a\n  - b");
    }
}
