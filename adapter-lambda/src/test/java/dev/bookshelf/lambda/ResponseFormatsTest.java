package dev.bookshelf.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The response format of each event kind: where headers, cookies and the status line go. */
class ResponseFormatsTest {
    private static final String EXPIRES = "theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT";

    private final ProxyResponseWriter writer = new ProxyResponseWriter(new Json());

    private static ApiResponse withCookies(int status) {
        Headers headers = Headers.builder()
                .add("Content-Type", "application/json; charset=utf-8")
                .add("Set-Cookie", "session=abc; Path=/; HttpOnly")
                .add("Set-Cookie", EXPIRES)
                .add("Vary", "Origin")
                .add("Cache-Control", "no-store")
                .add("Cache-Control", "private")
                .build();
        return new ApiResponse(status, headers, "{\"ok\":\"좋아요\"}".getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode write(ApiResponse response, EventKind kind) {
        return ProxyResponse.parse(writer.write(response, kind)).json();
    }

    @ParameterizedTest
    @EnumSource(value = EventKind.class, names = {"HTTP_API_2", "FUNCTION_URL"})
    void payload2_setCookieGoesToCookies_otherRepeatedHeadersAreJoined(EventKind kind) {
        JsonNode out = write(withCookies(200), kind);

        assertThat(out.path("cookies")).extracting(JsonNode::asText)
                .containsExactly("session=abc; Path=/; HttpOnly", EXPIRES);
        assertThat(out.path("headers").has("Set-Cookie")).isFalse();
        assertThat(out.path("headers").path("Cache-Control").asText()).isEqualTo("no-store, private");
        assertThat(out.path("headers").path("Vary").asText()).isEqualTo("Origin");
        assertThat(out.has("multiValueHeaders")).isFalse();
        assertThat(out.path("body").asText()).isEqualTo("{\"ok\":\"좋아요\"}");
        assertThat(out.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void payload2_withoutCookies_hasNoCookiesField() {
        ApiResponse plain = new ApiResponse(204, Headers.builder().add("Vary", "Origin").build(), null);

        JsonNode out = write(plain, EventKind.HTTP_API_2);

        assertThat(out.has("cookies")).isFalse();
        assertThat(out.path("body").asText()).isEmpty();
    }

    @Test
    void albMultiValue_everyValueInMultiValueHeaders_withStatusDescription() {
        JsonNode out = write(withCookies(201), EventKind.ALB_MULTI_VALUE);

        assertThat(out.path("statusDescription").asText()).isEqualTo("201 Created");
        assertThat(out.path("multiValueHeaders").path("Set-Cookie")).extracting(JsonNode::asText)
                .containsExactly("session=abc; Path=/; HttpOnly", EXPIRES);
        assertThat(out.path("multiValueHeaders").path("Cache-Control")).hasSize(2);
        assertThat(out.has("headers")).isFalse();
    }

    @Test
    void albSingleValue_oneValuePerHeader_theLastSetCookie_withStatusDescription() {
        JsonNode out = write(withCookies(200), EventKind.ALB);

        assertThat(out.path("statusDescription").asText()).isEqualTo("200 OK");
        assertThat(out.path("headers").path("Set-Cookie").asText()).isEqualTo(EXPIRES);
        assertThat(out.path("headers").path("Cache-Control").asText()).isEqualTo("no-store, private");
        assertThat(out.has("multiValueHeaders")).isFalse();
    }

    @Test
    void payload1_isUnchanged_everyValueInMultiValueHeaders() {
        JsonNode out = write(withCookies(200), EventKind.PAYLOAD_1);

        assertThat(out.path("multiValueHeaders").path("Set-Cookie")).hasSize(2);
        assertThat(out.has("headers")).isFalse();
        assertThat(out.has("statusDescription")).isFalse();
        assertThat(out.has("cookies")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"200, 200 OK", "204, 204 No Content", "404, 404 Not Found", "412, 412 Precondition Failed",
            "413, 413 Content Too Large", "429, 429 Too Many Requests", "500, 500 Internal Server Error",
            "502, 502 Bad Gateway", "299, 299"})
    void statusDescription_isTheCodeAndItsReasonPhrase(int status, String description) {
        assertThat(StatusLine.of(status)).isEqualTo(description);
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void contentEncodedBody_isAlwaysBase64_evenForJson(EventKind kind) {
        Headers headers = Headers.builder().add("Content-Type", "application/json; charset=utf-8")
                .add("Content-Encoding", "gzip").build();

        JsonNode out = write(new ApiResponse(200, headers, new byte[] {'{', '}'}), kind);

        assertThat(out.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(out.path("body").asText()).isEqualTo("e30=");
    }
}
