package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidBodyTest {
    private final ApiFixture fx = ApiFixture.start();
    private final String token = fx.newReaderToken();

    private Answer addBook(String json) {
        return fx.post("/books").bearer(token).json(json).send();
    }

    @Test
    void addBook_withEveryFieldBroken_reportsEachFieldWithCodeAndBounds() {
        String longTitle = "가".repeat(201);
        Answer answer = addBook("{\"title\":\"" + longTitle + "\",\"author\":\"   \",\"isbn\":\"978-89-364-3359-9\","
                + "\"status\":\"FINISHED\",\"rating\":9,\"note\":\"" + "n".repeat(2001) + "\"}");

        JsonNode problem = answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactlyInAnyOrder(
                "title:TOO_LONG", "author:TOO_SHORT", "isbn:INVALID_CHECKSUM", "status:UNKNOWN_VALUE",
                "rating:OUT_OF_RANGE", "note:TOO_LONG");
        JsonNode title = error(problem, "title");
        assertThat(title.path("min").asInt()).isEqualTo(1);
        assertThat(title.path("max").asInt()).isEqualTo(200);
        assertThat(title.path("message").asText()).isEqualTo("Must be at most 200 characters.");
        JsonNode rating = error(problem, "rating");
        assertThat(rating.path("min").asInt()).isEqualTo(1);
        assertThat(rating.path("max").asInt()).isEqualTo(5);
        assertThat(rating.path("message").asText()).isEqualTo("Must be between 1 and 5.");
        assertThat(error(problem, "status").has("min")).isFalse();
    }

    @Test
    void addBook_withRequiredFieldsMissing_reportsEveryMissingField() {
        Answer answer = addBook("{\"rating\": 3}");

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactlyInAnyOrder("title:REQUIRED", "author:REQUIRED", "status:REQUIRED");
    }

    @Test
    void addBook_withMalformedIsbn_reportsInvalidFormat() {
        Answer answer = addBook("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\",\"isbn\":\"12-34\"}");

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("isbn:INVALID_FORMAT");
    }

    @Test
    void addBook_withValidIsbn10_isNormalized() {
        Answer answer = addBook("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\",\"isbn\":\"0-306-40615-2\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("isbn").asText()).isEqualTo("0306406152");
    }

    @Test
    void addBook_withWrongTypesAndUnknownFields_reportsThemAllTogether() {
        Answer answer = addBook("{\"title\": 42, \"author\": [\"한강\"], \"status\": true, \"rating\": \"5\","
                + " \"note\": {}, \"isbn\": 9788936433598, \"owner\": \"someone-else\", \"version\": 7}");

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactlyInAnyOrder(
                "title:WRONG_TYPE", "author:WRONG_TYPE", "status:WRONG_TYPE", "rating:WRONG_TYPE", "note:WRONG_TYPE",
                "isbn:WRONG_TYPE", "owner:UNKNOWN_FIELD", "version:UNKNOWN_FIELD");
    }

    @ParameterizedTest(name = "rating {0}")
    @ValueSource(strings = {"4.5", "4.0", "1e0", "99999999999999999999"})
    void addBook_withNonIntegerRating_reportsWrongType(String rating) {
        Answer answer = addBook("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\",\"rating\":" + rating + "}");

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("rating:WRONG_TYPE");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{", "{\"title\":}", "{'title':'x'}", "not json", "{\"title\":\"x\",}", "{} {}",
        "{\"a\":1}garbage"})
    void malformedJson_answers400NamingTheBody(String body) {
        Answer answer = addBook(body);

        JsonNode problem = answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("body:INVALID_FORMAT");
        assertThat(problem.path("detail").asText()).isEqualTo("The body is not valid JSON.");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"[]", "[{\"title\":\"x\"}]", "\"text\"", "42", "true", "null"})
    void nonObjectBody_answers400WrongType(String body) {
        Answer answer = addBook(body);

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("body:WRONG_TYPE");
    }

    @Test
    void emptyBody_answers400BodyRequired() {
        Answer answer = fx.post("/books").bearer(token).header("Content-Type", "application/json").send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("body:REQUIRED");
    }

    @Test
    void whitespaceOnlyBody_answers400NamingTheBody() {
        Answer answer = addBook("   \n ");

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).hasSize(1).allMatch(e -> e.startsWith("body:"));
    }

    @Test
    void duplicateKeys_answers400InsteadOfKeepingEitherValue() {
        Answer answer = addBook("{\"title\":\"a\",\"author\":\"b\",\"status\":\"READ\",\"title\":\"c\"}");

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("body:INVALID_FORMAT");
    }

    @Test
    void deeplyNestedBody_answers400TooLarge() {
        String nested = "[".repeat(100) + "]".repeat(100);
        Answer answer = addBook("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\",\"note\":" + nested + "}");

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("body:TOO_LARGE");
    }

    @Test
    void bodyThatIsNotUtf8_answers400InvalidFormat() {
        byte[] latin1 = "{\"title\":\"caf\u00e9\",\"author\":\"a\",\"status\":\"READ\"}".getBytes(StandardCharsets.ISO_8859_1);
        Answer answer = fx.post("/books").bearer(token).header("Content-Type", "application/json").body(latin1).send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("body:INVALID_FORMAT");
    }

    @Test
    void signUp_withEveryFieldBroken_reportsAllThreeFields() {
        Answer answer = fx.post("/auth/signup")
                .json("{\"email\":\"not-an-email\",\"password\":\"short\",\"displayName\":\"" + "이".repeat(51) + "\"}")
                .send();

        JsonNode problem = answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactlyInAnyOrder(
                "email:INVALID_FORMAT", "password:TOO_SHORT", "displayName:TOO_LONG");
        assertThat(error(problem, "password").path("min").asInt()).isEqualTo(8);
        assertThat(error(problem, "password").path("max").asInt()).isEqualTo(128);
    }

    @Test
    void signUp_withUnknownField_isRefused() {
        Answer answer = fx.post("/auth/signup")
                .json("{\"email\":\"x@example.com\",\"password\":\"long enough\",\"displayName\":\"X\",\"admin\":true}")
                .send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("admin:UNKNOWN_FIELD");
    }

    @Test
    void signUp_withEmptyObject_reportsEveryRequiredField() {
        Answer answer = fx.post("/auth/signup").json("{}").send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactlyInAnyOrder(
                "email:REQUIRED", "password:REQUIRED", "displayName:REQUIRED");
    }

    @Test
    void logIn_withMissingFields_answers400NotUnauthenticated() {
        Answer answer = fx.post("/auth/login").json("{\"email\":\"\"}").send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactlyInAnyOrder("email:TOO_SHORT", "password:REQUIRED");
    }

    @Test
    void patch_withUnknownFieldAndWrongType_reportsBoth() {
        String id = fx.addBook(token, "t", "READ");
        Answer answer = fx.patch("/books/" + id).bearer(token).ifMatch("\"1\"")
                .json("{\"version\": 2, \"rating\": \"five\"}").send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactlyInAnyOrder("version:UNKNOWN_FIELD", "rating:WRONG_TYPE");
    }

    @Test
    void patch_withEmptyObject_answersNoChanges() {
        String id = fx.addBook(token, "t", "READ");
        Answer answer = fx.patch("/books/" + id).bearer(token).ifMatch("\"1\"").json("{}").send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactly("body:NO_CHANGES");
    }

    @Test
    void patch_clearingRequiredFields_isRefusedPerField() {
        String id = fx.addBook(token, "t", "READ");
        Answer answer = fx.patch("/books/" + id).bearer(token).ifMatch("\"1\"")
                .json("{\"title\": null, \"author\": null, \"status\": null}").send();

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.fieldErrors()).containsExactlyInAnyOrder("title:REQUIRED", "author:REQUIRED", "status:REQUIRED");
        assertThat(fx.get("/books/" + id).bearer(token).send().header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void patch_withNulls_clearsOptionalFields() {
        String id = fx.addBook(token, "{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\",\"isbn\":\"0306406152\","
                + "\"rating\":4,\"note\":\"좋다\"}");
        Answer answer = fx.patch("/books/" + id).bearer(token).ifMatch("\"1\"")
                .json("{\"isbn\": null, \"rating\": null, \"note\": null}").send();

        assertThat(answer.status()).isEqualTo(200);
        JsonNode book = answer.json();
        assertThat(book.path("isbn").isNull()).isTrue();
        assertThat(book.path("rating").isNull()).isTrue();
        assertThat(book.path("note").isNull()).isTrue();
        assertThat(book.path("title").asText()).isEqualTo("t");
    }

    private static JsonNode error(JsonNode problem, String field) {
        for (JsonNode e : problem.path("errors")) {
            if (e.path("field").asText().equals(field)) {
                return e;
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }
}
