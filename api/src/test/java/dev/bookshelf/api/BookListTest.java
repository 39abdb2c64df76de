package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookListTest {
    private final ApiFixture fx = ApiFixture.start();
    private final String token = fx.newReaderToken();

    /** Adds five books a minute apart: b1 (oldest) ... b5 (newest); odd ones READ, even ones READING. */
    private List<String> shelfOfFive() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            fx.clock().advance(Duration.ofMinutes(1));
            ids.add(fx.addBook(token, "b" + i, i % 2 == 1 ? "READ" : "READING"));
        }
        return ids;
    }

    private static List<String> titles(Answer page) {
        List<String> out = new ArrayList<>();
        page.json().path("items").forEach(b -> out.add(b.path("title").asText()));
        return out;
    }

    @Test
    void list_isNewestFirst_withDefaultLimit() {
        shelfOfFive();

        Answer page = fx.get("/books").bearer(token).send();

        assertThat(titles(page)).containsExactly("b5", "b4", "b3", "b2", "b1");
        assertThat(page.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void list_withLimit_pagesThroughEveryBookOnceWithTheCursor() {
        shelfOfFive();

        Answer first = fx.get("/books").bearer(token).query("limit", "2").send();
        String cursor1 = first.json().path("nextCursor").asText();
        Answer second = fx.get("/books").bearer(token).query("limit", "2").query("cursor", cursor1).send();
        String cursor2 = second.json().path("nextCursor").asText();
        Answer third = fx.get("/books").bearer(token).query("limit", "2").query("cursor", cursor2).send();

        assertThat(titles(first)).containsExactly("b5", "b4");
        assertThat(titles(second)).containsExactly("b3", "b2");
        assertThat(titles(third)).containsExactly("b1");
        assertThat(cursor1).isNotBlank();
        assertThat(cursor2).isNotBlank().isNotEqualTo(cursor1);
        assertThat(third.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void list_withLimitEqualToShelfSize_hasNoNextCursor() {
        shelfOfFive();

        Answer page = fx.get("/books").bearer(token).query("limit", "5").send();

        assertThat(titles(page)).hasSize(5);
        assertThat(page.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void list_withStatusFilter_returnsOnlyThatStatusAndPagesWithinIt() {
        shelfOfFive();

        Answer first = fx.get("/books").bearer(token).query("status", "READ").query("limit", "2").send();
        Answer rest = fx.get("/books").bearer(token).query("status", "READ").query("limit", "2")
                .query("cursor", first.json().path("nextCursor").asText()).send();
        Answer reading = fx.get("/books").bearer(token).query("status", "READING").send();

        assertThat(titles(first)).containsExactly("b5", "b3");
        assertThat(titles(rest)).containsExactly("b1");
        assertThat(rest.json().path("nextCursor").isNull()).isTrue();
        assertThat(titles(reading)).containsExactly("b4", "b2");
        for (JsonNode b : reading.json().path("items")) {
            assertThat(b.path("status").asText()).isEqualTo("READING");
        }
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "-1", "101"})
    void list_withLimitOutOfRange_answers400NamingLimit(String limit) {
        Answer answer = fx.get("/books").bearer(token).query("limit", limit).send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("limit:OUT_OF_RANGE");
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"abc", "1.5", "", "99999999999"})
    void list_withNonNumericLimit_answers400NamingLimit(String limit) {
        Answer answer = fx.get("/books").bearer(token).query("limit", limit).send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("limit:WRONG_TYPE");
    }

    @Test
    void list_withLimit100_isAccepted() {
        assertThat(fx.get("/books").bearer(token).query("limit", "100").send().status()).isEqualTo(200);
    }

    @Test
    void list_withUnknownStatus_answers400NamingStatus() {
        Answer answer = fx.get("/books").bearer(token).query("status", "read").send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("status:UNKNOWN_VALUE");
    }

    @Test
    void list_withRepeatedStatus_answers400NamingStatus() {
        Answer answer = fx.get("/books").bearer(token).query("status", "READ", "READING").send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("status:INVALID_FORMAT");
    }

    @Test
    void list_withRepeatedLimit_answers400NamingLimit() {
        Answer answer = fx.get("/books").bearer(token).query("limit", "1", "2").send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("limit:INVALID_FORMAT");
    }

    @ParameterizedTest(name = "cursor={0}")
    @ValueSource(strings = {"not-a-cursor", "!!!", "eA"})
    void list_withGarbageCursor_answers400NamingCursor(String cursor) {
        Answer answer = fx.get("/books").bearer(token).query("cursor", cursor).send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("cursor:INVALID_FORMAT");
    }

    @Test
    void list_withAnotherReadersCursor_neverShowsTheirBooks() {
        shelfOfFive();
        String cursor = fx.get("/books").bearer(token).query("limit", "1").send().json().path("nextCursor").asText();
        String other = fx.newReaderToken();
        fx.addBook(other, "theirs", "READ");

        Answer answer = fx.get("/books").bearer(other).query("cursor", cursor).send();

        assertThat(answer.status()).isIn(200, 400);
        assertThat(answer.text()).doesNotContain("\"b1\"", "\"b2\"", "\"b3\"", "\"b4\"", "\"b5\"");
    }
}
