package dev.bookshelf.api.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshelf.api.http.Headers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void wildcardWithCredentials_isRefused() {
        assertThatThrownBy(() -> CorsPolicy.of(List.of("*"), true, TEN_MINUTES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'*' cannot be combined with CORS_ALLOW_CREDENTIALS=true");
    }

    @Test
    void wildcardMixedWithExactOrigins_isRefused() {
        assertThatThrownBy(() -> CorsPolicy.of(List.of("*", "https://a.example"), false, TEN_MINUTES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exact origins");
    }

    @ParameterizedTest(name = "origin {0}")
    @ValueSource(strings = {"https://a.example/", "https://a.example/app", "https://a.example/app/", "a.example",
        "null", "ftp://a.example", "https://a.example?x=1", "https://user@a.example", "https://*.a.example",
        "https://a.example:99999x"})
    void originThatIsNotSchemeHostPort_isRefusedNamingIt(String origin) {
        assertThatThrownBy(() -> CorsPolicy.of(List.of(origin), false, TEN_MINUTES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + origin + "'");
    }

    @Test
    void everyProblem_isReportedAtOnce() {
        assertThatThrownBy(() -> CorsPolicy.of(List.of("https://a.example/", "*", "null"), true, Duration.ofSeconds(-1)))
                .hasMessageContaining("'https://a.example/'")
                .hasMessageContaining("'null'")
                .hasMessageContaining("CORS_ALLOW_CREDENTIALS")
                .hasMessageContaining("negative");
    }

    @Test
    void exactOriginsWithPortAndCredentials_areAccepted() {
        CorsPolicy policy = CorsPolicy.of(List.of(" https://a.example ", "http://localhost:5173", ""), true, TEN_MINUTES);

        assertThat(policy.origins()).containsExactlyInAnyOrder("https://a.example", "http://localhost:5173");
        assertThat(policy.credentials()).isTrue();
        assertThat(policy.allows("https://a.example")).isTrue();
        assertThat(policy.allows("https://A.Example")).isTrue();
        assertThat(policy.allows("https://a.example:443")).isFalse();
        assertThat(policy.allows("null")).isFalse();
        assertThat(policy.allows(null)).isFalse();
    }

    @Test
    void decorate_alwaysAddsVaryOrigin() {
        CorsPolicy policy = CorsPolicy.of(List.of("https://a.example"), false, TEN_MINUTES);
        Headers.Builder refused = Headers.builder();
        Headers.Builder none = Headers.builder();

        policy.decorate(refused, Optional.of("https://b.example"));
        policy.decorate(none, Optional.empty());

        assertThat(refused.build().all("Vary")).containsExactly("Origin");
        assertThat(refused.build().contains("Access-Control-Allow-Origin")).isFalse();
        assertThat(none.build().all("Vary")).containsExactly("Origin");
    }

    @Test
    void preflight_allowsSafelistedAndListedHeadersInAnyCase() {
        CorsPolicy policy = CorsPolicy.of(List.of("https://a.example"), false, TEN_MINUTES);

        CorsPolicy.Preflight p = policy.preflight("https://a.example", "POST",
                "Accept, CONTENT-TYPE,authorization , x-request-id", Set.of("GET", "POST", "HEAD", "OPTIONS"));

        assertThat(p).isInstanceOf(CorsPolicy.Allowed.class);
        Headers h = ((CorsPolicy.Allowed) p).headers();
        assertThat(h.first("Access-Control-Allow-Origin")).contains("https://a.example");
        assertThat(h.first("Access-Control-Max-Age")).contains("600");
    }

    @Test
    void preflight_refusesWithAReason() {
        CorsPolicy policy = CorsPolicy.of(List.of("https://a.example"), false, TEN_MINUTES);
        Set<String> methods = Set.of("GET", "HEAD", "OPTIONS");

        assertThat(policy.preflight("https://b.example", "GET", null, methods))
                .isEqualTo(new CorsPolicy.Refused("Origin https://b.example is not allowed."));
        assertThat(policy.preflight("https://a.example", "POST", null, methods))
                .isInstanceOf(CorsPolicy.Refused.class);
        assertThat(policy.preflight("https://a.example", "GET", "x-secret", methods))
                .isInstanceOf(CorsPolicy.Refused.class);
    }
}
