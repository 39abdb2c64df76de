package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {
    private final ApiFixture fx = ApiFixture.start();

    /** One answer of every kind: success, no content, preflight, plain OPTIONS and problems. */
    private List<Answer> oneOfEach() {
        String token = fx.newReaderToken();
        String id = fx.addBook(token, "t", "READ");
        List<Answer> all = new ArrayList<>();
        all.add(fx.get("/health").send());
        all.add(fx.get("/books/" + id).bearer(token).send());
        all.add(fx.post("/books").bearer(token).json("{\"title\":\"u\",\"author\":\"a\",\"status\":\"READ\"}").send());
        all.add(fx.delete("/books/" + id).bearer(token).send());
        all.add(fx.request("OPTIONS", "/books").send());
        all.add(fx.request("OPTIONS", "/books").origin(ApiFixture.ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "GET").send());
        all.add(fx.request("HEAD", "/health").send());
        all.add(fx.get("/nowhere").send());
        all.add(fx.get("/me").send());
        all.add(fx.request("PUT", "/me").send());
        all.add(fx.post("/auth/signup").json("[]").send());
        return all;
    }

    @Test
    void everyAnswer_echoesTheRequestIdAndCarriesSecurityHeaders() {
        for (Answer answer : oneOfEach()) {
            assertThat(answer.headers("X-Request-Id")).as("%s", answer).containsExactly(answer.requestId());
            assertThat(answer.headers("X-Content-Type-Options")).as("%s", answer).containsExactly("nosniff");
            assertThat(answer.headers("Cache-Control")).as("%s", answer).containsExactly("no-store");
        }
    }

    @Test
    void everyAnswerWithABody_isJsonInUtf8() {
        for (Answer answer : oneOfEach()) {
            if (answer.bytes().length > 0) {
                assertThat(answer.header("Content-Type")).as("%s", answer).isEqualTo(Answer.JSON_TYPE);
                assertThat(answer.json().isObject()).isTrue();
            }
        }
    }

    @Test
    void requestId_isEchoedVerbatimInHeaderAndProblemBody() {
        Answer answer = fx.get("/nowhere").requestId("abc-123_XYZ.789").send();

        assertThat(answer.header("X-Request-Id")).isEqualTo("abc-123_XYZ.789");
        assertThat(answer.json().path("requestId").asText()).isEqualTo("abc-123_XYZ.789");
    }

    @Test
    void requestIdSentAsHeader_isNotWhatIsEchoed_theNeutralRequestIdIs() {
        Answer answer = fx.get("/health").header("X-Request-Id", "client-chosen").requestId("transport-chosen").send();

        assertThat(answer.headers("X-Request-Id")).containsExactly("transport-chosen");
    }
}
