package dev.bookshelf.api.hostile;

import static dev.bookshelf.api.hostile.Hostile.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoded paths and methods an attacker might send, through the dispatcher. Paths are never
 * normalized: {@code /books/../me} is not {@code /me}. Transports decode exactly once, so a
 * double-encoded {@code %252e} reaches the dispatcher as the literal {@code %2e}.
 */
class HostilePathAndMethodTest {
    private final ApiFixture fx = ApiFixture.start();
    private final String token = fx.newReaderToken();

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/books/../me", "/books/./../me", "/../me", "/./me", "/me/.", "/me/..", "//me", "/me/",
        "/ME", "/books/%2e%2e/me", "/%2e%2e/me", "/%2e%2e%2fme", "/books/..%2fme", "/books/..\\me", "\\me",
        "/me\u0000", "/\u0000/me", "/me;jsessionid=1", "/me%00", "me", "", "/books/x/y", "/books//", "/health/..",
        "/\u2215me", "/\uff0fme"})
    void traversalAndLookalikePaths_neverReachAnotherRoute(String path) {
        Answer answer = fx.get(path).bearer(token).send();

        JsonNode problem = assertProblem(answer, 400, 404);
        assertThat(problem.has("email")).isFalse();
        assertThat(answer.text()).doesNotContain("\"displayName\"");
    }

    @Test
    void dotDotAsABookId_isJustAnUnknownBook() {
        String id = fx.addBook(token, "Dune", "READ");

        assertProblem(fx.get("/books/..").bearer(token).send(), 404);
        assertProblem(fx.delete("/books/..").bearer(token).send(), 404);
        assertProblem(fx.delete("/books/" + id + "/..").bearer(token).send(), 404);
        assertThat(fx.get("/books/" + id).bearer(token).send().status()).isEqualTo(200);
    }

    @Test
    void veryLongPath_isAnsweredWithoutEchoingMoreThanItWasSent() {
        String path = "/books/" + "a".repeat(100_000);

        Answer answer = fx.get(path).bearer(token).send();

        assertProblem(answer, 404);
        assertThat(answer.bytes().length).isLessThan(path.length() + 2_000);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PROPFIND, /books, 405", "TRACE, /health, 405", "TRACE, /me, 405", "CONNECT, /books, 405",
        "TRACK, /books, 405", "DEBUG, /books, 405", "PUT, /books, 405", "get, /health, 405", "'G E T', /health, 405",
        "'', /health, 405", "PROPFIND, /nowhere, 404", "MKCOL, /books/x, 405"})
    void unknownAndForbiddenMethods_answer405WithAllowOr404(String method, String path, int status) {
        Answer answer = fx.request(method, path).bearer(token).send();

        assertProblem(answer, status);
        if (status == 405) {
            assertThat(answer.header("Allow")).doesNotContain("TRACE", "PROPFIND", "CONNECT", "PUT");
        }
    }

    @Test
    void methodOfAThousandLetters_answers405() {
        assertProblem(fx.request("X".repeat(1000), "/books").send(), 405);
    }

    @Test
    void traceNeverEchoesTheRequest() {
        Answer answer = fx.request("TRACE", "/health").bearer(token).header("Cookie", "secret=1").send();

        assertProblem(answer, 405);
        assertThat(answer.text()).doesNotContain(token, "secret=1", "Cookie");
    }

    @Test
    void afterAllOfThat_theServiceStillAnswers() {
        traversalAndLookalikePaths_neverReachAnotherRoute("/books/../me");
        unknownAndForbiddenMethods_answer405WithAllowOr404("PROPFIND", "/books", 405);

        assertThat(fx.get("/me").bearer(token).send().status()).isEqualTo(200);
        assertThat(fx.get("/health").send().status()).isEqualTo(200);
    }
}
