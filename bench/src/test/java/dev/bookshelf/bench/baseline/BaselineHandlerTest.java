package dev.bookshelf.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BaselineHandlerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void proxyEvent_isAnsweredWithAProxyResponseWhoseBodyIsJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream event = getClass().getResourceAsStream("/dev/bookshelf/bench/events/get-book.json")) {
            new BaselineHandler().handleRequest(event, out, null);
        }

        JsonNode response = MAPPER.readTree(out.toByteArray());
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(response.at("/multiValueHeaders/Content-Type/0").asText()).isEqualTo("application/json; charset=utf-8");
        assertThat(MAPPER.readTree(response.get("body").asText()).get("title").asText()).isEqualTo("채식주의자");
    }

    @Test
    void eventWithoutHttpMethod_isAnswered500() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BaselineHandler().handleRequest(new ByteArrayInputStream("{}".getBytes()), out, null);

        assertThat(MAPPER.readTree(out.toByteArray()).get("statusCode").asInt()).isEqualTo(500);
    }
}
