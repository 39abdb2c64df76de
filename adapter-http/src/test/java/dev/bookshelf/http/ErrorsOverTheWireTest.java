package dev.bookshelf.http;

import static dev.bookshelf.http.Client.header;
import static dev.bookshelf.http.Client.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every class of failure as a client sees it: status, problem body and the headers that go with it. */
class ErrorsOverTheWireTest extends OverTheWire {
    static final String BOOK = "{\"title\":\"채식주의자\",\"author\":\"한강\",\"status\":\"READING\"}";




    @Test
    void addBook_withSeveralInvalidFields_answers400ListingEachFieldWithItsCodeAndBounds() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("invalid"));

        HttpResponse<byte[]> r = client.postJson("/books", "{\"title\":\"  \",\"author\":\"" + "a".repeat(201)
                + "\",\"status\":\"LOST\",\"rating\":9,\"isbn\":\"9788936433591\"}", "Authorization", bearer);

        assertProblem(r, 400, "/problems/invalid-input");
        JsonNode errors = json(r).get("errors");
        assertThat(fieldsAndCodes(errors)).containsExactlyInAnyOrder(
                tuple("title", "TOO_SHORT"), tuple("author", "TOO_LONG"), tuple("status", "UNKNOWN_VALUE"),
                tuple("rating", "OUT_OF_RANGE"), tuple("isbn", "INVALID_CHECKSUM"));
        JsonNode rating = find(errors, "rating");
        assertThat(rating.get("min").asInt()).isEqualTo(1);
        assertThat(rating.get("max").asInt()).isEqualTo(5);
        assertThat(rating.get("message").asText()).isNotBlank();
    }

    @Test
    void signUp_withMalformedJson_answers400NamingTheBody() throws Exception {
        HttpResponse<byte[]> r = client.postJson("/auth/signup", "{\"email\":");

        assertProblem(r, 400, "/problems/invalid-input");
        assertThat(fieldsAndCodes(json(r).get("errors"))).containsExactly(tuple("body", "INVALID_FORMAT"));
    }

    @Test
    void signUp_withAnUnknownFieldAndAWrongType_answers400ForBoth() throws Exception {
        HttpResponse<byte[]> r = client.postJson("/auth/signup", "{\"email\":\"a@example.com\",\"password\":12345678,"
                + "\"displayName\":\"A\",\"admin\":true}");

        assertProblem(r, 400, "/problems/invalid-input");
        assertThat(fieldsAndCodes(json(r).get("errors")))
                .contains(tuple("admin", "UNKNOWN_FIELD"), tuple("password", "WRONG_TYPE"));
    }

    @Test
    void me_withoutToken_answers401WithABearerChallenge() throws Exception {
        HttpResponse<byte[]> r = client.get("/me");

        assertProblem(r, 401, "/problems/unauthenticated");
        assertThat(header(r, "WWW-Authenticate")).isEqualTo("Bearer realm=\"bookshelf\"");
    }

    @Test
    void me_withAnInvalidToken_answers401WithAnInvalidTokenChallenge() throws Exception {
        HttpResponse<byte[]> r = client.get("/me", "Authorization", "Bearer not.a.token");

        assertProblem(r, 401, "/problems/unauthenticated");
        assertThat(header(r, "WWW-Authenticate")).startsWith("Bearer ").contains("error=\"invalid_token\"");
    }

    @Test
    void logIn_withWrongPassword_answers401WithoutRevealingWhichFieldWasWrong() throws Exception {
        String email = Client.uniqueEmail("wrong");
        client.bearerFor(email);

        HttpResponse<byte[]> wrongPassword = client.logIn(email, "not the password");
        HttpResponse<byte[]> unknownEmail = client.logIn(Client.uniqueEmail("nobody"), Client.PASSWORD);

        assertProblem(wrongPassword, 401, "/problems/unauthenticated");
        assertProblem(unknownEmail, 401, "/problems/unauthenticated");
        assertThat(header(wrongPassword, "WWW-Authenticate")).startsWith("Bearer");
        assertThat(json(wrongPassword).get("detail")).isEqualTo(json(unknownEmail).get("detail"));
        assertThat(json(wrongPassword).get("message")).isEqualTo(json(unknownEmail).get("message"));
    }

    @Test
    void unknownPath_answers404Problem() throws Exception {
        HttpResponse<byte[]> r = client.get("/shelves");

        assertProblem(r, 404, "/problems/not-found");
    }

    @Test
    void anotherUsersBook_answers404ToGetPatchAndDelete_andStaysUntouched() throws Exception {
        String owner = client.bearerFor(Client.uniqueEmail("owner"));
        String stranger = client.bearerFor(Client.uniqueEmail("stranger"));
        String id = client.addBook(owner, BOOK);

        assertProblem(client.get("/books/" + id, "Authorization", stranger), 404, "/problems/not-found");
        assertProblem(client.send("PATCH", "/books/" + id, "{\"rating\":1}", "Authorization", stranger,
                "Content-Type", "application/json", "If-Match", "\"1\""), 404, "/problems/not-found");
        assertProblem(client.send("DELETE", "/books/" + id, (byte[]) null, "Authorization", stranger),
                404, "/problems/not-found");

        HttpResponse<byte[]> own = client.get("/books/" + id, "Authorization", owner);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(header(own, "ETag")).isEqualTo("\"1\"");
    }

    @Test
    void knownPathWithAnotherMethod_answers405WithTheAllowHeader() throws Exception {
        HttpResponse<byte[]> book = client.send("PUT", "/books/some-id", "{}", "Content-Type", "application/json");
        HttpResponse<byte[]> health = client.send("DELETE", "/health", (byte[]) null);
        HttpResponse<byte[]> signUp = client.get("/auth/signup");

        assertProblem(book, 405, "/problems/method-not-allowed");
        assertThat(header(book, "Allow")).isEqualTo("GET, PATCH, DELETE, HEAD, OPTIONS");
        assertProblem(health, 405, "/problems/method-not-allowed");
        assertThat(header(health, "Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertProblem(signUp, 405, "/problems/method-not-allowed");
        assertThat(header(signUp, "Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void signUp_withAnEmailAlreadyTakenInAnyCase_answers409() throws Exception {
        String email = Client.uniqueEmail("taken");
        assertThat(client.signUp(email, "First").statusCode()).isEqualTo(201);

        HttpResponse<byte[]> again = client.signUp(email.toUpperCase(java.util.Locale.ROOT), "Second");

        assertProblem(again, 409, "/problems/email-taken");
    }

    @Test
    void patch_withAStaleIfMatch_answers412_andLeavesTheBookUnchanged() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("stale"));
        String id = client.addBook(bearer, BOOK);

        HttpResponse<byte[]> r = client.send("PATCH", "/books/" + id, "{\"rating\":3}", "Authorization", bearer,
                "Content-Type", "application/json", "If-Match", "\"7\"");

        assertProblem(r, 412, "/problems/version-conflict");
        HttpResponse<byte[]> after = client.get("/books/" + id, "Authorization", bearer);
        assertThat(header(after, "ETag")).isEqualTo("\"1\"");
        assertThat(json(after).get("rating").isNull()).isTrue();
    }

    @Test
    void postWithANonJsonOrNonUtf8ContentType_answers415() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("media"));

        HttpResponse<byte[]> text = client.send("POST", "/books", BOOK, "Authorization", bearer,
                "Content-Type", "text/plain");
        HttpResponse<byte[]> latin1 = client.send("POST", "/books", BOOK, "Authorization", bearer,
                "Content-Type", "application/json; charset=ISO-8859-1");
        HttpResponse<byte[]> none = client.send("POST", "/books", BOOK, "Authorization", bearer);

        assertProblem(text, 415, "/problems/unsupported-media-type");
        assertProblem(latin1, 415, "/problems/unsupported-media-type");
        assertProblem(none, 415, "/problems/unsupported-media-type");
    }

    @Test
    void patch_withoutIfMatch_answers428() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("nomatch"));
        String id = client.addBook(bearer, BOOK);

        HttpResponse<byte[]> r = client.send("PATCH", "/books/" + id, "{\"rating\":3}", "Authorization", bearer,
                "Content-Type", "application/json");

        assertProblem(r, 428, "/problems/precondition-required");
    }

    @Test
    void acceptLanguageKo_localizesTheMessageAndFieldMessages_asRawUtf8() throws Exception {
        HttpResponse<byte[]> notFound = client.get("/shelves", "Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5");
        HttpResponse<byte[]> invalid = client.postJson("/auth/signup",
                "{\"email\":\"nope\",\"password\":\"short\",\"displayName\":\"\"}", "Accept-Language", "ko");

        assertProblem(notFound, 404, "/problems/not-found");
        assertThat(json(notFound).get("message").asText()).isEqualTo("요청하신 항목을 찾을 수 없습니다.");
        assertThat(json(notFound).get("title").asText()).isEqualTo("Not found");
        ServerFlowTest.assertRawUtf8(notFound.body(), "요청하신 항목을 찾을 수 없습니다.");
        assertProblem(invalid, 400, "/problems/invalid-input");
        assertThat(find(json(invalid).get("errors"), "password").get("message").asText())
                .isEqualTo("8자 이상이어야 합니다.");
        ServerFlowTest.assertRawUtf8(invalid.body(), "8자 이상이어야 합니다.");
    }

    @Test
    void withoutAcceptLanguage_messagesAreEnglish() throws Exception {
        HttpResponse<byte[]> r = client.get("/shelves");

        assertThat(json(r).get("message").asText()).isEqualTo("We could not find what you asked for.");
    }

    static void assertProblem(HttpResponse<byte[]> r, int status, String type) {
        assertThat(r.statusCode()).as("status of %s", new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        ServerFlowTest.assertCommonHeaders(r);
        JsonNode body = json(r);
        assertThat(body.get("type").asText()).isEqualTo(type);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("requestId").asText()).isEqualTo(header(r, "X-Request-Id"));
    }

    static List<org.assertj.core.groups.Tuple> fieldsAndCodes(JsonNode errors) {
        List<org.assertj.core.groups.Tuple> out = new ArrayList<>();
        errors.forEach(e -> out.add(tuple(e.get("field").asText(), e.get("code").asText())));
        return out;
    }

    static JsonNode find(JsonNode errors, String field) {
        for (JsonNode e : errors) {
            if (e.get("field").asText().equals(field)) {
                return e;
            }
        }
        throw new AssertionError("no error for field " + field + " in " + errors);
    }
}
