package dev.bookshelf.http;

import static dev.bookshelf.http.Client.header;
import static dev.bookshelf.http.Client.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every route's success path through the real server, and the whole reading flow end to end. */
class ServerFlowTest extends OverTheWire {
    static final String JSON_UTF8 = "application/json; charset=utf-8";
    static final String TITLE = "채식주의자";
    static final String AUTHOR = "한강";
    static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void readingFlow_signUpLogInAddListGetPatchDelete_answersEveryStepWithItsStatusAndHeaders() throws Exception {
        String email = Client.uniqueEmail("flow");

        HttpResponse<byte[]> signUp = client.signUp(email, "Reader");
        assertThat(signUp.statusCode()).isEqualTo(201);
        assertCommonHeaders(signUp);
        assertThat(header(signUp, "Location")).isEqualTo("/me");
        assertThat(json(signUp).get("email").asText()).isEqualTo(email);

        HttpResponse<byte[]> logIn = client.logIn(email, Client.PASSWORD);
        assertThat(logIn.statusCode()).isEqualTo(200);
        assertCommonHeaders(logIn);
        JsonNode session = json(logIn);
        assertThat(session.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(session.get("expiresIn").asLong()).isPositive();
        assertThat(session.get("account").get("email").asText()).isEqualTo(email);
        String bearer = "Bearer " + session.get("token").asText();

        HttpResponse<byte[]> me = client.get("/me", "Authorization", bearer);
        assertThat(me.statusCode()).isEqualTo(200);
        assertCommonHeaders(me);
        assertThat(json(me).get("displayName").asText()).isEqualTo("Reader");

        HttpResponse<byte[]> added = client.postJson("/books", "{\"title\":\"" + TITLE + "\",\"author\":\"" + AUTHOR
                + "\",\"isbn\":\"978-89-364-3359-8\",\"status\":\"READING\"}", "Authorization", bearer);
        assertThat(added.statusCode()).isEqualTo(201);
        assertCommonHeaders(added);
        JsonNode book = json(added);
        String id = book.get("id").asText();
        assertThat(header(added, "Location")).isEqualTo("/books/" + id);
        assertThat(header(added, "ETag")).isEqualTo("\"1\"");
        assertThat(book.get("title").asText()).isEqualTo(TITLE);
        assertThat(book.get("author").asText()).isEqualTo(AUTHOR);
        assertThat(book.get("isbn").asText()).isEqualTo("9788936433598");
        assertRawUtf8(added.body(), TITLE, AUTHOR);

        HttpResponse<byte[]> list = client.get("/books", "Authorization", bearer);
        assertThat(list.statusCode()).isEqualTo(200);
        assertCommonHeaders(list);
        assertThat(json(list).get("items")).hasSize(1);
        assertThat(json(list).get("items").get(0).get("title").asText()).isEqualTo(TITLE);
        assertThat(json(list).get("nextCursor").isNull()).isTrue();
        assertRawUtf8(list.body(), TITLE, AUTHOR);

        HttpResponse<byte[]> got = client.get("/books/" + id, "Authorization", bearer);
        assertThat(got.statusCode()).isEqualTo(200);
        assertCommonHeaders(got);
        String etag = header(got, "ETag");
        assertThat(etag).isEqualTo("\"1\"");
        assertRawUtf8(got.body(), TITLE, AUTHOR);

        HttpResponse<byte[]> patched = client.send("PATCH", "/books/" + id, "{\"status\":\"READ\",\"rating\":5}",
                "Authorization", bearer, "Content-Type", "application/json", "If-Match", etag);
        assertThat(patched.statusCode()).isEqualTo(200);
        assertCommonHeaders(patched);
        assertThat(header(patched, "ETag")).isEqualTo("\"2\"");
        assertThat(json(patched).get("version").asLong()).isEqualTo(2);
        assertThat(json(patched).get("status").asText()).isEqualTo("READ");
        assertThat(json(patched).get("rating").asInt()).isEqualTo(5);
        assertThat(json(patched).get("title").asText()).isEqualTo(TITLE);

        HttpResponse<byte[]> deleted = client.send("DELETE", "/books/" + id, (byte[]) null, "Authorization", bearer);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(header(deleted, "X-Request-Id")).matches(UUID_SHAPE);
        assertThat(header(deleted, "Content-Length")).as("204 carries no Content-Length").isNull();

        HttpResponse<byte[]> gone = client.get("/books/" + id, "Authorization", bearer);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertCommonHeaders(gone);
        assertThat(json(gone).get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(json(gone).get("requestId").asText()).isEqualTo(header(gone, "X-Request-Id"));
    }

    @Test
    void koreanTitle_travelsAsRawUtf8BytesWithAByteCountedContentLength_neverAsEscapes() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("bytes"));
        byte[] body = ("{\"title\":\"" + TITLE + "\",\"author\":\"" + AUTHOR + "\",\"status\":\"READ\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("POST /books HTTP/1.1", "Authorization: " + bearer, "Content-Type: application/json",
                    "Content-Length: " + body.length).write(body);
            RawHttp.Response added = raw.read();
            assertThat(added.status()).isEqualTo(201);
            assertThat(added.header("Content-Length")).contains(Integer.toString(added.body().length));
            assertRawUtf8(added.raw(), TITLE, AUTHOR);

            raw.head("GET " + added.header("Location").orElseThrow() + " HTTP/1.1", "Authorization: " + bearer);
            RawHttp.Response got = raw.read();
            assertThat(got.status()).isEqualTo(200);
            assertThat(got.header("Content-Length")).contains(Integer.toString(got.body().length));
            assertRawUtf8(got.raw(), TITLE, AUTHOR);
        }
    }

    @Test
    void health_answers200StatusUp_withoutAuthentication() throws Exception {
        HttpResponse<byte[]> health = client.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertCommonHeaders(health);
        assertThat(json(health).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void everyResponse_hasNoServerBanner_andCarriesNosniffNoStoreAndAFreshRequestId() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("GET /health HTTP/1.1");
            RawHttp.Response first = raw.read();
            raw.head("GET /nowhere HTTP/1.1");
            RawHttp.Response second = raw.read();

            for (RawHttp.Response r : new RawHttp.Response[] {first, second}) {
                assertThat(r.headerNames()).noneMatch(n -> n.equalsIgnoreCase("Server"))
                        .noneMatch(n -> n.equalsIgnoreCase("X-Powered-By"));
                assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
                assertThat(r.header("Cache-Control")).contains("no-store");
                assertThat(r.header("Content-Type")).contains(JSON_UTF8);
                assertThat(r.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID_SHAPE));
            }
            assertThat(first.header("X-Request-Id")).isNotEqualTo(second.header("X-Request-Id"));
            assertThat(json(second.body()).get("requestId").asText()).isEqualTo(second.header("X-Request-Id").get());
        }
    }

    @Test
    void listBooks_withStatusFilterLimitAndEncodedCursor_pagesThroughTheShelf() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("pages"));
        for (String title : new String[] {"소년이 온다", "흰", "작별하지 않는다"}) {
            client.addBook(bearer, "{\"title\":\"" + title + "\",\"author\":\"" + AUTHOR + "\",\"status\":\"READ\"}");
        }
        client.addBook(bearer, "{\"title\":\"" + TITLE + "\",\"author\":\"" + AUTHOR + "\",\"status\":\"READING\"}");

        HttpResponse<byte[]> first = client.get("/books?status=READ&limit=2", "Authorization", bearer);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).get("items")).hasSize(2)
                .allSatisfy(b -> assertThat(b.get("status").asText()).isEqualTo("READ"));
        String cursor = json(first).get("nextCursor").asText();
        assertThat(cursor).isNotEmpty();

        HttpResponse<byte[]> second = client.get("/books?status=READ&limit=2&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8), "Authorization", bearer);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("items")).hasSize(1);
        assertThat(json(second).get("nextCursor").isNull()).isTrue();
    }

    @Test
    void patch_withNullRatingAndNote_clearsThem_andAnswersTheNextETag() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("clear"));
        String id = client.addBook(bearer, "{\"title\":\"" + TITLE + "\",\"author\":\"" + AUTHOR
                + "\",\"status\":\"READ\",\"rating\":4,\"note\":\"다시 읽기\"}");

        HttpResponse<byte[]> patched = client.send("PATCH", "/books/" + id, "{\"rating\":null,\"note\":null}",
                "Authorization", bearer, "Content-Type", "application/json; charset=UTF-8", "If-Match", "\"1\"");

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(header(patched, "ETag")).isEqualTo("\"2\"");
        assertThat(json(patched).get("rating").isNull()).isTrue();
        assertThat(json(patched).get("note").isNull()).isTrue();
    }

    static void assertCommonHeaders(HttpResponse<byte[]> r) {
        assertThat(header(r, "Content-Type")).isEqualTo(JSON_UTF8);
        assertThat(header(r, "X-Request-Id")).matches(UUID_SHAPE);
        assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.headers().firstValue("Server")).isEmpty();
    }

    /** The texts appear as their UTF-8 bytes, and nothing in the bytes is a JSON {@code \\u} escape. */
    static void assertRawUtf8(byte[] bytes, String... texts) {
        for (String text : texts) {
            assertThat(Bytes.contains(bytes, text.getBytes(StandardCharsets.UTF_8)))
                    .as("UTF-8 bytes of %s in the response", text).isTrue();
        }
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("\\u");
    }
}
