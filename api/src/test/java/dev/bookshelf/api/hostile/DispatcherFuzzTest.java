package dev.bookshelf.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing the JSON request decoding through the dispatcher: whatever the body and content type,
 * the answer is one of the route's contract statuses, a problem when it is a refusal, never a
 * 500, and never an ERROR log line. Tries: {@code fuzz.tries} (500 in the build; see load/README.md).
 */
class DispatcherFuzzTest {
    private static final List<String> SIGN_UP_KEYS = List.of("email", "password", "displayName");
    private static final List<String> BOOK_KEYS = List.of("title", "author", "isbn", "status", "rating", "note");

    private final ApiFixture fx = ApiFixture.start();
    private final String token = fx.newReaderToken();

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(2, Arbitraries.of("application/json; charset=utf-8", "application/problem+json",
                        "text/plain", "application/json; charset=iso-8859-1", "", "application/x-www-form-urlencoded")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
    }

    @Provide
    Arbitrary<byte[]> signUpBodies() {
        Arbitrary<String> email = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20)
                        .map(local -> local + "@example.com")),
                Tuple.of(1, Arbitraries.of("fuzz@example.com", " FUZZ@example.com ", "not-an-email", "", "a@b")),
                Tuple.of(1, Jsonish.anyText(80)));
        Arbitrary<String> password = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ascii().ofMinLength(8).ofMaxLength(64)),
                Tuple.of(1, Jsonish.anyText(140)));
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(50)),
                Tuple.of(1, Jsonish.anyText(60)));
        Arbitrary<byte[]> nearlyValid = Combinators.combine(email, password, name).as((e, p, n) ->
                utf8("{\"email\":" + Jsonish.quote(e) + ",\"password\":" + Jsonish.quote(p) + ",\"displayName\":"
                        + Jsonish.quote(n) + "}"));
        return Arbitraries.frequencyOf(Tuple.of(4, nearlyValid), Tuple.of(5, Jsonish.bodies(SIGN_UP_KEYS)),
                Tuple.of(1, oversized()));
    }

    @Provide
    Arbitrary<byte[]> addBookBodies() {
        return bookBodies(true);
    }

    @Provide
    Arbitrary<byte[]> patchBookBodies() {
        return bookBodies(false);
    }

    /** Near-valid book bodies (with every required field when {@code complete}), JSON-ish ones, oversized ones. */
    private static Arbitrary<byte[]> bookBodies(boolean complete) {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().withChars(' ').ofMinLength(1).ofMaxLength(40)),
                Tuple.of(1, Jsonish.anyText(220)));
        Arbitrary<String> status = Arbitraries.of("\"WANT_TO_READ\"", "\"READING\"", "\"READ\"", "\"READ\"", "\"read\"",
                "null", "3");
        Arbitrary<String> rating = Arbitraries.of("1", "3", "5", "0", "6", "-1", "null", "\"4\"", "4.5");
        Arbitrary<String> isbn = Arbitraries.of("null", "\"0306406152\"", "\"978-0-306-40615-7\"", "\"0306406153\"",
                "\"x\"");
        Arbitrary<String> nearlyValid = Combinators.combine(text, text, status, rating, isbn, text).as((t, a, st, r, i, n) ->
                        List.of("\"title\":" + Jsonish.quote(t), "\"author\":" + Jsonish.quote(a), "\"status\":" + st,
                                "\"rating\":" + r, "\"isbn\":" + i, "\"note\":" + Jsonish.quote(n)))
                .flatMap(m -> (complete ? Arbitraries.subsetOf(m.subList(3, 6)).map(optional -> {
                    List<String> all = new java.util.ArrayList<>(m.subList(0, 3));
                    all.addAll(optional);
                    return all;
                }) : Arbitraries.subsetOf(m).map(List::copyOf)))
                .map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(Tuple.of(4, nearlyValid.map(DispatcherFuzzTest::utf8)),
                Tuple.of(5, Jsonish.bodies(BOOK_KEYS)), Tuple.of(1, oversized()));
    }

    /** Bodies around the 64 KiB limit. */
    private static Arbitrary<byte[]> oversized() {
        return Arbitraries.integers().between(60_000, 70_000)
                .map(n -> utf8("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\",\"note\":\"" + "n".repeat(n) + "\"}"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Property
    void signUp_answersOnlyContractStatuses_neverA500(@ForAll("signUpBodies") byte[] body,
                                                      @ForAll("contentTypes") String contentType) {
        Answer answer = fx.post("/auth/signup").header("Content-Type", contentType).body(body).send();

        assertContract(answer, Set.of(201, 400, 409, 413, 415));
        if (answer.status() == 201) {
            assertThat(answer.json().path("id").asText()).isNotBlank();
        }
    }

    @Property
    void addBook_answersOnlyContractStatuses_neverA500(@ForAll("addBookBodies") byte[] body,
                                                       @ForAll("contentTypes") String contentType) {
        Answer answer = fx.post("/books").bearer(token).header("Content-Type", contentType).body(body).send();

        assertContract(answer, Set.of(201, 400, 413, 415));
        if (answer.status() == 201) {
            String id = answer.json().path("id").asText();
            assertThat(fx.get("/books/" + id).bearer(token).send().status()).isEqualTo(200);
            assertThat(fx.delete("/books/" + id).bearer(token).send().status()).isEqualTo(204);
        }
    }

    @Property
    void patchBook_answersOnlyContractStatuses_neverA500(@ForAll("patchBookBodies") byte[] body,
                                                         @ForAll("contentTypes") String contentType) {
        String id = fx.addBook(token, "Dune", "READING");

        Answer answer = fx.patch("/books/" + id).bearer(token).ifMatch("\"1\"").header("Content-Type", contentType)
                .body(body).send();

        assertContract(answer, Set.of(200, 400, 413, 415));
        Answer after = fx.get("/books/" + id).bearer(token).send();
        assertThat(after.header("ETag")).isEqualTo(answer.status() == 200 ? "\"2\"" : "\"1\"");
        assertThat(fx.delete("/books/" + id).bearer(token).send().status()).isEqualTo(204);
    }

    @AfterProperty
    void noUnexpectedFailureWasLogged() {
        assertThat(fx.log()).doesNotContain("\"level\":\"ERROR\"");
        fx.clearLog();
    }

    private static void assertContract(Answer answer, Set<Integer> statuses) {
        Statistics.label("status").collect(answer.status());
        assertThat(answer.status()).as("%s", answer).isIn(statuses);
        assertThat(answer.header("Content-Type")).isEqualTo(Answer.JSON_TYPE);
        JsonNode body = answer.json();
        assertThat(body.isObject()).isTrue();
        if (answer.status() >= 400) {
            assertThat(body.path("status").asInt()).isEqualTo(answer.status());
            assertThat(body.path("type").asText()).startsWith("/problems/");
            Hostile.assertNoInternals(answer.text());
        }
    }
}
