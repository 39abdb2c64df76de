package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FullFlowTest {
    private static final String JSON = Answer.JSON_TYPE;

    private final ApiFixture fx = ApiFixture.start();

    @Test
    void readerJourney_signUpLogInAddListGetPatchDelete_answersEveryStepPerContract() {
        Answer signUp = fx.signUp("  Han.Reader@Example.com ", ApiFixture.PASSWORD, "한강 독자");
        assertThat(signUp.status()).isEqualTo(201);
        assertThat(signUp.header("Content-Type")).isEqualTo(JSON);
        assertThat(signUp.header("Location")).isEqualTo("/me");
        JsonNode account = signUp.json();
        assertThat(account.path("email").asText()).isEqualTo("han.reader@example.com");
        assertThat(account.path("displayName").asText()).isEqualTo("한강 독자");
        assertThat(account.path("id").asText()).isNotBlank();
        assertThat(account.path("createdAt").asText()).isEqualTo("2026-11-25T15:20:00.123Z");
        assertThat(account.has("password")).isFalse();
        assertThat(account.has("passwordHash")).isFalse();
        assertRawUtf8(signUp, "한강 독자");

        Answer login = fx.logIn("han.reader@example.com", ApiFixture.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Type")).isEqualTo(JSON);
        JsonNode session = login.json();
        String token = session.path("token").asText();
        assertThat(token).isNotBlank();
        assertThat(session.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(Instant.parse(session.path("expiresAt").asText())).isAfter(ApiFixture.START);
        assertThat(session.path("expiresIn").asLong()).isBetween(3599L, 3600L);
        assertThat(session.path("account").path("id").asText()).isEqualTo(account.path("id").asText());

        Answer me = fx.get("/me").bearer(token).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("displayName").asText()).isEqualTo("한강 독자");

        Answer added = fx.post("/books").bearer(token).json("""
                {"title": "채식주의자", "author": "한강", "isbn": "978-89-364-3359-8", "status": "READING",
                 "note": "세 개의 이야기"}""").send();
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Content-Type")).isEqualTo(JSON);
        JsonNode book = added.json();
        String id = book.path("id").asText();
        assertThat(added.header("Location")).isEqualTo("/books/" + id);
        assertThat(added.header("ETag")).isEqualTo("\"1\"");
        assertThat(book.path("title").asText()).isEqualTo("채식주의자");
        assertThat(book.path("author").asText()).isEqualTo("한강");
        assertThat(book.path("isbn").asText()).isEqualTo("9788936433598");
        assertThat(book.path("status").asText()).isEqualTo("READING");
        assertThat(book.path("rating").isNull()).isTrue();
        assertThat(book.path("version").asLong()).isEqualTo(1);
        assertThat(book.path("createdAt").asText()).isEqualTo("2026-11-25T15:20:00.123Z");
        assertThat(book.path("updatedAt").asText()).isEqualTo("2026-11-25T15:20:00.123Z");
        assertRawUtf8(added, "채식주의자");
        assertRawUtf8(added, "한강");

        Answer list = fx.get("/books").bearer(token).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).isEqualTo(JSON);
        assertThat(list.json().path("items")).hasSize(1);
        assertThat(list.json().path("items").get(0).path("title").asText()).isEqualTo("채식주의자");
        assertThat(list.json().path("nextCursor").isNull()).isTrue();
        assertRawUtf8(list, "채식주의자");

        Answer got = fx.get("/books/" + id).bearer(token).send();
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.header("ETag")).isEqualTo("\"1\"");
        assertThat(got.json()).isEqualTo(book);
        assertRawUtf8(got, "채식주의자");

        fx.clock().advance(java.time.Duration.ofMinutes(5));
        Answer patched = fx.patch("/books/" + id).bearer(token).ifMatch(got.header("ETag"))
                .json("{\"status\": \"READ\", \"rating\": 5, \"note\": null}").send();
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.header("Content-Type")).isEqualTo(JSON);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        JsonNode changed = patched.json();
        assertThat(changed.path("version").asLong()).isEqualTo(2);
        assertThat(changed.path("status").asText()).isEqualTo("READ");
        assertThat(changed.path("rating").asInt()).isEqualTo(5);
        assertThat(changed.path("note").isNull()).isTrue();
        assertThat(changed.path("title").asText()).isEqualTo("채식주의자");
        assertThat(changed.path("createdAt").asText()).isEqualTo("2026-11-25T15:20:00.123Z");
        assertThat(changed.path("updatedAt").asText()).isEqualTo("2026-11-25T15:25:00.123Z");
        assertRawUtf8(patched, "채식주의자");

        Answer deleted = fx.delete("/books/" + id).bearer(token).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.bytes()).isEmpty();
        assertThat(deleted.header("Content-Type")).isNull();

        fx.get("/books/" + id).bearer(token).send().assertProblem(404, "not-found");
        fx.delete("/books/" + id).bearer(token).send().assertProblem(404, "not-found");
        assertThat(fx.get("/books").bearer(token).send().json().path("items")).isEmpty();
    }

    @Test
    void health_withoutToken_answersUpWithTheStoreName() {
        Answer health = fx.get("/health").send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Content-Type")).isEqualTo(JSON);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("store").asText()).isEqualTo("memory");
    }

    @Test
    void koreanProblemMessage_isSentAsRawUtf8NotEscaped() {
        Answer answer = fx.get("/nowhere").language("ko").send();

        answer.assertProblem(404, "not-found");
        assertRawUtf8(answer, "찾을 수 없습니다");
    }

    @Test
    void charactersBeyondTheBmp_areSentAsRawUtf8Too() {
        String token = fx.newReaderToken();
        String title = "𠜎𠜱 한자 이름과 📚";

        Answer added = fx.post("/books").bearer(token)
                .json("{\"title\":\"" + title + "\",\"author\":\"한강\",\"status\":\"READ\"}").send();

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("title").asText()).isEqualTo(title);
        assertRawUtf8(added, title);
    }

    @Test
    void loneSurrogateSentEscaped_isStoredAndAnsweredWithoutFailing() {
        String token = fx.newReaderToken();

        Answer added = fx.post("/books").bearer(token)
                .json("{\"title\":\"broken \\uD800 pair\",\"author\":\"a\",\"status\":\"READ\"}").send();

        assertThat(added.status()).isEqualTo(201);
        Answer got = fx.get("/books/" + added.json().path("id").asText()).bearer(token).send();
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("title").asText()).isEqualTo("broken \uD800 pair");
    }

    private static void assertRawUtf8(Answer answer, String korean) {
        assertThat(answer.containsUtf8(korean)).as("raw UTF-8 of %s in %s", korean, answer).isTrue();
        assertThat(answer.text()).doesNotContain("\\u");
    }
}
