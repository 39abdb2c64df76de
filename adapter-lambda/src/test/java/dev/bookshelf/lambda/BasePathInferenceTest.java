package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.ENV;
import static dev.bookshelf.lambda.Invocations.fixture;
import static dev.bookshelf.lambda.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The base path inferred from the event itself: custom-domain mappings need no BASE_PATH. */
class BasePathInferenceTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private BookshelfHandler handler(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("CORS_ALLOWED_ORIGINS", "http://localhost:5173");
        env.putAll(extra);
        return BookshelfHandler.forEnvironment(env, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void customDomainRestEvent_withResourceHealth_answersHealthWithoutBasePath() {
        ProxyResponse response = invoke(handler(Map.of()), fixture("custom-domain-resource.json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyJson().get("status").textValue()).isEqualTo("UP");
        assertThat(response.header("Access-Control-Allow-Origin")).containsExactly("http://localhost:5173");
        assertThat(response.header("Content-Type")).containsExactly("application/json; charset=utf-8");
    }

    @Test
    void customDomainRestEvent_withGreedyProxyResource_routesToBooksWithoutBasePath() {
        ProxyResponse response = invoke(handler(Map.of()), fixture("custom-domain-proxy.json"));

        // GET /books exists and needs a token: 401, not the 404 of an unknown /api/books.
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyJson().get("type").textValue()).isEqualTo("/problems/unauthenticated");
    }

    @Test
    void explicitBasePath_andInferredMapping_stripOnlyOnce() {
        BookshelfHandler mapped = handler(Map.of("BASE_PATH", "/api"));

        assertThat(invoke(mapped, fixture("custom-domain-resource.json")).status()).isEqualTo(200);
        assertThat(invoke(mapped, fixture("custom-domain-proxy.json")).status()).isEqualTo(401);
        // "/api/api/health" would be stripped twice to "/health" if both applied: it must stay unknown.
        String twice = fixture("custom-domain-resource.json").replace("\"path\": \"/api/health\"",
                "\"path\": \"/api/api/health\"").replace("\"resource\": \"/health\"", "\"resource\": \"/api/health\"");
        assertThat(invoke(mapped, twice).status()).isEqualTo(404);
    }

    @Test
    void locationOfACreatedAccount_staysUnderTheInferredMapping_andUnderBasePathWhenConfigured() {
        String signup = fixture("signup.json").replace("\"path\": \"/auth/signup\"", "\"path\": \"/api/auth/signup\"");
        assertThat(signup).contains("/api/auth/signup");

        ProxyResponse inferred = invoke(handler(Map.of()), signup.replace("\"resource\": \"/{proxy+}\"",
                "\"resource\": \"/auth/signup\""));
        ProxyResponse configured = invoke(handler(Map.of("BASE_PATH", "/api")), signup);
        ProxyResponse direct = invoke(handler(Map.of()), fixture("signup.json"));

        assertThat(inferred.status()).isEqualTo(201);
        assertThat(inferred.header("Location")).containsExactly("/api/me");
        assertThat(configured.header("Location")).containsExactly("/api/me");
        assertThat(direct.header("Location")).containsExactly("/me");
    }

    @Test
    void locationThatIsNotAnApiPath_isLeftAsItIs() {
        dev.bookshelf.api.http.ApiResponse absolute = new dev.bookshelf.api.http.ApiResponse(201,
                dev.bookshelf.api.http.Headers.builder().set("Location", "https://elsewhere.example/x").build(), null);

        assertThat(absolute.withLocationUnder("/api").headers().first("Location"))
                .contains("https://elsewhere.example/x");
        assertThat(absolute.withLocationUnder("").headers()).isSameAs(absolute.headers());
    }

    @Test
    void resourceThatDisagreesWithThePath_routesThePathAsItIs_andLogsOnce() {
        BookshelfHandler handler = handler(Map.of());
        String lying = fixture("custom-domain-resource.json").replace("\"resource\": \"/health\"",
                "\"resource\": \"/books/{id}\"");

        ProxyResponse first = invoke(handler, lying);
        ProxyResponse second = invoke(handler, lying);

        first.bodyJson();
        assertThat(first.status()).isEqualTo(404);
        assertThat(second.status()).isEqualTo(404);
        assertThat(logged().split("does not match the end of its path", -1)).hasSize(2);
        assertThat(logged()).contains("/books/{id}");
    }

    @Test
    void trailingSlash_isKeptAfterTheInferredMapping_asTheServerWouldSeeIt() {
        String slash = fixture("custom-domain-resource.json").replace("\"path\": \"/api/health\"",
                "\"path\": \"/api/health/\"");
        String plain = fixture("health.json").replace("\"path\": \"/health\"", "\"path\": \"/health/\"");

        BookshelfHandler handler = handler(Map.of());
        assertThat(invoke(handler, slash).status()).isEqualTo(invoke(handler, plain).status());
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/health            | /health               | /health",
            "/health                | /health               | /health",
            "/v1/shelf/books/b-1    | /books/b-1            | /books/b-1",
            "/api                   | /                     | /",
            "/api/                  | /                     | /",
            "/                      | /                     | /",
            "/api/health/           | /health               | /health/",
            "/api/xhealth           | /health               | ",
            "/api/books/b-1         | /books/b-2            | ",
            "/apihealth             | /health               | "})
    void relative_isThePathFromWhereTheRenderedResourceBegins(String path, String rendered, String expected) {
        assertThat(BasePathInference.relative(path, path, rendered)).isEqualTo(expected);
    }

    @Test
    void relative_comparesWithTheRawPath_whenParametersArriveEncoded() {
        assertThat(BasePathInference.relative("/api/books/a b", "/api/books/a%20b", "/books/a%20b"))
                .isEqualTo("/books/a b");
        assertThat(BasePathInference.relative("/api/books/a b", "/api/books/a%20b", "/books/a b"))
                .isEqualTo("/books/a b");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/{proxy+}          | /books/b-1",
            "/books/{id}        | /books/b-1",
            "/health            | /health"})
    void render_fillsTheTemplateWithThePathParameters(String template, String expected) {
        Map<String, String> params = template.contains("proxy") ? Map.of("proxy", "books/b-1") : Map.of("id", "b-1");
        assertThat(BasePathInference.render(template, params, false)).isEqualTo(expected);
    }

    @Test
    void render_ofAGreedyValueWithALeadingSlash_keepsItOrDropsIt_andAMissingParameterRendersNothing() {
        assertThat(BasePathInference.render("/{proxy+}", Map.of("proxy", "/path/to/resource"), true))
                .isEqualTo("/path/to/resource");
        assertThat(BasePathInference.render("/{proxy+}", Map.of("proxy", "/books"), false)).isEqualTo("//books");
        assertThat(BasePathInference.render("/books/{id}", Map.of(), false)).isNull();
        assertThat(BasePathInference.render("/books/{id}", null, false)).isNull();
    }
}
