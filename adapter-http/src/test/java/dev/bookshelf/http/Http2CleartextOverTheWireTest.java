package dev.bookshelf.http;

import static dev.bookshelf.http.Client.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that prefers HTTP/2 upgrades to h2c, and gets the same answers as over HTTP/1.1. */
class Http2CleartextOverTheWireTest {
    static TestServer server;
    static HttpClient h2;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("BODY_LIMIT_BYTES", "1024");
        h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return h2.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String signUpJson(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + Client.PASSWORD + "\",\"displayName\":\"한강\"}";
    }

    @Test
    void signUpAndProblems_overH2c_answerLikeHttp11_withRawUtf8() throws Exception {
        HttpResponse<byte[]> signUp = send(HttpRequest.newBuilder(server.uri("/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(signUpJson(Client.uniqueEmail("h2")))));
        HttpResponse<byte[]> wrongMethod = send(HttpRequest.newBuilder(server.uri("/health"))
                .header("Origin", TestServer.ORIGIN).DELETE());

        assertThat(signUp.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(signUp.statusCode()).isEqualTo(201);
        ServerFlowTest.assertCommonHeaders(signUp);
        assertThat(Client.header(signUp, "Location")).isEqualTo("/me");
        ServerFlowTest.assertRawUtf8(signUp.body(), "한강");
        assertThat(wrongMethod.version()).isEqualTo(HttpClient.Version.HTTP_2);
        ErrorsOverTheWireTest.assertProblem(wrongMethod, 405, "/problems/method-not-allowed");
        assertThat(Client.header(wrongMethod, "Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(Client.header(wrongMethod, "Access-Control-Allow-Origin")).isEqualTo(TestServer.ORIGIN);
    }

    @Test
    void bodyOverTheLimit_overH2c_answers413_andTheConnectionKeepsServing() throws Exception {
        byte[] big = new byte[5 * 1024];
        Arrays.fill(big, (byte) ' ');
        byte[] json = signUpJson(Client.uniqueEmail("h2-big")).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(json, 0, big, 0, json.length);

        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(server.uri("/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));

        ErrorsOverTheWireTest.assertProblem(r, 413, "/problems/payload-too-large");
        HttpResponse<byte[]> health = send(HttpRequest.newBuilder(server.uri("/health")));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void expectContinue_overH2c_withinTheLimit_getsContinueThenTheAnswer() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(server.uri("/auth/signup"))
                .header("Content-Type", "application/json").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(signUpJson(Client.uniqueEmail("h2-continue")))));

        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(201);
    }

    /**
     * With Vert.x's client: the JDK 17 client waits forever over HTTP/2 when an
     * {@code Expect: 100-continue} request gets a final answer instead of 100.
     */
    @Test
    void expectContinue_overH2_withAnAnnouncedBodyOverTheLimit_answers413WithoutTheBody() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            io.vertx.core.http.HttpClient h2Client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
            RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                    .setPort(server.port()).setURI("/auth/signup")
                    .putHeader("Content-Type", "application/json").putHeader("Content-Length", "5120")
                    .putHeader("Expect", "100-continue");
            CompletableFuture<Boolean> continued = new CompletableFuture<>();
            HttpClientResponse[] response = new HttpClientResponse[1];
            HttpClientRequest[] request = new HttpClientRequest[1];
            Future<String> answer = h2Client.request(post).compose(req -> {
                request[0] = req;
                req.exceptionHandler(e -> { });
                req.continueHandler(v -> continued.complete(true));
                return req.writeHead().compose(v -> req.response());
            }).compose(r -> {
                response[0] = r;
                return r.body();
            }).map(b -> b.toString(StandardCharsets.UTF_8));
            String body = answer.toCompletionStage().toCompletableFuture().get(TestServer.WAIT_SECONDS, TimeUnit.SECONDS);
            request[0].reset();

            assertThat(response[0].version()).isEqualTo(HttpVersion.HTTP_2);
            assertThat(response[0].statusCode()).isEqualTo(413);
            assertThat(body).contains("/problems/payload-too-large");
            assertThat(continued).as("no 100 Continue for a body that would be refused").isNotDone();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(TestServer.WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(send(HttpRequest.newBuilder(server.uri("/health"))).statusCode()).isEqualTo(200);
    }
}
