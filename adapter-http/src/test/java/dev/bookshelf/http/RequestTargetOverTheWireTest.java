package dev.bookshelf.http;

import static dev.bookshelf.http.Client.json;
import static dev.bookshelf.http.ErrorsOverTheWireTest.assertProblem;
import static dev.bookshelf.http.ErrorsOverTheWireTest.fieldsAndCodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** How the raw request target (path, query, method HEAD) reaches the dispatcher. */
class RequestTargetOverTheWireTest extends OverTheWire {
    static final String BOOK = "{\"title\":\"채식주의자\",\"author\":\"한강\",\"status\":\"READ\"}";




    @Test
    void percentEncodedKoreanIdSegment_isDecodedAsUtf8_andAnswers404Problem() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("encoded"));

        HttpResponse<byte[]> r = client.get("/books/%ED%95%9C", "Authorization", bearer);

        assertProblem(r, 404, "/problems/not-found");
    }

    @Test
    void percentEncodedUnknownPath_isDecodedOnce_andNamedRawInTheProblem() throws Exception {
        HttpResponse<byte[]> r = client.get("/%ED%95%9C%EA%B8%80%2541");

        assertProblem(r, 404, "/problems/not-found");
        assertThat(json(r).get("detail").asText()).contains("/한글%41");
        ServerFlowTest.assertRawUtf8(r.body(), "/한글%41");
    }

    @Test
    void percentEncodedCharactersOfARealId_reachTheBook() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("escaped-id"));
        String id = client.addBook(bearer, BOOK);

        HttpResponse<byte[]> r = client.get("/books/" + id.replace("-", "%2D"), "Authorization", bearer);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("id").asText()).isEqualTo(id);
    }

    @Test
    void malformedPercentEscapeInThePath_answers400ProblemNamingThePath() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("GET /books/%zz HTTP/1.1");
            RawHttp.Response r = raw.read();

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains(ServerFlowTest.JSON_UTF8);
            assertThat(json(r.body()).get("type").asText()).isEqualTo("/problems/invalid-input");
            assertThat(fieldsAndCodes(json(r.body()).get("errors"))).containsExactly(tuple("path", "INVALID_FORMAT"));
            assertThat(json(r.body()).get("requestId").asText()).isEqualTo(r.header("X-Request-Id").orElseThrow());

            raw.head("GET /health HTTP/1.1");
            assertThat(raw.read().status()).as("the connection keeps serving").isEqualTo(200);
        }
    }

    @Test
    void malformedPercentEscapeInTheQuery_answers400ProblemNamingTheQuery() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("GET /health?x=%G1 HTTP/1.1");
            RawHttp.Response r = raw.read();

            assertThat(r.status()).isEqualTo(400);
            assertThat(fieldsAndCodes(json(r.body()).get("errors"))).containsExactly(tuple("query", "INVALID_FORMAT"));
        }
    }

    @Test
    void percentEncodedQueryValue_isDecodedBeforeFiltering() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("query"));
        client.addBook(bearer, BOOK);

        HttpResponse<byte[]> r = client.get("/books?status=%52EAD", "Authorization", bearer);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("items")).hasSize(1);
    }

    @Test
    void repeatedSingleValuedQueryKeys_answer400ForEachKey() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("repeated"));

        HttpResponse<byte[]> status = client.get("/books?status=READ&status=READING", "Authorization", bearer);
        HttpResponse<byte[]> limit = client.get("/books?limit=1&limit=2", "Authorization", bearer);

        assertProblem(status, 400, "/problems/invalid-input");
        assertThat(fieldsAndCodes(json(status).get("errors"))).containsExactly(tuple("status", "INVALID_FORMAT"));
        assertProblem(limit, 400, "/problems/invalid-input");
        assertThat(fieldsAndCodes(json(limit).get("errors"))).containsExactly(tuple("limit", "INVALID_FORMAT"));
    }

    @Test
    void trailingSlash_isADifferentPath_andAnswers404Problem() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("slash"));

        assertProblem(client.get("/health/"), 404, "/problems/not-found");
        assertProblem(client.get("/books/", "Authorization", bearer), 404, "/problems/not-found");
        assertProblem(client.get("/me/", "Authorization", bearer), 404, "/problems/not-found");
    }

    @Test
    void queryStringOnHealth_isIgnored() throws Exception {
        assertThat(client.get("/health?probe=1&probe=2").statusCode()).isEqualTo(200);
    }

    @Test
    void absoluteFormRequestTarget_isRoutedByItsPath() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("GET http://127.0.0.1:" + server.port() + "/health HTTP/1.1");
            RawHttp.Response r = raw.read();

            assertThat(r.status()).isEqualTo(200);
            assertThat(json(r.body()).get("status").asText()).isEqualTo("UP");
        }
    }

    /**
     * Requests without a body are answered as soon as their head is read; with a body, once it has
     * arrived. Sent at once on one connection, each kind still gets its own answer, in order.
     */
    @Test
    void pipelinedRequests_withAndWithoutBodies_areAnsweredInOrder() throws Exception {
        String email = Client.uniqueEmail("pipelined");
        byte[] signUp = ("{\"email\":\"" + email + "\",\"password\":\"correct horse battery\","
                + "\"displayName\":\"줄\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String requests = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "POST /auth/signup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + signUp.length + "\r\n\r\n";
        String after = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"
                + "GET /me HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(requests.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        all.writeBytes(signUp);
        all.writeBytes(after.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.write(all.toByteArray());
            RawHttp.Response health = raw.read();
            RawHttp.Response created = raw.read();
            RawHttp.Response emptyBody = raw.read();
            RawHttp.Response me = raw.read();
            RawHttp.Response missing = raw.read();

            assertThat(health.status()).isEqualTo(200);
            assertThat(json(health.body()).get("status").asText()).isEqualTo("UP");
            assertThat(created.status()).isEqualTo(201);
            assertThat(json(created.body()).get("email").asText()).isEqualTo(email);
            assertThat(emptyBody.status()).isEqualTo(200);
            assertThat(me.status()).as("a GET's body is read and ignored").isEqualTo(401);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(java.util.stream.Stream.of(health, created, emptyBody, me, missing)
                    .map(r -> r.header("X-Request-Id").orElseThrow()).distinct()).hasSize(5);
        }
    }

    @Test
    void head_onHealth_answersTheGetHeadersWithoutABody_andTheConnectionStaysInStep() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("HEAD /health HTTP/1.1");
            RawHttp.Response head = raw.read(true);
            raw.head("GET /health HTTP/1.1");
            RawHttp.Response get = raw.read();

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.header("Content-Type")).contains(ServerFlowTest.JSON_UTF8);
            assertThat(head.header("X-Request-Id")).isPresent();
            assertThat(get.status()).as("the response after HEAD is read in step").isEqualTo(200);
            assertThat(json(get.body()).get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void head_onABook_answers200WithETag_andOnMeWithoutToken401WithoutBody() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("head"));
        String id = client.addBook(bearer, BOOK);
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("HEAD /books/" + id + " HTTP/1.1", "Authorization: " + bearer);
            RawHttp.Response book = raw.read(true);
            raw.head("HEAD /me HTTP/1.1");
            RawHttp.Response me = raw.read(true);
            raw.head("GET /health HTTP/1.1");
            RawHttp.Response next = raw.read();

            assertThat(book.status()).isEqualTo(200);
            assertThat(book.header("ETag")).contains("\"1\"");
            assertThat(me.status()).isEqualTo(401);
            assertThat(me.header("WWW-Authenticate")).isPresent();
            assertThat(next.status()).isEqualTo(200);
        }
    }
}
