package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyRulesTest {
    private static final String BOOK = "{\"title\":\"채식주의자\",\"author\":\"한강\",\"status\":\"READ\"}";

    private final ApiFixture fx = ApiFixture.start(Map.of("BODY_LIMIT_BYTES", "1024"));
    private final String token = fx.newReaderToken();

    /** A valid add-book body of exactly {@code size} bytes (padding in the note). */
    private static byte[] bookOfSize(int size) {
        String head = "{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\",\"note\":\"";
        String tail = "\"}";
        return (head + "n".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bodyOverTheLimit_answers413() {
        Answer answer = fx.post("/books").bearer(token).header("Content-Type", "application/json")
                .body(bookOfSize(1025)).send();

        JsonNode problem = answer.assertProblem(413, "payload-too-large");
        assertThat(problem.path("detail").asText()).contains("1024");
    }

    @Test
    void bodyExactlyAtTheLimit_isAccepted() {
        Answer answer = fx.post("/books").bearer(token).header("Content-Type", "application/json")
                .body(bookOfSize(1024)).send();

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void bodyOverTheLimit_isRefusedBeforeParsing_butAnonymousCallersLearnOnlyThatTheyMustLogIn() {
        byte[] junk = new byte[2000];
        Answer signUp = fx.post("/auth/signup").header("Content-Type", "text/plain").body(junk).send();
        Answer anonymous = fx.post("/books").header("Content-Type", "application/json").body(junk).send();
        Answer reader = fx.post("/books").bearer(fx.newReaderToken()).header("Content-Type", "application/json")
                .body(junk).send();

        signUp.assertProblem(413, "payload-too-large");
        anonymous.assertProblem(401, "unauthenticated");
        reader.assertProblem(413, "payload-too-large");
    }

    @Test
    void defaultLimit_is64KiB() {
        ApiFixture defaults = ApiFixture.start();
        String reader = defaults.newReaderToken();

        Answer over = defaults.post("/books").bearer(reader).header("Content-Type", "application/json")
                .body(bookOfSize(64 * 1024 + 1)).send();

        over.assertProblem(413, "payload-too-large");
        assertThat(defaults.api().dispatcher().bodyLimit()).isEqualTo(64 * 1024);
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/xml", "text/json", "application/jsonp", "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16", "application/json;charset=\"latin1\""})
    void nonJsonOrNonUtf8ContentType_answers415(String contentType) {
        Answer answer = fx.post("/books").bearer(token).header("Content-Type", contentType).json(BOOK).send();

        answer.assertProblem(415, "unsupported-media-type");
    }

    @Test
    void bodyWithoutContentType_answers415() {
        Answer answer = fx.post("/books").bearer(token).body(BOOK.getBytes(StandardCharsets.UTF_8)).send();

        answer.assertProblem(415, "unsupported-media-type");
    }

    @Test
    void unsupportedMediaType_detailQuotesTheTypeSafely() {
        Answer answer = fx.post("/books").bearer(token).header("Content-Type", "text/plain; x=\u0007한")
                .json(BOOK).send();

        JsonNode problem = answer.assertProblem(415, "unsupported-media-type");
        assertThat(problem.path("detail").asText()).contains("text/plain").doesNotContain("\u0007").doesNotContain("한");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;Charset=UTF-8",
        "application/json;charset=\"utf-8\"", "application/json; charset=utf8", "application/merge-patch+json"})
    void jsonUtf8ContentTypes_areAccepted(String contentType) {
        Answer answer = fx.post("/books").bearer(token).header("Content-Type", contentType).json(BOOK).send();

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void routesWithoutBody_ignoreContentType() {
        Answer answer = fx.get("/books").bearer(token).header("Content-Type", "text/plain").send();

        assertThat(answer.status()).isEqualTo(200);
    }
}
