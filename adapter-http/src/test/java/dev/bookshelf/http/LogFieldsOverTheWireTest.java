package dev.bookshelf.http;

import static dev.bookshelf.http.Client.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's request log line, parsed: correlation and trace ids the client sent; no Lambda fields. */
class LogFieldsOverTheWireTest extends OverTheWire {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LAMBDA_ONLY = List.of("cold_start", "function_name", "function_version",
            "function_request_id");
    private static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    private static final String W3C = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** The request line of the answer's request, found by the request id the server answered with. */
    private static JsonNode lineOf(HttpResponse<byte[]> answer) {
        String id = header(answer, "X-Request-Id");
        return server.log().lines().map(LogFieldsOverTheWireTest::json)
                .filter(l -> l.path("msg").asText().equals("request") && l.path("requestId").asText().equals(id))
                .reduce((a, b) -> {
                    throw new AssertionError("two request lines for " + id);
                }).orElseThrow(() -> new AssertionError("no request line for " + id + " in " + server.log()));
    }

    private static JsonNode json(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("log line is not JSON: " + line, e);
        }
    }

    @Test
    void wellFormedIdsFromTheClient_areLoggedAsCorrelationAndTraceIds_andNoLambdaFieldIsPresent() throws Exception {
        HttpResponse<byte[]> answer = client.get("/health", "X-Request-Id", "client-req-42",
                "X-Amzn-Trace-Id", "Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1",
                "traceparent", "00-" + W3C + "-00f067aa0ba902b7-01");

        JsonNode line = lineOf(answer);
        assertThat(line.path("correlation_id").asText()).isEqualTo("client-req-42");
        assertThat(line.path("xray_trace_id").asText()).isEqualTo(ROOT);
        assertThat(line.path("trace_id").asText()).isEqualTo(W3C);
        assertThat(line.path("service").asText()).isEqualTo("bookshelf");
        assertThat(line.path("route").asText()).isEqualTo("/health");
        assertThat(header(answer, "X-Request-Id")).as("the server's own id still names the answer")
                .isNotEqualTo("client-req-42");
        assertThat(LAMBDA_ONLY).noneMatch(line::has);
    }

    @Test
    void withoutIdsFromTheClient_theFieldsAreAbsent_notNullOrEmpty() throws Exception {
        JsonNode line = lineOf(client.get("/health"));

        assertThat(List.of("correlation_id", "xray_trace_id", "trace_id")).noneMatch(line::has);
        assertThat(LAMBDA_ONLY).noneMatch(line::has);
        assertThat(line.toString()).doesNotContain("null", "\"\"");
    }

    @Test
    void malformedIdsFromTheClient_areIgnored() throws Exception {
        HttpResponse<byte[]> answer = client.get("/nowhere", "X-Request-Id", "x".repeat(200),
                "X-Amzn-Trace-Id", "Root=1-5759e988-NOT-HEX", "traceparent", "00-" + W3C + "-0000000000000000-01");

        JsonNode line = lineOf(answer);
        assertThat(line.path("status").asInt()).isEqualTo(404);
        assertThat(List.of("correlation_id", "xray_trace_id", "trace_id")).noneMatch(line::has);
    }
}
