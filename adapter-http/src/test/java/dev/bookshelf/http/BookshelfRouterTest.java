package dev.bookshelf.http;

import static dev.bookshelf.http.Client.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.api.support.ApiFixture;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link BookshelfRouter} mounted as a sub-router of a Vert.x application, beside the
 * application's own routes: under its mount point the api decides everything (routes, CORS, JSON
 * problems, 404/405, the body limit); outside it, the application's router does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookshelfRouterTest {
    static final String JSON_UTF8 = "application/json; charset=utf-8";
    static final String SIGN_UP = "{\"email\":\"%s\",\"password\":\"correct horse battery\",\"displayName\":\"독자\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Vertx vertx;
    private BookshelfApi api;
    private int port;

    @BeforeAll
    void startApplication() throws Exception {
        vertx = Vertx.vertx();
        Map<String, String> env = ApiFixture.baseEnv();
        env.put("BODY_LIMIT_BYTES", "1024");
        api = BookshelfApi.create(Settings.fromEnv(env), BookshelfRouter.hashingPool(vertx), Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Router app = Router.router(vertx);
        app.get("/hello").handler(ctx -> ctx.end("the application's own route"));
        app.route("/bookshelf/*").subRouter(BookshelfRouter.create(vertx, api));
        Router withBodyHandler = Router.router(vertx);
        app.route("/with-body-handler/*").handler(BodyHandler.create()).subRouter(withBodyHandler);
        withBodyHandler.route("/api/*").subRouter(BookshelfRouter.create(vertx, api));
        HttpServer server = vertx.createHttpServer().requestHandler(app);
        port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
                .actualPort();
    }

    @AfterAll
    void stopApplication() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        api.close();
    }

    private HttpResponse<byte[]> send(String method, String target, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theApplicationsOwnRoutes_stillAnswer_andItsUnknownPathsGetVertxWebs404() throws Exception {
        HttpResponse<byte[]> hello = send("GET", "/hello", null);
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(new String(hello.body(), StandardCharsets.UTF_8)).isEqualTo("the application's own route");

        HttpResponse<byte[]> outside = send("GET", "/health", null);
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(outside.headers().firstValue("X-Request-Id")).isEmpty();
    }

    @Test
    void underTheMountPoint_theApiAnswers_withItsHeaders() throws Exception {
        HttpResponse<byte[]> health = send("GET", "/bookshelf/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValue(JSON_UTF8);
        assertThat(health.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(health.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(json(health.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void signUpThenLogInThenAddABook_throughTheMountPoint_withLocationsUnderIt() throws Exception {
        String email = Client.uniqueEmail("router");
        HttpResponse<byte[]> signUp = send("POST", "/bookshelf/auth/signup", String.format(SIGN_UP, email),
                "Content-Type", "application/json");
        assertThat(signUp.statusCode()).isEqualTo(201);
        assertThat(signUp.headers().firstValue("Location")).hasValue("/bookshelf/me");

        HttpResponse<byte[]> logIn = send("POST", "/bookshelf/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}", "Content-Type", "application/json");
        assertThat(logIn.statusCode()).isEqualTo(200);
        String bearer = "Bearer " + json(logIn.body()).get("token").asText();

        HttpResponse<byte[]> added = send("POST", "/bookshelf/books",
                "{\"title\":\"흰\",\"author\":\"한강\",\"status\":\"READING\"}",
                "Content-Type", "application/json", "Authorization", bearer);
        assertThat(added.statusCode()).isEqualTo(201);
        String id = json(added.body()).get("id").asText();
        assertThat(added.headers().firstValue("Location")).hasValue("/bookshelf/books/" + id);
        assertThat(json(send("GET", "/bookshelf/books/" + id, null, "Authorization", bearer).body())
                .get("title").asText()).isEqualTo("흰");
    }

    @Test
    void notFoundWrongMethodAndTooLarge_areTheApisJsonProblems_notVertxWebs() throws Exception {
        HttpResponse<byte[]> missing = send("GET", "/bookshelf/nothing-here", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue(JSON_UTF8);
        assertThat(json(missing.body()).get("detail").asText()).isEqualTo("No route for GET /nothing-here.");

        HttpResponse<byte[]> wrongMethod = send("DELETE", "/bookshelf/health", null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).isPresent();
        assertThat(json(wrongMethod.body()).get("status").asInt()).isEqualTo(405);

        HttpResponse<byte[]> tooLarge = send("POST", "/bookshelf/auth/signup",
                String.format(SIGN_UP, "big@example.com").replace("독자", "x".repeat(2000)),
                "Content-Type", "application/json");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue(JSON_UTF8);
    }

    @Test
    void corsPreflight_isAnsweredByTheApisPolicy() throws Exception {
        HttpResponse<byte[]> allowed = send("OPTIONS", "/bookshelf/books", null, "Origin", ApiFixture.ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,authorization");
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ApiFixture.ALLOWED_ORIGIN);

        HttpResponse<byte[]> refused = send("OPTIONS", "/bookshelf/books", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theMountPointItself_andAnEscapedSpellingOfIt_reachTheApi() throws Exception {
        assertThat(send("GET", "/bookshelf", null).headers().firstValue("X-Request-Id")).isPresent();
        HttpResponse<byte[]> escaped = send("GET", "/%62ookshelf/health", null);
        assertThat(escaped.statusCode()).isEqualTo(200);
        assertThat(json(escaped.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void behindAnApplicationsBodyHandler_theBodyItReadIsUsed_andTheApisLimitStillHolds() throws Exception {
        HttpResponse<byte[]> signUp = send("POST", "/with-body-handler/api/auth/signup",
                String.format(SIGN_UP, Client.uniqueEmail("body-handler")), "Content-Type", "application/json");
        assertThat(signUp.statusCode()).isEqualTo(201);
        assertThat(signUp.headers().firstValue("Location")).hasValue("/with-body-handler/api/me");

        HttpResponse<byte[]> tooLarge = send("POST", "/with-body-handler/api/auth/signup",
                String.format(SIGN_UP, "big2@example.com").replace("독자", "x".repeat(2000)),
                "Content-Type", "application/json");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    @Test
    void apiPath_isWhatFollowsTheMountPoint_stillEncoded() {
        assertThat(BookshelfRouter.apiPath("/bookshelf/books/a%2Fb", "/bookshelf/books/a%2Fb", "/bookshelf"))
                .isEqualTo("/books/a%2Fb");
        assertThat(BookshelfRouter.apiPath("/bookshelf", "/bookshelf", "/bookshelf")).isEqualTo("/");
        assertThat(BookshelfRouter.apiPath("/%62ookshelf/health", "/bookshelf/health", "/bookshelf")).isEqualTo("/health");
        assertThat(BookshelfRouter.apiPath("/books", "/books", "")).isEqualTo("/books");
        assertThat(BookshelfRouter.apiPath(null, "/", "")).isEqualTo("/");
    }
}
