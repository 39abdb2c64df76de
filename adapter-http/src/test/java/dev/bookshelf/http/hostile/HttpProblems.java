package dev.bookshelf.http.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.api.hostile.Hostile;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Assertions on answers read off the wire. */
final class HttpProblems {
    static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpProblems() {
    }

    /** A complete JSON problem with one of {@code statuses}, our security headers, and no internals. */
    static JsonNode assertProblem(RawHttp.Response r, Integer... statuses) {
        assertThat(r.status()).as("%s", r).isIn((Object[]) statuses);
        assertThat(r.complete()).as("complete body in %s", r).isTrue();
        assertThat(r.header("Content-Type")).as("%s", r).isEqualTo(JSON_TYPE);
        JsonNode body = json(r);
        assertThat(body.path("type").asText()).startsWith("/problems/");
        assertThat(body.path("status").asInt()).isEqualTo(r.status());
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("requestId").asText()).isEqualTo(r.header("X-Request-Id")).isNotBlank();
        assertSecurityHeaders(r);
        Hostile.assertNoInternals(r.text());
        return body;
    }

    /** nosniff and no-store on every answer; no banner naming the server or its version. */
    static void assertSecurityHeaders(RawHttp.Response r) {
        assertThat(r.all("X-Content-Type-Options")).as("%s", r).containsExactly("nosniff");
        assertThat(r.all("Cache-Control")).as("%s", r).containsExactly("no-store");
        assertThat(r.header("Server")).as("%s", r).isNull();
        assertThat(r.header("X-Powered-By")).isNull();
        assertThat(r.header("X-AspNet-Version")).isNull();
    }

    static JsonNode json(RawHttp.Response r) {
        try {
            return MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + r, e);
        }
    }
}
