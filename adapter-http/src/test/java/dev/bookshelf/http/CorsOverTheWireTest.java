package dev.bookshelf.http;

import static dev.bookshelf.http.Client.header;
import static dev.bookshelf.http.Client.json;
import static dev.bookshelf.http.TestServer.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The CORS policy as a browser meets it: preflights, actual requests, and error responses. */
class CorsOverTheWireTest extends OverTheWire {
    private static HttpResponse<byte[]> preflight(String path, String origin, String method, String headers)
            throws Exception {
        return headers == null
                ? client.send("OPTIONS", path, (byte[]) null, "Origin", origin, "Access-Control-Request-Method", method)
                : client.send("OPTIONS", path, (byte[]) null, "Origin", origin, "Access-Control-Request-Method", method,
                        "Access-Control-Request-Headers", headers);
    }

    @Test
    void preflight_fromAnAllowedOrigin_answers204WithMethodsHeadersAndMaxAge() throws Exception {
        HttpResponse<byte[]> r = preflight("/books", ORIGIN, "POST", "content-type, authorization, accept-language");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(header(r, "Access-Control-Allow-Methods")).isEqualTo("GET, POST, HEAD, OPTIONS");
        assertThat(header(r, "Access-Control-Allow-Headers"))
                .contains("Authorization", "Content-Type", "If-Match", "Accept-Language");
        assertThat(header(r, "Access-Control-Max-Age")).isEqualTo("600");
        assertThat(header(r, "Vary")).contains("Origin");
        assertThat(header(r, "Access-Control-Allow-Credentials")).isNull();
        assertThat(header(r, "X-Request-Id")).isNotBlank();
    }

    @Test
    void preflight_forAPatchWithIfMatch_answers204WithTheMethodsOfThatPath() throws Exception {
        HttpResponse<byte[]> r = preflight("/books/any-id", ORIGIN, "PATCH", "If-Match, Content-Type, Authorization");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(header(r, "Access-Control-Allow-Methods")).isEqualTo("GET, PATCH, DELETE, HEAD, OPTIONS");
    }

    @Test
    void preflight_fromADisallowedOrigin_answers403WithoutAllowHeaders() throws Exception {
        assertRefused(preflight("/books", "http://evil.example", "POST", "content-type"));
        assertRefused(preflight("/books", "http://127.0.0.1:5174", "POST", null));
        assertRefused(preflight("/books", "https://127.0.0.1:5173", "POST", null));
    }

    @Test
    void preflight_forAMethodThePathDoesNotAnswer_answers403WithoutAllowHeaders() throws Exception {
        assertRefused(preflight("/books", ORIGIN, "PUT", null));
        assertRefused(preflight("/health", ORIGIN, "DELETE", null));
    }

    @Test
    void preflight_forADisallowedRequestHeader_answers403WithoutAllowHeaders() throws Exception {
        assertRefused(preflight("/books", ORIGIN, "POST", "content-type, x-secret"));
    }

    @Test
    void optionsWithoutCorsHeaders_answers204WithAllow() throws Exception {
        HttpResponse<byte[]> r = client.send("OPTIONS", "/books", (byte[]) null);

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(header(r, "Allow")).isEqualTo("GET, POST, HEAD, OPTIONS");
        assertThat(header(r, "Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void optionsOnAnUnknownPath_answers404Problem() throws Exception {
        HttpResponse<byte[]> r = preflight("/nowhere", ORIGIN, "GET", null);

        ErrorsOverTheWireTest.assertProblem(r, 404, "/problems/not-found");
    }

    @Test
    void actualRequest_fromAnAllowedOrigin_getsAllowOriginExposedHeadersAndVary() throws Exception {
        HttpResponse<byte[]> r = client.get("/health", "Origin", ORIGIN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(header(r, "Access-Control-Expose-Headers")).contains("ETag", "Location", "X-Request-Id");
        assertThat(header(r, "Vary")).contains("Origin");
    }

    @Test
    void actualRequest_fromADisallowedOrigin_isAnsweredWithoutAllowOrigin_butWithVary() throws Exception {
        HttpResponse<byte[]> r = client.get("/health", "Origin", "http://evil.example");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Access-Control-Allow-Origin")).isNull();
        assertThat(header(r, "Access-Control-Expose-Headers")).isNull();
        assertThat(header(r, "Vary")).contains("Origin");
    }

    @Test
    void errorResponses_fromAnAllowedOrigin_carryCorsHeadersToo() throws Exception {
        HttpResponse<byte[]> unauthenticated = client.get("/me", "Origin", ORIGIN);
        HttpResponse<byte[]> notFound = client.get("/nowhere", "Origin", ORIGIN);
        HttpResponse<byte[]> invalid = client.postJson("/auth/signup", "[]", "Origin", ORIGIN);
        HttpResponse<byte[]> wrongMethod = client.send("DELETE", "/health", (byte[]) null, "Origin", ORIGIN);

        for (HttpResponse<byte[]> r : java.util.List.of(unauthenticated, notFound, invalid, wrongMethod)) {
            assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
            assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
            assertThat(header(r, "Access-Control-Expose-Headers")).contains("X-Request-Id", "WWW-Authenticate");
            assertThat(header(r, "Vary")).contains("Origin");
        }
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(header(unauthenticated, "WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void undecodablePath_fromAnAllowedOrigin_answers400WithCorsHeaders() throws Exception {
        try (RawHttp raw = RawHttp.connect(server.port())) {
            raw.head("GET /books/%zz HTTP/1.1", "Origin: " + ORIGIN);
            RawHttp.Response r = raw.read();

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("Access-Control-Allow-Origin")).contains(ORIGIN);
            assertThat(r.header("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Origin"));
        }
    }

    private static void assertRefused(HttpResponse<byte[]> r) {
        ErrorsOverTheWireTest.assertProblem(r, 403, "/problems/cors-rejected");
        assertThat(header(r, "Access-Control-Allow-Origin")).isNull();
        assertThat(header(r, "Access-Control-Allow-Methods")).isNull();
        assertThat(header(r, "Access-Control-Allow-Headers")).isNull();
        assertThat(header(r, "Access-Control-Allow-Credentials")).isNull();
        assertThat(header(r, "Vary")).contains("Origin");
        assertThat(json(r).get("detail").asText()).isNotBlank();
    }
}
