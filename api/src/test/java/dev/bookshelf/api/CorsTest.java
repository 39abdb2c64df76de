package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.api.support.Req;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsTest {
    private static final String ALLOWED = ApiFixture.ALLOWED_ORIGIN;
    private static final String EVIL = "https://evil.example";

    private final ApiFixture fx = ApiFixture.start();

    private Req preflight(String path, String origin, String method) {
        return fx.request("OPTIONS", path).origin(origin).header("Access-Control-Request-Method", method);
    }

    private static void assertVaryOrigin(Answer answer) {
        assertThat(String.join(",", answer.headers("Vary"))).contains("Origin");
    }

    @Test
    void allowedOrigin_getsItsExactOriginVaryAndExposedHeaders() {
        Answer answer = fx.get("/health").origin(ALLOWED).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
        assertVaryOrigin(answer);
        assertThat(answer.header("Access-Control-Expose-Headers")).contains("ETag", "Location", "X-Request-Id");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void secondAllowedOrigin_isEchoedNotTheFirst() {
        Answer answer = fx.get("/health").origin("http://localhost:5173").send();

        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {EVIL, "http://app.example.com", "https://app.example.com:8443",
        "https://app.example.com.evil.example", "https://evilapp.example.com", "null", "https://app.example.com/"})
    void disallowedOrigin_getsNoAllowOriginButStillVary(String origin) {
        Answer answer = fx.get("/health").origin(origin).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.header("Access-Control-Expose-Headers")).isNull();
        assertVaryOrigin(answer);
    }

    @Test
    void requestWithoutOrigin_stillVariesOnOrigin() {
        Answer answer = fx.get("/health").send();

        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertVaryOrigin(answer);
    }

    @Test
    void preflightFromAllowedOrigin_answers204WithMethodsHeadersAndMaxAge() {
        Answer answer = preflight("/books/abc", ALLOWED, "PATCH")
                .header("Access-Control-Request-Headers", "content-type, authorization, if-match, accept-language")
                .send();

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.bytes()).isEmpty();
        assertThat(answer.headers("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
        assertThat(answer.header("Access-Control-Allow-Methods")).isEqualTo("GET, PATCH, DELETE, HEAD, OPTIONS");
        assertThat(answer.header("Access-Control-Allow-Headers"))
                .contains("Authorization", "Content-Type", "If-Match", "Accept-Language");
        assertThat(answer.header("Access-Control-Max-Age")).isEqualTo("600");
        assertVaryOrigin(answer);
        assertThat(answer.header("X-Request-Id")).isEqualTo(answer.requestId());
    }

    @Test
    void preflightWithoutRequestHeaders_isAllowed() {
        Answer answer = preflight("/books", ALLOWED, "GET").send();

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, HEAD, OPTIONS");
    }

    @Test
    void preflight_maxAgeFollowsTheSetting() {
        ApiFixture api = ApiFixture.start(Map.of("CORS_MAX_AGE_SECONDS", "86400"));

        Answer answer = api.request("OPTIONS", "/books").origin(ALLOWED)
                .header("Access-Control-Request-Method", "POST").send();

        assertThat(answer.header("Access-Control-Max-Age")).isEqualTo("86400");
    }

    @Test
    void preflightFromDisallowedOrigin_answers403WithoutAllowOrigin() {
        Answer answer = preflight("/books", EVIL, "POST").send();

        answer.assertProblem(403, "cors-rejected");
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.header("Access-Control-Allow-Methods")).isNull();
        assertVaryOrigin(answer);
    }

    @Test
    void preflightFromNullOrigin_answers403WithoutAllowOrigin() {
        Answer answer = preflight("/books", "null", "GET").send();

        answer.assertProblem(403, "cors-rejected");
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }

    @ParameterizedTest(name = "method {0}")
    @ValueSource(strings = {"PUT", "DELETE", "TRACE", "post"})
    void preflightForMethodThePathDoesNotAnswer_answers403(String method) {
        Answer answer = preflight("/books", ALLOWED, method).send();

        answer.assertProblem(403, "cors-rejected");
        assertThat(answer.header("Access-Control-Allow-Methods")).isNull();
    }

    @ParameterizedTest(name = "headers {0}")
    @ValueSource(strings = {"x-custom", "content-type, x-api-key", "Cookie", "authorization,,x-forwarded-for"})
    void preflightForHeaderNotAllowed_answers403(String headers) {
        Answer answer = preflight("/books", ALLOWED, "POST").header("Access-Control-Request-Headers", headers).send();

        answer.assertProblem(403, "cors-rejected");
        assertThat(answer.header("Access-Control-Allow-Headers")).isNull();
    }

    @Test
    void preflightForUnknownPath_answers404() {
        preflight("/nowhere", ALLOWED, "GET").send().assertProblem(404, "not-found");
    }

    @Test
    void errorResponses_carryCorsHeadersForAllowedOrigin() {
        Answer unauthenticated = fx.get("/me").origin(ALLOWED).send();
        Answer missing = fx.get("/nowhere").origin(ALLOWED).send();
        Answer wrongMethod = fx.request("PUT", "/books").origin(ALLOWED).send();
        Answer invalid = fx.post("/auth/signup").origin(ALLOWED).json("{}").send();

        for (Answer answer : new Answer[] {unauthenticated, missing, wrongMethod, invalid}) {
            assertThat(answer.status()).isIn(400, 401, 404, 405);
            assertThat(answer.headers("Access-Control-Allow-Origin")).as("%s", answer).containsExactly(ALLOWED);
            assertThat(answer.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
            assertVaryOrigin(answer);
        }
        assertThat(unauthenticated.header("Access-Control-Expose-Headers")).contains("WWW-Authenticate");
    }

    @Test
    void errorResponses_toDisallowedOrigin_haveNoAllowOrigin() {
        Answer answer = fx.get("/me").origin(EVIL).send();

        answer.assertProblem(401, "unauthenticated");
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertVaryOrigin(answer);
    }

    @Test
    void credentialsSetting_addsAllowCredentialsForAllowedOriginsOnly() {
        ApiFixture api = ApiFixture.start(Map.of("CORS_ALLOW_CREDENTIALS", "true"));

        Answer allowed = api.get("/health").origin(ALLOWED).send();
        Answer preflight = api.request("OPTIONS", "/books").origin(ALLOWED)
                .header("Access-Control-Request-Method", "GET").send();
        Answer refused = api.get("/health").origin(EVIL).send();

        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(refused.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void wildcardWithoutCredentials_answersStarAndStillVaries() {
        ApiFixture api = ApiFixture.start(Map.of("CORS_ALLOWED_ORIGINS", "*"));

        Answer answer = api.get("/health").origin(EVIL).send();

        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        assertVaryOrigin(answer);
    }

    @Test
    void noAllowedOrigins_refusesEveryOrigin() {
        ApiFixture api = ApiFixture.start(Map.of("CORS_ALLOWED_ORIGINS", " , "));

        assertThat(api.get("/health").origin(ALLOWED).send().header("Access-Control-Allow-Origin")).isNull();
        api.request("OPTIONS", "/health").origin(ALLOWED).header("Access-Control-Request-Method", "GET").send()
                .assertProblem(403, "cors-rejected");
    }

    @Test
    void optionsWithOriginButNoRequestMethod_isAPlainOptions() {
        Answer answer = fx.request("OPTIONS", "/books").origin(ALLOWED).send();

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.header("Allow")).isEqualTo("GET, POST, HEAD, OPTIONS");
        assertThat(answer.header("Access-Control-Allow-Methods")).isNull();
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
    }
}
