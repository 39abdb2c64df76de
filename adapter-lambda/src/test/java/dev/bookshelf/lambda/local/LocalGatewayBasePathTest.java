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

/** {@code --base-path}: the local gateway as a custom domain with a base-path mapping, and no BASE_PATH. */
class LocalGatewayBasePathTest {
    private static final Map<String, String> ENV = Map.of("BCRYPT_COST", "4",
            "TOKEN_SECRET", "test-only-secret-0123456789abcdef0123456789");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = {"REST", "HTTP_API"})
    void customDomainMapping_routesWithoutBasePath_andRefusesPathsOutsideIt(FrontDoor door) throws Exception {
        BookshelfHandler handler = BookshelfHandler.forEnvironment(ENV,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        gateway = LocalGateway.start(handler, 0, door, "prod", "/api");

        HttpResponse<String> signup = send(HttpRequest.newBuilder(uri("/api/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"mapped@example.com\","
                        + "\"password\":\"correct horse battery\",\"displayName\":\"독자\"}", StandardCharsets.UTF_8)));
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/api/health")).GET());
        HttpResponse<String> books = send(HttpRequest.newBuilder(uri("/api/books")).GET());
        HttpResponse<String> mappingRoot = send(HttpRequest.newBuilder(uri("/api")).GET());
        HttpResponse<String> outside = send(HttpRequest.newBuilder(uri("/health")).GET());
        HttpResponse<String> lookalike = send(HttpRequest.newBuilder(uri("/apihealth")).GET());

        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);
        assertThat(signup.headers().firstValue("Location")).contains("/api/me");
        assertThat(json(signup).path("displayName").asText()).isEqualTo("독자");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(books.statusCode()).isEqualTo(401);
        assertThat(mappingRoot.statusCode()).isEqualTo(404);
        assertThat(json(mappingRoot).path("detail").asText()).isEqualTo("No route for GET /.");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(lookalike.statusCode()).isEqualTo(403);
    }

    @Test
    void restEventBehindAMapping_carriesTheMappingInThePath_andTheRestInTheProxyParameter() throws IOException {
        ClientRequest books = ClientRequest.of("GET", "/api/books/b%201");

        JsonNode event = MAPPER.readTree(GatewayEvents.rest(books, "prod", "/api"));
        JsonNode root = MAPPER.readTree(GatewayEvents.rest(ClientRequest.of("GET", "/api"), "prod", "/api"));

        assertThat(event.path("path").asText()).isEqualTo("/api/books/b%201");
        assertThat(event.path("resource").asText()).isEqualTo("/{proxy+}");
        assertThat(event.path("pathParameters").path("proxy").asText()).isEqualTo("books/b%201");
        assertThat(event.path("requestContext").path("path").asText()).isEqualTo("/api/books/b%201");
        assertThat(root.path("resource").asText()).isEqualTo("/");
        assertThat(root.path("pathParameters").isNull()).isTrue();
    }

    @Test
    void httpApiEventBehindAMapping_namesTheGreedyRoute_withTheDecodedRest() throws IOException {
        ClientRequest books = ClientRequest.of("GET", "/api/books/b%201");

        JsonNode event = MAPPER.readTree(GatewayEvents.httpApi(books, "prod", "/api"));

        assertThat(event.path("rawPath").asText()).isEqualTo("/api/books/b 1");
        assertThat(event.path("routeKey").asText()).isEqualTo("ANY /{proxy+}");
        assertThat(event.path("pathParameters").path("proxy").asText()).isEqualTo("books/b 1");
    }

    @Test
    void basePathOption_isNormalized_andRefusedWhereNoMappingExists() {
        assertThat(LocalGateway.Options.parse(new String[] {"--base-path", "/api/"}).basePath()).isEqualTo("/api");
        assertThat(LocalGateway.Options.parse(new String[] {"--payload", "2.0", "--base-path", "/v1/shelf"})
                .basePath()).isEqualTo("/v1/shelf");
        assertThatThrownBy(() -> LocalGateway.Options.parse(new String[] {"--base-path", "api"}))
                .hasMessageContaining("/segment");
        assertThatThrownBy(() -> LocalGateway.Options.parse(new String[] {"--kind", "alb", "--base-path", "/api"}))
                .hasMessageContaining("BASE_PATH");
    }

    private URI uri(String target) {
        return URI.create("http://127.0.0.1:" + gateway.port() + target);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }
}
