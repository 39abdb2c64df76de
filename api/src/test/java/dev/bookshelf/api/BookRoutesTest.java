package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookRoutesTest {
    private final ApiFixture fx = ApiFixture.start();
    private final String alice = fx.newReaderToken();
    private final String bob = fx.newReaderToken();
    private final String aliceBook = fx.addBook(alice, "소년이 온다", "READING");

    @Test
    void otherReadersBook_isNotFoundForGetPatchAndDelete() {
        Answer get = fx.get("/books/" + aliceBook).bearer(bob).send();
        Answer patch = fx.patch("/books/" + aliceBook).bearer(bob).ifMatch("\"1\"").json("{\"rating\":1}").send();
        Answer delete = fx.delete("/books/" + aliceBook).bearer(bob).send();

        JsonNode problem = get.assertProblem(404, "not-found");
        patch.assertProblem(404, "not-found");
        delete.assertProblem(404, "not-found");
        assertThat(problem.path("message").asText()).isEqualTo("We could not find what you asked for.");
        assertThat(fx.get("/books/" + aliceBook).bearer(alice).send().json().path("rating").isNull()).isTrue();
    }

    @Test
    void otherReadersBook_answersExactlyLikeAMissingOne() {
        JsonNode foreign = fx.get("/books/" + aliceBook).bearer(bob).send().json();
        JsonNode missing = fx.get("/books/no-such-book").bearer(bob).send().json();

        assertThat(foreign.path("detail")).isEqualTo(missing.path("detail"));
        assertThat(foreign.path("message")).isEqualTo(missing.path("message"));
    }

    @Test
    void otherReadersShelf_isNotListed() {
        assertThat(fx.get("/books").bearer(bob).send().json().path("items")).isEmpty();
    }

    @Test
    void patch_withStaleIfMatch_answers412AndKeepsTheBook() {
        Answer first = fx.patch("/books/" + aliceBook).bearer(alice).ifMatch("\"1\"").json("{\"rating\":4}").send();
        assertThat(first.header("ETag")).isEqualTo("\"2\"");

        Answer stale = fx.patch("/books/" + aliceBook).bearer(alice).ifMatch("\"1\"").json("{\"rating\":1}").send();

        JsonNode problem = stale.assertProblem(412, "version-conflict");
        assertThat(problem.path("detail").asText()).contains("1").contains("2");
        assertThat(fx.get("/books/" + aliceBook).bearer(alice).send().json().path("rating").asInt()).isEqualTo(4);
    }

    @Test
    void patch_withFutureVersion_answers412() {
        fx.patch("/books/" + aliceBook).bearer(alice).ifMatch("\"7\"").json("{\"rating\":1}").send()
                .assertProblem(412, "version-conflict");
    }

    @Test
    void patch_withoutIfMatch_answers428() {
        Answer answer = fx.patch("/books/" + aliceBook).bearer(alice).json("{\"rating\":1}").send();

        JsonNode problem = answer.assertProblem(428, "precondition-required");
        assertThat(problem.path("message").asText()).contains("If-Match");
        assertThat(fx.get("/books/" + aliceBook).bearer(alice).send().header("ETag")).isEqualTo("\"1\"");
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"1", "W/\"1\"", "*", "\"1\", \"2\"", "\"one\"", "\"\"", "\"-1\"", "\"99999999999999999999\""})
    void patch_withMalformedIfMatch_answers400NamingIfMatch(String ifMatch) {
        Answer answer = fx.patch("/books/" + aliceBook).bearer(alice).ifMatch(ifMatch).json("{\"rating\":1}").send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("If-Match:INVALID_FORMAT");
    }

    @Test
    void patch_withTwoIfMatchHeaders_answers400() {
        Answer answer = fx.patch("/books/" + aliceBook).bearer(alice).ifMatch("\"1\"").ifMatch("\"1\"")
                .json("{\"rating\":1}").send();

        answer.assertProblem(400, "invalid-input");
    }

    @Test
    void patch_ifMatchWithSurroundingSpaces_isAccepted() {
        Answer answer = fx.patch("/books/" + aliceBook).bearer(alice).ifMatch("  \"1\" ").json("{\"rating\":2}").send();

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void patch_ofMissingBook_answers404EvenWithIfMatch() {
        fx.patch("/books/nope").bearer(alice).ifMatch("\"1\"").json("{\"rating\":1}").send()
                .assertProblem(404, "not-found");
    }

    @Test
    void get_afterPatch_carriesTheNewEtag() {
        fx.patch("/books/" + aliceBook).bearer(alice).ifMatch("\"1\"").json("{\"title\":\"흰\"}").send();

        Answer got = fx.get("/books/" + aliceBook).bearer(alice).send();

        assertThat(got.header("ETag")).isEqualTo("\"2\"");
        assertThat(got.json().path("title").asText()).isEqualTo("흰");
    }

    @Test
    void addBook_titleIsTrimmed_andRatingAndNoteAreKept() {
        Answer answer = fx.post("/books").bearer(alice)
                .json("{\"title\":\"  작별하지 않는다  \",\"author\":\" 한강 \",\"status\":\"WANT_TO_READ\","
                        + "\"rating\":3,\"note\":\"기대\"}").send();

        assertThat(answer.status()).isEqualTo(201);
        JsonNode book = answer.json();
        assertThat(book.path("title").asText()).isEqualTo("작별하지 않는다");
        assertThat(book.path("author").asText()).isEqualTo("한강");
        assertThat(book.path("rating").asInt()).isEqualTo(3);
        assertThat(book.path("note").asText()).isEqualTo("기대");
        assertThat(book.path("isbn").isNull()).isTrue();
    }

    @Test
    void addBook_titleOf200KoreanCharacters_isAccepted() {
        Answer answer = fx.post("/books").bearer(alice)
                .json("{\"title\":\"" + "가".repeat(200) + "\",\"author\":\"a\",\"status\":\"READ\"}").send();

        assertThat(answer.status()).isEqualTo(201);
    }
}
