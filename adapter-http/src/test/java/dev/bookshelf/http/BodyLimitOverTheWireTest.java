package dev.bookshelf.http;

import static dev.bookshelf.http.Client.json;
import static dev.bookshelf.http.ErrorsOverTheWireTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request bodies on the wire: the BODY_LIMIT_BYTES cap, chunked bodies, and 100-continue. */
class BodyLimitOverTheWireTest {
    static final int LIMIT = 1024;

    static TestServer server;
    static Client client;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("BODY_LIMIT_BYTES", Integer.toString(LIMIT));
        client = server.client();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A sign-up body of exactly {@code size} bytes: valid JSON padded with spaces. */
    static byte[] signUpBody(String email, int size) {
        byte[] json = ("{\"email\":\"" + email + "\",\"password\":\"" + Client.PASSWORD + "\",\"displayName\":\"한강\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, size);
        Arrays.fill(padded, json.length, size, (byte) ' ');
        return padded;
    }

    @Test
    void bodyExactlyAtTheLimit_isAccepted() throws Exception {
        HttpResponse<byte[]> r = client.send("POST", "/auth/signup", signUpBody(Client.uniqueEmail("at-limit"), LIMIT),
                "Content-Type", "application/json");

        assertThat(r.statusCode()).isEqualTo(201);
    }

    @Test
    void bodyOneByteOverTheLimit_withContentLength_answers413_andTheServerKeepsServing() throws Exception {
        String email = Client.uniqueEmail("over");

        HttpResponse<byte[]> r = client.send("POST", "/auth/signup", signUpBody(email, LIMIT + 1),
                "Content-Type", "application/json");

        assertProblem(r, 413, "/problems/payload-too-large");
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        assertThat(client.signUp(email, "After").statusCode()).as("the refused sign-up created nothing").isEqualTo(201);
    }

    @Test
    void bodyFarOverTheLimit_answers413WithoutBreakingTheConnection() throws Exception {
        byte[] huge = new byte[2 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');

        HttpResponse<byte[]> r = client.send("POST", "/auth/signup", huge, "Content-Type", "application/json");

        assertProblem(r, 413, "/problems/payload-too-large");
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void chunkedBodyOverTheLimit_answers413_andTheSameConnectionKeepsServing() throws Exception {
        byte[] body = signUpBody(Client.uniqueEmail("chunked-over"), 3 * 600);
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("POST /auth/signup HTTP/1.1", "Content-Type: application/json", "Transfer-Encoding: chunked");
            for (int i = 0; i < 3; i++) {
                raw.chunk(Arrays.copyOfRange(body, i * 600, (i + 1) * 600));
            }
            raw.lastChunk();
            RawHttp.Response r = raw.read();

            assertThat(r.status()).isEqualTo(413);
            assertThat(json(r.body()).get("type").asText()).isEqualTo("/problems/payload-too-large");
            raw.head("GET /health HTTP/1.1");
            assertThat(raw.read().status()).isEqualTo(200);
        }
    }

    @Test
    void chunkedBodyFromTheHttpClient_overTheLimit_answers413() throws Exception {
        byte[] body = signUpBody(Client.uniqueEmail("stream"), 4 * LIMIT);

        HttpResponse<byte[]> r = client.send("POST", "/auth/signup",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                "Content-Type", "application/json");

        assertProblem(r, 413, "/problems/payload-too-large");
    }

    @Test
    void chunkedBodySplitInsideAKoreanCharacter_isReassembledByteForByte() throws Exception {
        String email = Client.uniqueEmail("split");
        byte[] body = ("{\"email\":\"" + email + "\",\"password\":\"" + Client.PASSWORD + "\",\"displayName\":\"한강\"}")
                .getBytes(StandardCharsets.UTF_8);
        int insideHan = Bytes.indexOf(body, "한".getBytes(StandardCharsets.UTF_8)) + 1;
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("POST /auth/signup HTTP/1.1", "Content-Type: application/json", "Transfer-Encoding: chunked");
            raw.chunk(Arrays.copyOfRange(body, 0, insideHan));
            raw.chunk(Arrays.copyOfRange(body, insideHan, insideHan + 2));
            raw.chunk(Arrays.copyOfRange(body, insideHan + 2, body.length));
            raw.lastChunk();
            RawHttp.Response r = raw.read();

            assertThat(r.status()).isEqualTo(201);
            assertThat(json(r.body()).get("displayName").asText()).isEqualTo("한강");
            ServerFlowTest.assertRawUtf8(r.raw(), "한강");
        }
    }

    @Test
    void expect100Continue_withABodyWithinTheLimit_getsContinueThenTheAnswer() throws Exception {
        byte[] body = signUpBody(Client.uniqueEmail("continue"), 300);
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("POST /auth/signup HTTP/1.1", "Content-Type: application/json",
                    "Content-Length: " + body.length, "Expect: 100-continue");
            RawHttp.Response interim = raw.read();
            raw.write(body);
            RawHttp.Response answer = raw.read();

            assertThat(interim.status()).isEqualTo(100);
            assertThat(answer.status()).isEqualTo(201);
        }
    }

    @Test
    void expect100Continue_withAnAnnouncedBodyOverTheLimit_answers413AtOnce_andClosesTheConnection()
            throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("POST /auth/signup HTTP/1.1", "Content-Type: application/json",
                    "Content-Length: " + (50 * LIMIT), "Expect: 100-continue");
            RawHttp.Response r = raw.read();

            assertThat(r.status()).as("a final answer instead of 100 Continue").isEqualTo(413);
            assertThat(json(r.body()).get("type").asText()).isEqualTo("/problems/payload-too-large");
            assertThat(r.header("Connection")).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("close"));
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void httpClientThatWaitsFor100Continue_getsItsAnswer() throws Exception {
        HttpClient waiting = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(server.uri("/auth/signup"))
                .timeout(Duration.ofSeconds(20))
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signUpBody(Client.uniqueEmail("waits"), 500)))
                .build();

        HttpResponse<byte[]> r = waiting.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(201);
    }
}
