package dev.bookshelf.api.hostile;

import static dev.bookshelf.api.hostile.Hostile.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshelf.api.config.ConfigException;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CORS as an attacker probes it (what CorsTest and CorsPolicyTest do not cover). */
class AttackerCorsTest {
    private static final String ALLOWED = ApiFixture.ALLOWED_ORIGIN;
    private static final ApiFixture FX = ApiFixture.start(Map.of("CORS_ALLOW_CREDENTIALS", "true"));
    private static final String TOKEN = FX.newReaderToken();

    /** Origins built from the allowed one by the tricks that fool naive checks, plus arbitrary text. */
    @Provide
    Arbitrary<String> foreignOrigins() {
        Arbitrary<String> scheme = Arbitraries.of("https://", "http://", "HTTPS://", "null", "", "file://", "https:/");
        Arbitrary<String> host = Arbitraries.of("app.example.com.evil.example", "evilapp.example.com",
                "app.example.com@evil.example", "app-example.com", "app.example.co", "example.com", "app.example.com.",
                "xn--pp-example-9ib.com", "app.example.com%60.evil.example", "app.exаmple.com", "localhost", "127.0.0.1");
        Arbitrary<String> tail = Arbitraries.of("", ":443", ":8443", "/", "/path", "?q", "#x", " ", "\t", "\r\nX: 1",
                ",https://app.example.com", " https://app.example.com");
        Arbitrary<String> tricked = Combinators.combine(scheme, host, tail).as((s, h, t) -> s + h + t);
        Arbitrary<String> suffixed = Arbitraries.of("", "/", " ", ".", ":", "\u0000", "%00", "x")
                .map(t -> ALLOWED + t).filter(o -> !o.equals(ALLOWED));
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(80);
        return Arbitraries.oneOf(tricked, suffixed, any).filter(o -> !isAllowed(o));
    }

    private static boolean isAllowed(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        return lower.equals(ALLOWED) || lower.equals("http://localhost:5173");
    }

    @Property
    void anyOriginNotOnTheList_isNeverReflected_onAnswersOrPreflights(@ForAll("foreignOrigins") String origin) {
        Answer answer = FX.get("/me").bearer(TOKEN).origin(origin).send();
        Answer preflight = FX.request("OPTIONS", "/books").origin(origin)
                .header("Access-Control-Request-Method", "POST").send();

        assertThat(answer.status()).isEqualTo(200);
        for (Answer a : new Answer[] {answer, preflight}) {
            assertThat(a.header("Access-Control-Allow-Origin")).as("%s", a).isNull();
            assertThat(a.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(a.header("Access-Control-Expose-Headers")).isNull();
            assertThat(String.join(",", a.headers("Vary"))).contains("Origin");
        }
        assertProblem(preflight, 403);
    }

    @Test
    void nullOrigin_fromASandboxedFrame_isNeitherAllowedNorAllowedToPreflight() {
        Answer answer = FX.get("/me").bearer(TOKEN).origin("null").send();
        Answer preflight = FX.request("OPTIONS", "/me").origin("null").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").send();

        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        assertProblem(preflight, 403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void twoOriginHeaders_areNeverReflectedTogether() {
        Answer evilFirst = FX.get("/health").origin("https://evil.example").origin(ALLOWED).send();

        assertThat(evilFirst.headers("Access-Control-Allow-Origin")).doesNotContain("https://evil.example");
        assertThat(String.join(",", evilFirst.headers("Access-Control-Allow-Origin"))).doesNotContain(",");
    }

    @ParameterizedTest(name = "method {0}")
    @ValueSource(strings = {"TRACE", "CONNECT", "PROPFIND", "PUT", "GET, DELETE", "*", "", " ", "DELETE\r\nX: 1"})
    void preflightFromTheAllowedOriginForAMethodNotAllowed_isRefused(String method) {
        Answer answer = FX.request("OPTIONS", "/books").origin(ALLOWED).header("Access-Control-Request-Method", method)
                .send();

        assertProblem(answer, 403);
        assertThat(answer.header("Access-Control-Allow-Methods")).isNull();
        assertThat(answer.header("Access-Control-Allow-Headers")).isNull();
    }

    @ParameterizedTest(name = "headers {0}")
    @ValueSource(strings = {"*", "x-forwarded-for", "authorization, x-http-method-override", "cookie",
        "content-type,\u0000", "X-Request-Id-Evil", "authorization content-type"})
    void preflightFromTheAllowedOriginForAHeaderNotAllowed_isRefused(String headers) {
        Answer answer = FX.request("OPTIONS", "/books").origin(ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", headers).send();

        assertProblem(answer, 403);
        assertThat(answer.header("Access-Control-Allow-Headers")).isNull();
    }

    @Test
    void allowedOriginWithCredentials_isEchoedExactly_neverAWildcard() {
        Answer answer = FX.get("/me").bearer(TOKEN).origin(ALLOWED).send();
        Answer preflight = FX.request("OPTIONS", "/me").origin(ALLOWED).header("Access-Control-Request-Method", "GET")
                .send();

        for (Answer a : new Answer[] {answer, preflight}) {
            assertThat(a.headers("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
            assertThat(a.headers("Access-Control-Allow-Credentials")).containsExactly("true");
        }
    }

    @ParameterizedTest(name = "CORS_ALLOWED_ORIGINS={0}")
    @ValueSource(strings = {"*", " * ", "*,https://app.example.com", "https://app.example.com,*"})
    void wildcardWithCredentials_isRefusedAtStartup(String origins) {
        Map<String, String> env = new HashMap<>(ApiFixture.baseEnv());
        env.put("CORS_ALLOWED_ORIGINS", origins);
        env.put("CORS_ALLOW_CREDENTIALS", "true");

        assertThatThrownBy(() -> Settings.fromEnv(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("CORS_ALLOW_CREDENTIALS");
    }

    @ParameterizedTest(name = "CORS_ALLOWED_ORIGINS={0}")
    @ValueSource(strings = {"null", "https://*.example.com", "https://app.example.com/", "app.example.com",
        "https://app.example.com/path", "https://app.example.com,null", "javascript:alert(1)", "https://evil.example:99999x"})
    void originsThatAreNotExactOrigins_areRefusedAtStartup(String origins) {
        Map<String, String> env = new HashMap<>(ApiFixture.baseEnv());
        env.put("CORS_ALLOWED_ORIGINS", origins);

        assertThatThrownBy(() -> Settings.fromEnv(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("CORS_ALLOWED_ORIGINS");
    }
}
