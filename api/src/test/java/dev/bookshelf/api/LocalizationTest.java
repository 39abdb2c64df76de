package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalizationTest {
    private static final String EN_NOT_FOUND = "We could not find what you asked for.";
    private static final String KO_NOT_FOUND = "요청하신 항목을 찾을 수 없습니다.";

    private final ApiFixture fx = ApiFixture.start();

    private Answer invalidBook(String acceptLanguage) {
        String token = fx.newReaderToken();
        var req = fx.post("/books").bearer(token)
                .json("{\"title\":\"" + "가".repeat(201) + "\",\"author\":\"a\",\"status\":\"READ\",\"rating\":0}");
        if (acceptLanguage != null) {
            req.language(acceptLanguage);
        }
        return req.send();
    }

    @ParameterizedTest(name = "Accept-Language: {0}")
    @ValueSource(strings = {"ko", "ko-KR", "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "fr, ko;q=0.5", "en;q=0.3, ko"})
    void korean_getsKoreanProblemMessage(String acceptLanguage) {
        JsonNode problem = fx.get("/nowhere").language(acceptLanguage).send().assertProblem(404, "not-found");

        assertThat(problem.path("message").asText()).isEqualTo(KO_NOT_FOUND);
    }

    @ParameterizedTest(name = "Accept-Language: {0}")
    @ValueSource(strings = {"en", "en-GB", "fr", "*", "", "%%%garbage%%%", ";;;", "ko;q=0", "en, ko;q=0.5",
        "ko;q=abc", "xx-YY-ZZ-1234567890-abcdefghi"})
    void englishOrUnknown_getsEnglishProblemMessage(String acceptLanguage) {
        JsonNode problem = fx.get("/nowhere").language(acceptLanguage).send().assertProblem(404, "not-found");

        assertThat(problem.path("message").asText()).isEqualTo(EN_NOT_FOUND);
    }

    @Test
    void missingAcceptLanguage_getsEnglish() {
        JsonNode problem = fx.get("/nowhere").send().assertProblem(404, "not-found");

        assertThat(problem.path("message").asText()).isEqualTo(EN_NOT_FOUND);
    }

    @Test
    void korean_fieldMessagesAreKoreanWithBoundsFilledIn() {
        Answer answer = invalidBook("ko");

        JsonNode problem = answer.assertProblem(400, "invalid-input");
        assertThat(problem.path("message").asText()).isEqualTo("입력값이 올바르지 않습니다. 표시된 항목을 확인해 주세요.");
        assertThat(fieldMessage(problem, "title")).isEqualTo("200자 이하여야 합니다.");
        assertThat(fieldMessage(problem, "rating")).isEqualTo("1에서 5 사이여야 합니다.");
        assertThat(answer.containsUtf8("200자 이하여야 합니다.")).isTrue();
        assertThat(answer.text()).doesNotContain("\\u");
    }

    @Test
    void english_fieldMessagesAreEnglishWithBoundsFilledIn() {
        JsonNode problem = invalidBook(null).assertProblem(400, "invalid-input");

        assertThat(problem.path("message").asText())
                .isEqualTo("Some of the input is not valid. Please check the highlighted fields.");
        assertThat(fieldMessage(problem, "title")).isEqualTo("Must be at most 200 characters.");
        assertThat(fieldMessage(problem, "rating")).isEqualTo("Must be between 1 and 5.");
    }

    @Test
    void korean_doesNotChangeMachineReadableParts() {
        JsonNode ko = invalidBook("ko").json();
        JsonNode en = invalidBook("en").json();

        assertThat(ko.path("type")).isEqualTo(en.path("type"));
        assertThat(ko.path("title")).isEqualTo(en.path("title"));
        assertThat(ko.path("status")).isEqualTo(en.path("status"));
        assertThat(ko.path("detail")).isEqualTo(en.path("detail"));
        assertThat(ko.path("errors").get(0).path("code")).isEqualTo(en.path("errors").get(0).path("code"));
    }

    @Test
    void korean_badCredentialsMessage() {
        JsonNode problem = fx.post("/auth/login").language("ko")
                .json("{\"email\":\"nobody@example.com\",\"password\":\"whatever1\"}").send()
                .assertProblem(401, "unauthenticated");

        assertThat(problem.path("message").asText()).isEqualTo("이메일 또는 비밀번호가 올바르지 않습니다.");
    }

    @Test
    void korean_appliesToEveryKindOfProblem() {
        String token = fx.newReaderToken();
        String id = fx.addBook(token, "t", "READ");

        assertKorean(fx.get("/me").language("ko").send(), "다시 로그인해 주세요.");
        assertKorean(fx.request("PUT", "/books").language("ko").send(), "이 주소는 해당 메서드를 지원하지 않습니다.");
        assertKorean(fx.patch("/books/" + id).bearer(token).language("ko").json("{\"rating\":1}").send(),
                "변경하려는 버전을 If-Match 헤더로 보내 주세요.");
        assertKorean(fx.patch("/books/" + id).bearer(token).language("ko").ifMatch("\"9\"").json("{\"rating\":1}")
                .send(), "그사이 다른 곳에서 이 책이 변경되었습니다. 새로 불러온 뒤 다시 시도해 주세요.");
        assertKorean(fx.post("/books").bearer(token).language("ko").header("Content-Type", "text/plain")
                .json("{}").send(), "본문은 JSON(Content-Type: application/json)으로 보내 주세요.");
    }

    private static void assertKorean(Answer answer, String message) {
        assertThat(answer.json().path("message").asText()).as("%s", answer).isEqualTo(message);
    }

    private static String fieldMessage(JsonNode problem, String field) {
        for (JsonNode e : problem.path("errors")) {
            if (e.path("field").asText().equals(field)) {
                return e.path("message").asText();
            }
        }
        throw new AssertionError("no error for " + field);
    }
}
