package dev.bookshelf.http.hostile;

import static dev.bookshelf.http.hostile.HttpProblems.assertProblem;
import static dev.bookshelf.http.hostile.HttpProblems.assertSecurityHeaders;
import static dev.bookshelf.http.hostile.HttpProblems.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshelf.api.config.ConfigException;
import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.http.HttpConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Auth, CORS and response headers over the real Vert.x server, as an attacker sees them. */
class HttpAttackerTest {
    private static final String ALLOWED = ApiFixture.ALLOWED_ORIGIN;
    private static final String PASSWORD = "p@ss-비밀번호-never-logged";
    private static LiveServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        server = LiveServer.start(Map.of("LOGIN_MAX_FAILURES_PER_ACCOUNT", "3", "LOGIN_MAX_FAILURES_PER_SOURCE", "50",
                "CORS_ALLOW_CREDENTIALS", "true"));
        http = server.http();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static RawHttp.Response post(String path, String json) {
        return http.send("POST", path, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttp.Response signUp(String email) {
        return post("/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"R\"}");
    }

    private static RawHttp.Response logIn(String email, String password) {
        return post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    @Test
    void repeatedFailedLogIns_are429WithRetryAfter_overTheWire_evenForTheRightPassword() {
        String email = "throttled@example.com";
        assertThat(signUp(email).status()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            assertProblem(logIn(email, "wrong password " + i), 401);
        }

        RawHttp.Response throttled = logIn(email, PASSWORD);
        RawHttp.Response again = logIn(email, "wrong password again");

        for (RawHttp.Response r : List.of(throttled, again)) {
            assertThat(assertProblem(r, 429).path("type").asText()).isEqualTo("/problems/too-many-requests");
            assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 901L);
            assertThat(r.text()).doesNotContain("token");
        }
    }

    @Test
    void theLogNeverHoldsAPasswordATokenOrAnEmail() {
        String email = "log-reader@example.com";
        signUp(email);
        String token = json(logIn(email, PASSWORD)).path("token").asText();
        logIn(email, "wrong-" + PASSWORD);
        http.get("/me", bearer(token));
        http.get("/me", bearer(token + "x"));
        http.get("/books?cursor=secret-cursor", bearer(token));
        http.exchange(("GET /me HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\nX-Big: " + "a".repeat(17_000)
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));

        String log = server.log();
        assertThat(token).isNotBlank();
        assertThat(log).contains("\"route\":\"/auth/login\"", "\"route\":\"/me\"")
                .doesNotContain(PASSWORD, token, token.split("\\.")[2], email, "secret-cursor", "Bearer");
    }

    @Test
    void authenticatedAnswers_areNeverCached_andNoAnswerNamesTheServer() {
        signUp("headers@example.com");
        String token = json(logIn("headers@example.com", PASSWORD)).path("token").asText();
        RawHttp.Response added = http.send("POST", "/books", Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json"), "{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\"}"
                .getBytes(StandardCharsets.UTF_8));
        String id = json(added).path("id").asText();
        List<RawHttp.Response> answers = new ArrayList<>(List.of(added,
                http.get("/me", bearer(token)),
                http.get("/books", bearer(token)),
                http.get("/books/" + id, bearer(token)),
                http.send("DELETE", "/books/" + id, bearer(token), null),
                http.get("/health", Map.of()),
                http.get("/me", Map.of()),
                http.send("OPTIONS", "/books", Map.of("Origin", ALLOWED, "Access-Control-Request-Method", "POST"), null),
                http.get("/books?x=" + "y".repeat(5_000), Map.of()),
                http.exchange("\u0001garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))));

        assertThat(answers.get(0).status()).isEqualTo(201);
        for (RawHttp.Response r : answers) {
            assertSecurityHeaders(r);
        }
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {"https://evil.example", "null", "https://app.example.com.evil.example",
        "http://app.example.com", "https://app.example.com:8443", "https://evilapp.example.com"})
    void foreignOrigins_areNeverReflected_andTheirPreflightsAreRefused(String origin) {
        RawHttp.Response simple = http.get("/health", Map.of("Origin", origin));
        RawHttp.Response preflight = http.send("OPTIONS", "/me", Map.of("Origin", origin,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"), null);

        for (RawHttp.Response r : List.of(simple, preflight)) {
            assertThat(r.header("Access-Control-Allow-Origin")).as("%s", r).isNull();
            assertThat(r.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(String.join(",", r.all("Vary"))).contains("Origin");
        }
        assertProblem(preflight, 403);
    }

    @Test
    void allowedOrigin_isEchoedExactlyWithCredentials_neverAWildcard() {
        RawHttp.Response r = http.get("/health", Map.of("Origin", ALLOWED));

        assertThat(r.all("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
        assertThat(r.all("Access-Control-Allow-Credentials")).containsExactly("true");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"method:TRACE", "method:PUT", "method:PROPFIND", "headers:x-api-key", "headers:cookie",
        "headers:authorization, x-forwarded-for"})
    void preflightForAMethodOrHeaderNotAllowed_isRefused(String ask) {
        Map<String, String> headers = new HashMap<>(Map.of("Origin", ALLOWED, "Access-Control-Request-Method", "POST"));
        String value = ask.substring(ask.indexOf(':') + 1);
        headers.put(ask.startsWith("method") ? "Access-Control-Request-Method" : "Access-Control-Request-Headers", value);

        RawHttp.Response r = http.send("OPTIONS", "/books", headers, null);

        assertProblem(r, 403);
        assertThat(r.header("Access-Control-Allow-Methods")).isNull();
        assertThat(r.header("Access-Control-Allow-Headers")).isNull();
    }

    @Test
    void wildcardWithCredentials_keepsTheServerFromStarting() {
        Map<String, String> env = new HashMap<>(ApiFixture.baseEnv());
        env.put("CORS_ALLOWED_ORIGINS", "*");
        env.put("CORS_ALLOW_CREDENTIALS", "true");

        assertThatThrownBy(() -> HttpConfig.fromEnv(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("CORS_ALLOW_CREDENTIALS");
    }
}
