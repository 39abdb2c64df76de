package dev.bookshelf.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.lambda.BookshelfHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The local gateway over loopback: real HTTP in, the event AWS would send, the handler's answer out. */
class LocalGatewayTest {
    private static final String ORIGIN = "http://localhost:5173";
    private static final Map<String, String> ENV = Map.of("BCRYPT_COST", "4",
            "TOKEN_SECRET", "test-only-secret-0123456789abcdef0123456789",
            "CORS_ALLOWED_ORIGINS", ORIGIN);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalGateway gateway;

    private LocalGateway start(FrontDoor door) throws IOException {
        BookshelfHandler handler = BookshelfHandler.forEnvironment(ENV,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        gateway = LocalGateway.start(handler, 0, door, door.defaultStage());
        return gateway;
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void readingLog_overLoopback_signUpLogInAddAKoreanTitleAndList(FrontDoor door) throws Exception {
        start(door);

        HttpResponse<String> signup = send(post("/auth/signup", "{\"email\":\"local@example.com\","
                + "\"password\":\"correct horse battery\",\"displayName\":\"독자\"}"));
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);
        assertThat(signup.headers().firstValue("Location")).contains("/me");
        assertThat(json(signup).path("displayName").asText()).isEqualTo("독자");

        HttpResponse<String> login = send(post("/auth/login",
                "{\"email\":\"local@example.com\",\"password\":\"correct horse battery\"}"));
        assertThat(login.statusCode()).isEqualTo(200);
        String token = json(login).path("token").asText();

        HttpResponse<String> added = send(request("/books").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"작별하지 않는다\",\"author\":\"한강\","
                        + "\"status\":\"READING\"}", StandardCharsets.UTF_8)));
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.headers().firstValue("ETag")).contains("\"1\"");

        HttpResponse<String> listed = send(request("/books?status=READING").header("Authorization", "Bearer " + token)
                .header("Origin", ORIGIN).GET());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(json(listed).path("items").get(0).path("title").asText()).isEqualTo("작별하지 않는다");
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = {"REST", "HTTP_API"})
    void corsPreflight_overLoopback_answers204WithTheAllowedMethodsAndHeaders(FrontDoor door) throws Exception {
        start(door);

        HttpResponse<String> preflight = send(request("/books/0b5e4f5e-1d2c-4a57-9a43-5b7f1e2d3c4b").header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.body()).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PATCH");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization", "if-match");
    }

    @Test
    void httpApiRefusesAPathItCannotDecode_beforeInvokingTheFunction() throws Exception {
        start(FrontDoor.HTTP_API);

        HttpResponse<String> response = send(request("/books/%FF").GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Bad Request\"}");
    }

    @Test
    void unknownPath_isTheApisProblem_headRequestHasNoBody() throws Exception {
        start(FrontDoor.REST);

        HttpResponse<String> missing = send(request("/nowhere").header("Accept-Language", "ko").GET());
        HttpResponse<String> head = send(request("/health").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("message").asText()).isEqualTo("요청하신 항목을 찾을 수 없습니다.");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void options_payloadAndKindAndStage() {
        assertThat(LocalGateway.Options.parse(new String[0]))
                .isEqualTo(new LocalGateway.Options(3000, FrontDoor.REST, "local", ""));
        assertThat(LocalGateway.Options.parse(new String[] {"--port", "0", "--payload", "2.0"}))
                .isEqualTo(new LocalGateway.Options(0, FrontDoor.HTTP_API, "$default", ""));
        assertThat(LocalGateway.Options.parse(new String[] {"--kind", "alb-multi-value", "--stage", "x"}))
                .isEqualTo(new LocalGateway.Options(3000, FrontDoor.ALB_MULTI_VALUE, "x", ""));
        assertThatThrownBy(() -> LocalGateway.Options.parse(new String[] {"--payload", "3.0"}))
                .hasMessageContaining("1.0 or 2.0");
        assertThatThrownBy(() -> LocalGateway.Options.parse(new String[] {"--port"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> LocalGateway.Options.parse(new String[] {"--kind", "soap"}))
                .hasMessageContaining("--kind");
    }

    private HttpRequest.Builder request(String target) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + target))
                .timeout(Duration.ofSeconds(20));
    }

    private HttpRequest.Builder post(String target, String json) {
        return request(target).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }
}
