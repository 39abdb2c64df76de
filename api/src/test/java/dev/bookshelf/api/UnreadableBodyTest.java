package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.core.shared.FieldError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body unreadable in transit is judged where bodies are: after routing and authentication. */
class UnreadableBodyTest {
    private static final ApiProblem UNREADABLE = ApiProblem.invalid("The body is marked as base64 but is not.",
            FieldError.of("body", FieldError.Code.INVALID_FORMAT));

    private final ApiFixture fx = ApiFixture.start();

    private ApiResponse dispatch(String method, String path, String token) {
        var req = fx.request(method, path);
        if (token != null) {
            req = req.bearer(token);
        }
        return fx.api().dispatcher().dispatch(req.build(), UNREADABLE).toCompletableFuture().join();
    }

    @Test
    void onAJsonRoute_answers400NamingTheBody() {
        ApiResponse answer = dispatch("POST", "/auth/signup", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(new String(answer.bodyUnsafe(), StandardCharsets.UTF_8)).contains("\"field\":\"body\"");
    }

    @Test
    void onARouteWithoutBody_isIgnored() {
        assertThat(dispatch("GET", "/health", null).status()).isEqualTo(200);
    }

    @Test
    void onAnUnknownPath_is404() {
        assertThat(dispatch("POST", "/my/path", null).status()).isEqualTo(404);
    }

    @Test
    void onAnAuthenticatedRoute_withoutToken_is401First() {
        assertThat(dispatch("POST", "/books", null).status()).isEqualTo(401);
        assertThat(dispatch("POST", "/books", fx.newReaderToken()).status()).isEqualTo(400);
    }
}
