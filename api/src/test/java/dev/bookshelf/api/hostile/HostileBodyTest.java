package dev.bookshelf.api.hostile;

import static dev.bookshelf.api.hostile.Hostile.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile request bodies through the dispatcher: a clean 4xx problem, nothing stored, the next request works. */
class HostileBodyTest {
    static final String EMAIL = "hostile@example.com";
    static final String SIGN_UP = "{\"email\":\"" + EMAIL + "\",\"password\":\"" + ApiFixture.PASSWORD
            + "\",\"displayName\":\"Hostile\"}";
    static final String ADD_BOOK = "{\"title\":\"Dune\",\"author\":\"Frank Herbert\",\"status\":\"READING\"}";

    /** One shelf for the book cases: each case leaves it empty again. */
    private static final ApiFixture SHELF = ApiFixture.start();
    private static final String READER = SHELF.newReaderToken();

    private final ApiFixture fx = ApiFixture.start();

    static Stream<BodyCorpus.Case> signUpBodies() {
        return BodyCorpus.forObject(SIGN_UP, "Hostile").stream();
    }

    static Stream<BodyCorpus.Case> addBookBodies() {
        return BodyCorpus.forObject(ADD_BOOK, "Dune").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signUpBodies")
    void signUp_withHostileBody_isRefused_storesNoAccount_andTheNextSignUpWorks(BodyCorpus.Case c) {
        Answer answer = fx.post("/auth/signup").header("Content-Type", "application/json").body(c.body()).send();

        assertProblem(answer, c.statuses().toArray(Integer[]::new));
        assertThat(fx.logIn(EMAIL, ApiFixture.PASSWORD).status()).isEqualTo(401);
        assertThat(fx.signUp(EMAIL, ApiFixture.PASSWORD, "Hostile").status()).isEqualTo(201);
        assertThat(fx.logIn(EMAIL, ApiFixture.PASSWORD).status()).isEqualTo(200);
        assertThat(fx.log()).doesNotContain("\"level\":\"ERROR\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addBookBodies")
    void addBook_withHostileBody_isRefused_storesNoBook_andTheNextAddWorks(BodyCorpus.Case c) {
        Answer answer = SHELF.post("/books").bearer(READER).header("Content-Type", "application/json").body(c.body()).send();

        assertProblem(answer, c.statuses().toArray(Integer[]::new));
        assertThat(SHELF.get("/books").bearer(READER).send().json().path("items")).isEmpty();
        Answer next = SHELF.post("/books").bearer(READER).json(ADD_BOOK).send();
        assertThat(next.status()).isEqualTo(201);
        assertThat(SHELF.delete("/books/" + next.json().path("id").asText()).bearer(READER).send().status()).isEqualTo(204);
        assertThat(SHELF.log()).doesNotContain("\"level\":\"ERROR\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addBookBodies")
    void patch_withHostileBody_isRefused_andLeavesTheBookAsItWas(BodyCorpus.Case c) {
        String id = SHELF.addBook(READER, ADD_BOOK);

        Answer answer = SHELF.patch("/books/" + id).bearer(READER).ifMatch("\"1\"")
                .header("Content-Type", "application/json").body(c.body()).send();

        assertProblem(answer, c.statuses().toArray(Integer[]::new));
        Answer book = SHELF.get("/books/" + id).bearer(READER).send();
        assertThat(book.header("ETag")).isEqualTo("\"1\"");
        assertThat(book.json().path("title").asText()).isEqualTo("Dune");
        assertThat(book.json().path("note").isNull()).isTrue();
        assertThat(SHELF.patch("/books/" + id).bearer(READER).ifMatch("\"1\"").json("{\"rating\":5}").send().status())
                .isEqualTo(200);
        assertThat(SHELF.delete("/books/" + id).bearer(READER).send().status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"text/plain", "application/json; charset=latin1", "application/json; charset=utf-16",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "json",
        "application/json\u0000", ""})
    void signUp_withForeignContentType_answers415_andStoresNothing(String contentType) {
        Answer answer = fx.post("/auth/signup").header("Content-Type", contentType)
                .body(SIGN_UP.getBytes(StandardCharsets.UTF_8)).send();

        assertProblem(answer, 415);
        assertThat(fx.logIn(EMAIL, ApiFixture.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void signUp_withoutAnyContentType_answers415() {
        Answer answer = fx.post("/auth/signup").body(SIGN_UP.getBytes(StandardCharsets.UTF_8)).send();

        assertProblem(answer, 415);
    }

    @Test
    void signUp_withEmptyBody_answers400() {
        Answer answer = fx.post("/auth/signup").header("Content-Type", "application/json").body(new byte[0]).send();

        assertProblem(answer, 400);
    }

    @Test
    void nestingAtTheLimit_isAWrongType_andOneLevelMore_isTooLarge() {
        String token = fx.newReaderToken();
        String open = ADD_BOOK.substring(0, ADD_BOOK.length() - 1);

        Answer atLimit = fx.post("/books").bearer(token).json(open + ",\"note\":" + Hostile.nestedArrays(31) + "}").send();
        Answer over = fx.post("/books").bearer(token).json(open + ",\"note\":" + Hostile.nestedArrays(32) + "}").send();

        assertProblem(atLimit, 400);
        assertThat(atLimit.fieldErrors()).containsExactly("note:WRONG_TYPE");
        assertProblem(over, 400);
        assertThat(over.fieldErrors()).containsExactly("body:TOO_LARGE");
    }

    @Test
    void hugeNumbers_areWrongTypesOrTooLarge_neverTruncated() {
        String token = fx.newReaderToken();
        String open = ADD_BOOK.substring(0, ADD_BOOK.length() - 1);

        for (String n : List.of("4294967301", "9223372036854775813", "1e999999999", "5.000000000000001")) {
            Answer answer = fx.post("/books").bearer(token).json(open + ",\"rating\":" + n + "}").send();
            assertProblem(answer, 400);
            assertThat(answer.fieldErrors()).as(n).containsExactly("rating:WRONG_TYPE");
        }
        Answer tooLong = fx.post("/books").bearer(token).json(open + ",\"rating\":" + "5".repeat(65) + "}").send();
        assertThat(tooLong.fieldErrors()).containsExactly("body:TOO_LARGE");
    }
}
