package dev.bookshelf.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writing neutral responses as Lambda proxy integration responses. */
class ProxyResponseWriterTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

    private final ProxyResponseWriter writer = new ProxyResponseWriter(new Json());

    @Test
    void severalSetCookieHeaders_surviveAsSeparateValues_withTheirCommas() {
        Headers headers = Headers.builder()
                .add("Content-Type", "application/json; charset=utf-8")
                .add("Set-Cookie", "session=abc; Path=/; HttpOnly")
                .add("Set-Cookie", "theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT")
                .add("Vary", "Origin")
                .build();

        ProxyResponse written = write(new ApiResponse(200, headers, "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(written.header("Set-Cookie"))
                .containsExactly("session=abc; Path=/; HttpOnly", "theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
        assertThat(written.header("Vary")).containsExactly("Origin");
        assertThat(written.json().has("headers")).isFalse();
    }

    @Test
    void binaryBody_isBase64Encoded() {
        ProxyResponse written = write(new ApiResponse(200, contentType("image/png"), PNG));

        assertThat(written.base64()).isTrue();
        assertThat(written.bodyBytes()).containsExactly(PNG);
    }

    @Test
    void jsonBody_isRawUtf8Text() {
        byte[] body = "{\"title\":\"채식주의자\",\"author\":\"한강\"}".getBytes(StandardCharsets.UTF_8);

        byte[] bytes = writer.write(new ApiResponse(201, contentType("application/json; charset=utf-8"), body));

        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("채식주의자").doesNotContain("\\u");
        ProxyResponse written = ProxyResponse.parse(bytes);
        assertThat(written.base64()).isFalse();
        assertThat(written.body()).isEqualTo("{\"title\":\"채식주의자\",\"author\":\"한강\"}");
        assertThat(written.status()).isEqualTo(201);
    }

    @Test
    void textBody_withQuotesBackslashesControlCharactersAndEmoji_arrivesExactly() {
        String original = "{\"note\":\"그는 \\\"책\\\"을 읽었다\\n\"}\n\ttab \u0001 \\ end 📚 \u2028";
        byte[] body = original.getBytes(StandardCharsets.UTF_8);

        for (String type : List.of("application/json; charset=utf-8", "text/plain")) {
            ProxyResponse written = write(new ApiResponse(200, contentType(type), body));

            assertThat(written.base64()).as(type).isFalse();
            assertThat(written.body()).as(type).isEqualTo(original);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/problem+json", "text/plain; charset=UTF-8", "text/html",
            "text/csv", "application/xml", "image/svg+xml", "application/javascript", "text/javascript",
            "Application/JSON; charset=\"utf-8\""})
    void textualContentTypes_travelAsText(String type) {
        assertThat(write(new ApiResponse(200, contentType(type), "ok 좋아".getBytes(StandardCharsets.UTF_8))).base64())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "application/octet-stream", "application/pdf", "application/zip",
            "text/plain; charset=iso-8859-1", "application/json; charset=utf-16", "nonsense"})
    void otherContentTypes_travelAsBase64(String type) {
        ProxyResponse written = write(new ApiResponse(200, contentType(type), PNG));

        assertThat(written.base64()).isTrue();
        assertThat(written.bodyBytes()).containsExactly(PNG);
    }

    @Test
    void textualTypeWithBytesThatAreNotUtf8_travelsAsBase64_soNoByteIsLost() {
        ProxyResponse written = write(new ApiResponse(200, contentType("text/plain"), PNG));

        assertThat(written.base64()).isTrue();
        assertThat(written.bodyBytes()).containsExactly(PNG);
    }

    @Test
    void bodyWithoutContentType_travelsAsBase64() {
        assertThat(write(new ApiResponse(200, Headers.empty(), PNG)).base64()).isTrue();
    }

    @Test
    void emptyBody_isAnEmptyString_andIsBase64EncodedIsStillPresent() {
        ProxyResponse written = write(new ApiResponse(204, Headers.empty(), null));

        assertThat(written.body()).isEmpty();
        assertThat(written.json().get("isBase64Encoded").isBoolean()).isTrue();
        assertThat(written.base64()).isFalse();
        assertThat(written.json().get("multiValueHeaders").isObject()).isTrue();
    }

    @Test
    void writtenResponse_hasExactlyTheShapeOfAwsProxyResponseEvent() throws Exception {
        Headers headers = Headers.builder().add("Content-Type", "application/json").add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2").build();
        byte[] bytes = writer.write(new ApiResponse(200, headers, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

        APIGatewayProxyResponseEvent event = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(bytes, APIGatewayProxyResponseEvent.class);

        assertThat(event.getStatusCode()).isEqualTo(200);
        assertThat(event.getMultiValueHeaders()).containsEntry("Set-Cookie", List.of("a=1", "b=2"));
        assertThat(event.getBody()).isEqualTo("{\"a\":1}");
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    private ProxyResponse write(ApiResponse response) {
        return ProxyResponse.parse(writer.write(response));
    }

    private static Headers contentType(String type) {
        return Headers.builder().add("Content-Type", type).build();
    }
}
