package dev.bookshelf.lambda.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.support.ApiFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Auth, CORS and response headers through the Lambda handler, as an attacker sees them. */
class LambdaAttackerTest {
    private static final String ALLOWED = ApiFixture.ALLOWED_ORIGIN;
    private static final String PASSWORD = "p@ss-비밀번호-never-logged";

    private final Lambda lambda = Lambda.start(Map.of("LOGIN_MAX_FAILURES_PER_ACCOUNT", "3",
            "CORS_ALLOW_CREDENTIALS", "true"));

    private Lambda.Proxy signUp(String email) {
        return lambda.invoke(new Lambda.Event("POST", "/auth/signup")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"R\"}"));
    }

    private Lambda.Proxy logIn(String email, String password) {
        return lambda.invoke(new Lambda.Event("POST", "/auth/login")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    }

    private String token(String email) {
        assertThat(signUp(email).status()).isEqualTo(201);
        return logIn(email, PASSWORD).body().path("token").asText();
    }

    @Test
    void repeatedFailedLogIns_are429WithRetryAfter() {
        String email = "throttled@example.com";
        assertThat(signUp(email).status()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            logIn(email, "wrong " + i).assertProblem(401);
        }

        Lambda.Proxy throttled = logIn(email, PASSWORD);

        assertThat(throttled.assertProblem(429).path("type").asText()).isEqualTo("/problems/too-many-requests");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 901L);
        assertThat(throttled.header("Access-Control-Expose-Headers")).isNull();
    }

    @Test
    void theLogNeverHoldsAPasswordATokenOrAnEmail() {
        String email = "log-reader@example.com";
        String token = token(email);
        logIn(email, "wrong-" + PASSWORD);
        lambda.invoke(new Lambda.Event("GET", "/me").bearer(token));
        lambda.invoke(new Lambda.Event("GET", "/me").bearer(token + "x"));
        lambda.invoke(new Lambda.Event("GET", "/books").bearer(token).header("Cookie", "session=secret-cookie"));
        lambda.invoke(("{\"httpMethod\":5,\"body\":\"" + PASSWORD + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        String log = lambda.log();
        assertThat(log).contains("\"route\":\"/auth/login\"", "\"route\":\"/me\"")
                .doesNotContain(PASSWORD, token, token.split("\\.")[2], email, "secret-cookie", "Bearer");
    }

    @Test
    void authenticatedAnswers_areNeverCached_andNoAnswerNamesTheServer() {
        String token = token("headers@example.com");
        Lambda.Proxy added = lambda.invoke(new Lambda.Event("POST", "/books").bearer(token)
                .json("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\"}"));
        String id = added.body().path("id").asText();
        List<Lambda.Proxy> answers = List.of(added,
                lambda.invoke(new Lambda.Event("GET", "/me").bearer(token)),
                lambda.invoke(new Lambda.Event("GET", "/books").bearer(token)),
                lambda.invoke(new Lambda.Event("GET", "/books/" + id).bearer(token)),
                lambda.invoke(new Lambda.Event("DELETE", "/books/" + id).bearer(token)),
                lambda.invoke(new Lambda.Event("GET", "/health")),
                lambda.invoke(new Lambda.Event("GET", "/me")),
                lambda.invoke(new Lambda.Event("OPTIONS", "/books").header("Origin", ALLOWED)
                        .header("Access-Control-Request-Method", "POST")),
                lambda.invoke("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(added.status()).isEqualTo(201);
        answers.forEach(Lambda.Proxy::assertSecurityHeaders);
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {"https://evil.example", "null", "https://app.example.com.evil.example",
        "http://app.example.com", "https://app.example.com:8443", "https://app.example.com/"})
    void foreignOrigins_areNeverReflected_andTheirPreflightsAreRefused(String origin) {
        Lambda.Proxy simple = lambda.invoke(new Lambda.Event("GET", "/health").header("Origin", origin));
        Lambda.Proxy preflight = lambda.invoke(new Lambda.Event("OPTIONS", "/me").header("Origin", origin)
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization"));

        for (Lambda.Proxy r : List.of(simple, preflight)) {
            assertThat(r.header("Access-Control-Allow-Origin")).as("%s", r).isNull();
            assertThat(r.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(String.join(",", r.headers("Vary"))).contains("Origin");
        }
        preflight.assertProblem(403);
    }

    @Test
    void allowedOrigin_isEchoedExactlyWithCredentials_neverAWildcard() {
        Lambda.Proxy r = lambda.invoke(new Lambda.Event("GET", "/health").header("Origin", ALLOWED));

        assertThat(r.headers("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
        assertThat(r.headers("Access-Control-Allow-Credentials")).containsExactly("true");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"method:TRACE", "method:PUT", "method:PROPFIND", "headers:x-api-key", "headers:cookie",
        "headers:authorization, x-forwarded-for"})
    void preflightForAMethodOrHeaderNotAllowed_isRefused(String ask) {
        String value = ask.substring(ask.indexOf(':') + 1);
        Lambda.Event event = new Lambda.Event("OPTIONS", "/books").header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", ask.startsWith("method") ? value : "POST");
        if (ask.startsWith("headers")) {
            event.header("Access-Control-Request-Headers", value);
        }

        Lambda.Proxy r = lambda.invoke(event);

        r.assertProblem(403);
        assertThat(r.header("Access-Control-Allow-Methods")).isNull();
        assertThat(r.header("Access-Control-Allow-Headers")).isNull();
    }

    @Test
    void wildcardWithCredentials_failsTheContainersInit() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Lambda.start(Map.of("CORS_ALLOWED_ORIGINS", "*",
                "CORS_ALLOW_CREDENTIALS", "true"))).hasMessageContaining("CORS_ALLOW_CREDENTIALS");
    }
}
