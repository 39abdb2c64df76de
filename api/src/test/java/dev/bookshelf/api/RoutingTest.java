package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingTest {
    private final ApiFixture fx = ApiFixture.start();

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/", "/nowhere", "/books/1/extra", "/Books", "/books/", "//books", "/me/", "/auth",
        "/health/x", "books"})
    void unknownPath_answers404Problem(String path) {
        Answer answer = fx.get(path).send();

        answer.assertProblem(404, "not-found");
        assertThat(answer.header("Allow")).isNull();
    }

    @Test
    void unknownPath_withoutToken_isNotFoundRatherThanUnauthenticated() {
        fx.request("DELETE", "/admin").send().assertProblem(404, "not-found");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "PUT, /books, 'GET, POST, HEAD, OPTIONS'",
        "DELETE, /books, 'GET, POST, HEAD, OPTIONS'",
        "POST, /books/abc, 'GET, PATCH, DELETE, HEAD, OPTIONS'",
        "PUT, /books/abc, 'GET, PATCH, DELETE, HEAD, OPTIONS'",
        "GET, /auth/signup, 'POST, OPTIONS'",
        "HEAD, /auth/login, 'POST, OPTIONS'",
        "POST, /me, 'GET, DELETE, HEAD, OPTIONS'",
        "GET, /me/password, 'PUT, OPTIONS'",
        "GET, /auth/logout, 'POST, OPTIONS'",
        "DELETE, /health, 'GET, HEAD, OPTIONS'",
        "get, /health, 'GET, HEAD, OPTIONS'"})
    void knownPathWithOtherMethod_answers405WithAllow(String method, String path, String allow) {
        Answer answer = fx.request(method, path).send();

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo(allow);
        if (!method.equals("HEAD")) {
            answer.assertProblem(405, "method-not-allowed");
        }
    }

    @Test
    void head_answersTheGetHeadersWithoutBody() {
        String token = fx.newReaderToken();
        String id = fx.addBook(token, "t", "READ");

        Answer head = fx.request("HEAD", "/books/" + id).bearer(token).send();
        Answer get = fx.get("/books/" + id).bearer(token).send();

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();
        assertThat(head.header("ETag")).isEqualTo("\"1\"");
        assertThat(head.header("Content-Type")).isEqualTo(Answer.JSON_TYPE);
        assertThat(head.header("Cache-Control")).isEqualTo("no-store");
        assertThat(head.header("X-Request-Id")).isEqualTo(head.requestId());
        assertThat(get.bytes()).isNotEmpty();
    }

    @Test
    void head_ofHealthAndList_answers200WithoutBody() {
        String token = fx.newReaderToken();

        Answer health = fx.request("HEAD", "/health").send();
        Answer list = fx.request("HEAD", "/books").bearer(token).send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.bytes()).isEmpty();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.bytes()).isEmpty();
    }

    @Test
    void head_ofProblems_keepsStatusAndHeadersWithoutBody() {
        Answer missing = fx.request("HEAD", "/nowhere").send();
        Answer unauthenticated = fx.request("HEAD", "/me").send();

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.bytes()).isEmpty();
        assertThat(missing.header("Content-Type")).isEqualTo(Answer.JSON_TYPE);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.bytes()).isEmpty();
        assertThat(unauthenticated.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest(name = "OPTIONS {0}")
    @CsvSource({
        "/books, 'GET, POST, HEAD, OPTIONS'",
        "/books/abc, 'GET, PATCH, DELETE, HEAD, OPTIONS'",
        "/auth/signup, 'POST, OPTIONS'",
        "/me, 'GET, DELETE, HEAD, OPTIONS'",
        "/me/password, 'PUT, OPTIONS'",
        "/health, 'GET, HEAD, OPTIONS'"})
    void optionsWithoutCors_answers204WithAllowAndNoBody(String path, String allow) {
        Answer answer = fx.request("OPTIONS", path).send();

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.header("Allow")).isEqualTo(allow);
        assertThat(answer.bytes()).isEmpty();
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void optionsOfUnknownPath_answers404() {
        fx.request("OPTIONS", "/nowhere").send().assertProblem(404, "not-found");
    }

    @Test
    void options_needsNoToken() {
        assertThat(fx.request("OPTIONS", "/me").send().status()).isEqualTo(204);
    }

    @Test
    void basePath_routesPrefixedPathsAndRefusesBarePaths() {
        ApiFixture api = ApiFixture.start(Map.of("BASE_PATH", "/api/"));
        String email = ApiFixture.newEmail();

        Answer signUp = api.post("/api/auth/signup")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + ApiFixture.PASSWORD + "\",\"displayName\":\"R\"}")
                .send();
        String token = api.post("/api/auth/login")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + ApiFixture.PASSWORD + "\"}")
                .send().json().path("token").asText();
        Answer added = api.post("/api/books").bearer(token)
                .json("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\"}").send();

        assertThat(signUp.header("Location")).isEqualTo("/api/me");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo("/api/books/" + added.json().path("id").asText());
        assertThat(api.get("/api/books").bearer(token).send().status()).isEqualTo(200);
        assertThat(api.get("/api/health").send().status()).isEqualTo(200);
        assertThat(api.request("OPTIONS", "/api/books").send().status()).isEqualTo(204);
        api.get("/books").bearer(token).send().assertProblem(404, "not-found");
        api.get("/health").send().assertProblem(404, "not-found");
        api.get("/api").send().assertProblem(404, "not-found");
        api.get("/apibooks").bearer(token).send().assertProblem(404, "not-found");
        api.request("OPTIONS", "/books").send().assertProblem(404, "not-found");
    }

    @Test
    void basePath_nested_isStripped() {
        ApiFixture api = ApiFixture.start(Map.of("BASE_PATH", "/v1/shelf"));

        assertThat(api.get("/v1/shelf/health").send().status()).isEqualTo(200);
        api.get("/v1/health").send().assertProblem(404, "not-found");
    }
}
