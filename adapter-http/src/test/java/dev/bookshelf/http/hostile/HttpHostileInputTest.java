package dev.bookshelf.http.hostile;

import static dev.bookshelf.http.hostile.HttpProblems.assertProblem;
import static dev.bookshelf.http.hostile.HttpProblems.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.hostile.BodyCorpus;
import dev.bookshelf.api.support.ApiFixture;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input over loopback to the real Vert.x server, on raw sockets where an HTTP client
 * would refuse to send it. Every answer is a complete JSON problem (Vert.x's own refusals too),
 * nothing is stored half-way, and the server keeps answering.
 */
class HttpHostileInputTest {
    private static final String BOOK = "{\"title\":\"Dune\",\"author\":\"Frank Herbert\",\"status\":\"READING\"}";
    private static final AtomicInteger EMAILS = new AtomicInteger();
    private static LiveServer server;
    private static RawHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        server = LiveServer.start(Map.of("LOGIN_MAX_FAILURES_PER_ACCOUNT", "1000",
                "LOGIN_MAX_FAILURES_PER_SOURCE", "100000"));
        http = server.http();
        token = signUpAndLogIn("hostile-reader@example.com");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @AfterEach
    void theServerStillAnswers_andNeverFailedUnexpectedly() {
        assertThat(http.get("/health", Map.of()).status()).isEqualTo(200);
        assertThat(server.log()).doesNotContain("\"level\":\"ERROR\"");
    }

    private static RawHttp.Response postJson(String path, byte[] body, String bearer) {
        Map<String, String> headers = bearer == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Authorization", "Bearer " + bearer);
        return http.send("POST", path, headers, body);
    }

    private static String signUpAndLogIn(String email) {
        String account = "{\"email\":\"" + email + "\",\"password\":\"" + ApiFixture.PASSWORD + "\",\"displayName\":\"R\"}";
        assertThat(postJson("/auth/signup", utf8(account), null).status()).isEqualTo(201);
        String login = "{\"email\":\"" + email + "\",\"password\":\"" + ApiFixture.PASSWORD + "\"}";
        RawHttp.Response session = postJson("/auth/login", utf8(login), null);
        assertThat(session.status()).isEqualTo(200);
        return json(session).path("token").asText();
    }

    private static int bookCount() {
        RawHttp.Response list = http.get("/books?limit=100", Map.of("Authorization", "Bearer " + token));
        assertThat(list.status()).isEqualTo(200);
        return json(list).path("items").size();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<BodyCorpus.Case> signUpBodies() {
        return BodyCorpus.forObject("{\"email\":\"wire@example.com\",\"password\":\"" + ApiFixture.PASSWORD
                + "\",\"displayName\":\"Wire\"}", "Wire").stream();
    }

    static Stream<BodyCorpus.Case> bookBodies() {
        return BodyCorpus.forObject(BOOK, "Dune").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signUpBodies")
    void signUp_withHostileBody_isAProblem_andStoresNoAccount(BodyCorpus.Case c) {
        RawHttp.Response answer = postJson("/auth/signup", c.body(), null);

        assertProblem(answer, c.statuses().toArray(Integer[]::new));
        String login = "{\"email\":\"wire@example.com\",\"password\":\"" + ApiFixture.PASSWORD + "\"}";
        assertThat(postJson("/auth/login", utf8(login), null).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookBodies")
    void addBook_withHostileBody_isAProblem_andStoresNoBook(BodyCorpus.Case c) {
        int before = bookCount();

        RawHttp.Response answer = postJson("/books", c.body(), token);

        assertProblem(answer, c.statuses().toArray(Integer[]::new));
        assertThat(bookCount()).isEqualTo(before);
    }

    @Test
    void afterTheCorpus_aNewReaderCanStillSignUpAndAddABook() {
        String fresh = signUpAndLogIn("after-corpus-" + EMAILS.incrementAndGet() + "@example.com");

        assertThat(postJson("/books", utf8(BOOK), fresh).status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/books/../me", "/books/./../me", "/%2e%2e/me", "/%2E%2E/me", "/books/%2e%2e/me",
        "/%252e%252e/me", "/books/%252e%252e/me", "/books/..%2fme", "/books/..%5cme", "/me%00", "/%00/me", "/me/",
        "//me", "/me;x=1", "/books/%c0%ae%c0%ae/me", "/books/%ff", "/%e2%88%95me"})
    void traversalAndDoubleEncoding_neverReachAnotherRoute(String target) {
        RawHttp.Response answer = http.get(target, Map.of("Authorization", "Bearer " + token));

        assertProblem(answer, 400, 404);
        assertThat(answer.text()).doesNotContain("displayName");
    }

    @Test
    void malformedPercentEscape_isA400NamingThePath() {
        RawHttp.Response answer = http.get("/books/%zz", Map.of("Authorization", "Bearer " + token));

        assertThat(assertProblem(answer, 400).path("errors").get(0).path("field").asText()).isEqualTo("path");
    }

    @ParameterizedTest(name = "{0} /books")
    @ValueSource(strings = {"PROPFIND", "TRACE", "TRACK", "PUT", "MKCOL", "LOCK", "PATCH", "get", "X-CUSTOM"})
    void unknownOrForbiddenMethods_answer405WithAllow(String method) {
        RawHttp.Response answer = http.send(method, "/books", Map.of("Authorization", "Bearer " + token,
                "Cookie", "session=secret-cookie"), null);

        assertProblem(answer, 405);
        assertThat(answer.header("Allow")).isEqualTo("GET, POST, HEAD, OPTIONS");
        assertThat(answer.text()).doesNotContain(token, "secret-cookie");
    }

    @Test
    void connectToAnotherHost_isNotFound_neverATunnel() {
        RawHttp.Response answer = http.exchange(utf8("CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n"
                + "Connection: close\r\n\r\n"));

        assertProblem(answer, 404, 405);
    }

    @Test
    void headerOver16KiB_isA431Problem() {
        RawHttp.Response answer = http.get("/me", Map.of("Authorization", "Bearer " + token, "X-Big", "a".repeat(17_000)));

        assertProblem(answer, 431);
    }

    @Test
    void manyHeadersTogetherOver16KiB_isA431Problem() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            headers.put("X-H" + i, "v".repeat(50));
        }
        assertProblem(http.get("/health", headers), 431);
    }

    @Test
    void requestLineOver4KiB_isA414Problem() {
        assertProblem(http.get("/books?cursor=" + "c".repeat(5_000), Map.of()), 414);
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {
        "GET /health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\nConnection: close\r\n\r\n",
        "POST /auth/signup HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /auth/signup HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "POST /auth/signup HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "POST /auth/signup HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "\u0000\u0001\u0002hello\r\n\r\n",
        "GET /health HTTP/1.1 extra\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET\r\n\r\n"})
    void requestsVertxCannotDecode_areA400Problem(String raw) {
        assertProblem(http.exchange(raw.getBytes(StandardCharsets.ISO_8859_1)), 400);
    }

    @Test
    void unknownHttpVersion_isRefusedCleanly() {
        RawHttp.Response answer = http.exchange(utf8("GET /health HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"));

        assertThat(answer.status()).isBetween(400, 505);
    }

    @Test
    void chunkedBodyOverTheLimit_isA413_andStoresNothing() {
        int before = bookCount();
        StringBuilder raw = new StringBuilder("POST /books HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        String chunk = "n".repeat(8192);
        raw.append(Integer.toHexString(BOOK.length() - 1)).append("\r\n").append(BOOK, 0, BOOK.length() - 1)
                .append("\r\n");
        for (int i = 0; i < 10; i++) {
            raw.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        raw.append("0\r\n\r\n");

        assertProblem(http.exchange(utf8(raw.toString())), 413);
        assertThat(bookCount()).isEqualTo(before);
    }

    @Test
    void bodyCutShortByTheClient_isNeverStored() {
        int before = bookCount();
        byte[] head = utf8("POST /books HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (BOOK.length() + 10) + "\r\n\r\n" + BOOK);

        RawHttp.Response answer = http.exchange(head, true);

        assertThat(answer.status()).as("no answer to a request that never ended: %s", answer).isEqualTo(-1);
        assertThat(bookCount()).isEqualTo(before);
    }

    @Test
    void nulAndControlBytesInHeaderValues_areRefusedOrIgnored_neverAFailure() {
        RawHttp.Response answer = http.exchange(utf8("GET /me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\u0000\r\nConnection: close\r\n\r\n"));

        assertProblem(answer, 400, 401);
    }
}
