package dev.bookshelf.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST proxy events built from HTTP requests have the shape API Gateway gives them. */
class RestProxyEventsTest {

    @Test
    void pathStaysEncoded_queryIsDecoded_headersKeepRepeats_andTheContextNamesTheStage() {
        HttpCall call = new HttpCall("GET", "/books/%ED%95%9C%EA%B8%80", "status=WANT+TO%20READ&status=READ&limit",
                List.of(new HttpCall.Header("Accept-Language", "ko"), new HttpCall.Header("Accept-Language", "en")), null);
        JsonNode e = RestProxyEvents.event(call, "req-1");

        assertThat(e.path("path").asText()).isEqualTo("/books/%ED%95%9C%EA%B8%80");
        assertThat(e.path("requestContext").path("path").asText()).isEqualTo("/prod/books/%ED%95%9C%EA%B8%80");
        assertThat(e.path("requestContext").path("stage").asText()).isEqualTo("prod");
        assertThat(e.path("requestContext").path("requestId").asText()).isEqualTo("req-1");
        assertThat(e.path("requestContext").path("identity").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(e.path("multiValueQueryStringParameters").toString())
                .isEqualTo("{\"status\":[\"WANT TO READ\",\"READ\"],\"limit\":[\"\"]}");
        assertThat(e.path("queryStringParameters").toString()).isEqualTo("{\"status\":\"READ\",\"limit\":\"\"}");
        assertThat(e.path("multiValueHeaders").path("Accept-Language").toString()).isEqualTo("[\"ko\",\"en\"]");
        assertThat(e.path("headers").path("Accept-Language").asText()).isEqualTo("en");
        assertThat(e.path("pathParameters").isNull()).isTrue();
        assertThat(e.path("body").isNull()).isTrue();
        assertThat(e.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void aUtf8BodyTravelsAsText_andOtherBytesAsBase64() {
        HttpCall text = new HttpCall("POST", "/books", null, List.of(), "{\"t\":\"한\"}".getBytes(StandardCharsets.UTF_8));
        HttpCall binary = new HttpCall("POST", "/books", null, List.of(), new byte[] {'{', (byte) 0xe9, '}'});

        assertThat(RestProxyEvents.event(text, "r").path("body").asText()).isEqualTo("{\"t\":\"한\"}");
        assertThat(RestProxyEvents.event(binary, "r").path("body").asText()).isEqualTo("e+l9");
        assertThat(RestProxyEvents.event(binary, "r").path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(RestProxyEvents.event(text, "r").path("queryStringParameters").isNull()).isTrue();
    }
}
