package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.core.memory.InMemoryUserRepository;
import dev.bookshelf.core.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ApiFixture fx = ApiFixture.start();

    private static List<JsonNode> parse(List<String> lines) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines) {
            try {
                out.add(MAPPER.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("log line is not JSON: " + line, e);
            }
        }
        return out;
    }

    /** A store missing its book repository: every book call fails with a NullPointerException. */
    private static Store storeWithoutBooks() {
        return new Store("broken", new InMemoryUserRepository(), null, () -> { });
    }

    private List<JsonNode> requestLines() {
        return parse(fx.logLines()).stream().filter(l -> l.path("msg").asText().equals("request")).toList();
    }

    @Test
    void eachRequest_writesExactlyOneJsonLineWithMethodRouteStatusDurationAndRequestId() {
        String token = fx.newReaderToken();
        String id = fx.addBook(token, "t", "READ");
        fx.clearLog();

        fx.get("/books/" + id).bearer(token).requestId("log-1").send();
        fx.get("/nowhere").requestId("log-2").send();
        fx.request("OPTIONS", "/books").requestId("log-3").send();
        fx.request("HEAD", "/health").requestId("log-4").send();

        List<JsonNode> lines = parse(fx.logLines());
        assertThat(lines).hasSize(4);
        JsonNode get = lines.get(0);
        assertThat(get.path("level").asText()).isEqualTo("INFO");
        assertThat(get.path("msg").asText()).isEqualTo("request");
        assertThat(get.path("method").asText()).isEqualTo("GET");
        assertThat(get.path("route").asText()).isEqualTo("/books/{id}");
        assertThat(get.path("status").asInt()).isEqualTo(200);
        assertThat(get.path("durationMs").isNumber()).isTrue();
        assertThat(get.path("requestId").asText()).isEqualTo("log-1");
        assertThat(get.path("time").asText()).isNotBlank();
        assertThat(lines.get(1).path("status").asInt()).isEqualTo(404);
        assertThat(lines.get(1).path("requestId").asText()).isEqualTo("log-2");
        assertThat(lines.get(2).path("status").asInt()).isEqualTo(204);
        assertThat(lines.get(3).path("method").asText()).isEqualTo("HEAD");
        assertThat(fx.log()).doesNotContain(id);
    }

    @Test
    void authRequests_neverLogPasswordTokenEmailOrBody() {
        String email = "secretive.reader@example.com";
        String password = "p@ssw0rd-비밀번호-do-not-log";

        fx.signUp(email, password, "숨은 독자");
        Answer login = fx.logIn(email, password);
        String token = login.json().path("token").asText();
        fx.logIn(email, "wrong-" + password);
        fx.get("/me").bearer(token).send();
        fx.get("/me").bearer(token + "tampered").send();
        fx.get("/books").bearer(token).query("cursor", "cursor-value-not-logged").send();

        String log = fx.log();
        assertThat(requestLines()).hasSize(6);
        assertThat(log).doesNotContain(password, token, token.split("\\.")[2], email, "숨은 독자",
                "cursor-value-not-logged", "Bearer");
    }

    @Test
    void unexpectedFailure_logsAnErrorLineWithoutTheMessage_andStillOneRequestLine() {
        ApiFixture broken = ApiFixture.withStore(storeWithoutBooks(), Map.of());
        String token = broken.newReaderToken();
        broken.clearLog();

        broken.get("/books").bearer(token).requestId("boom-1").send();

        List<JsonNode> lines = parse(broken.logLines());
        assertThat(lines.stream().filter(l -> l.path("msg").asText().equals("request"))).hasSize(1);
        JsonNode error = lines.stream().filter(l -> l.path("level").asText().equals("ERROR")).findFirst().orElseThrow();
        assertThat(error.path("requestId").asText()).isEqualTo("boom-1");
        assertThat(error.path("route").asText()).isEqualTo("/books");
        assertThat(error.path("error").asText()).isEqualTo(NullPointerException.class.getName());
        assertThat(broken.log()).doesNotContain(token);
    }

    @Test
    void requestIdWithLineBreaks_cannotForgeLogLines() {
        fx.get("/health").requestId("x\n{\"level\":\"ERROR\",\"msg\":\"forged\"}\r\n").send();

        List<JsonNode> lines = parse(fx.logLines());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("msg").asText()).isEqualTo("request");
        assertThat(lines.get(0).path("requestId").asText()).doesNotContain("\n").doesNotContain("forged");
    }

    @Test
    void generatedSecret_isWarnedAboutButNeverLogged() {
        ApiFixture dev = ApiFixture.start(Map.of("TOKEN_SECRET", ""));

        List<JsonNode> lines = parse(dev.logLines());
        assertThat(dev.api().settings().tokenSecretGenerated()).isTrue();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("level").asText()).isEqualTo("WARN");
        assertThat(lines.get(0).path("msg").asText()).contains("TOKEN_SECRET");
        assertThat(dev.log()).doesNotContain(dev.api().settings().tokenSecret());
    }

    @Test
    void configuredSecret_startsWithoutAnyLogLine() {
        assertThat(ApiFixture.start().logLines()).isEmpty();
    }

    @Test
    void lineValues_areEscapedSoEveryLineStaysOneJsonObject() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        RequestLog log = new RequestLog(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));

        log.request(req("GE\"T\n{", "r-1"), "/책/{id}", 200, 1_234_567, 0);
        log.failure(req("POST", "r-2"), "/books", new IllegalStateException("x"));

        String[] lines = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = MAPPER.readTree(lines[0]);
        assertThat(first.path("method").asText()).isEqualTo("GE\"T\n{");
        assertThat(first.path("route").asText()).isEqualTo("/책/{id}");
        assertThat(first.path("durationMs").asDouble()).isEqualTo(1.23);
        log.request(req("GET", "r-3"), "/a\\b", 200, 51_000, 0);
        log.request(req("GET", "r-4"), "/", 200, 12_000_000, 0);
        String[] more = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertThat(MAPPER.readTree(more[2]).path("route").asText()).isEqualTo("/a\\b");
        assertThat(MAPPER.readTree(more[2]).path("durationMs").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(MAPPER.readTree(more[3]).path("durationMs").decimalValue()).isEqualByComparingTo("12");
        JsonNode second = MAPPER.readTree(lines[1]);
        assertThat(second.path("level").asText()).isEqualTo("ERROR");
        assertThat(second.path("error").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(second.path("errorMessage").asText()).isEqualTo("x");
        assertThat(second.has("durationMs")).isFalse();
    }

    private static dev.bookshelf.api.http.ApiRequest req(String method, String id) {
        return new dev.bookshelf.api.http.ApiRequest(method, "/", null, null, null, id, null);
    }

    @Test
    void time_isUtcIso8601WithMilliseconds() {
        RequestLog log = new RequestLog(System.out);
        for (long millis : new long[] {0L, 0L, 999L, 1_764_095_400_007L, 1_764_095_400_007L, 1_764_095_400_999L,
            1_764_095_401_050L, -1L, -1L, 0L}) {
            String text = log.time(millis);
            assertThat(text).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            assertThat(java.time.Instant.parse(text).toEpochMilli()).as(text).isEqualTo(millis);
        }
    }
}
