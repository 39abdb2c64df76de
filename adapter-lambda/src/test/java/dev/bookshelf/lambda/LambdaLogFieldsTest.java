package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.ENV;
import static dev.bookshelf.lambda.Invocations.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request log line on Lambda: Powertools' fields from the context, the event and the runtime's trace header. */
class LambdaLogFieldsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TRACE_HEADER = "Root=1-67a1b2c3-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";
    private static final String GATEWAY_REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbe09";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @AfterEach
    void clearTraceHeader() {
        System.clearProperty(InvocationContext.TRACE_PROPERTY);
    }

    private BookshelfHandler handler() {
        return BookshelfHandler.forEnvironment(ENV, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> requestLines() {
        return log.toString(StandardCharsets.UTF_8).lines().map(LambdaLogFieldsTest::json)
                .filter(l -> l.path("msg").asText().equals("request")).toList();
    }

    private static JsonNode json(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("log line is not JSON: " + line, e);
        }
    }

    private static void invoke(BookshelfHandler handler, String event, String invocationId) {
        Invocations.invoke(handler, event.getBytes(StandardCharsets.UTF_8),
                invocationId == null ? null : StubContext.withRequestId(invocationId));
    }

    @Test
    void requestLine_carriesTheInvocationTheGatewayRequestIdAndTheRuntimesTraceId() {
        BookshelfHandler handler = handler();
        System.setProperty(InvocationContext.TRACE_PROPERTY, TRACE_HEADER);

        invoke(handler, fixture("health.json"), "inv-1");

        JsonNode line = requestLines().get(0);
        assertThat(line.path("cold_start").isBoolean()).isTrue();
        assertThat(line.path("cold_start").asBoolean()).isTrue();
        assertThat(line.path("function_name").asText()).isEqualTo("bookshelf");
        assertThat(line.path("function_version").asText()).isEqualTo("$LATEST");
        assertThat(line.path("function_request_id").asText()).isEqualTo("inv-1");
        assertThat(line.path("correlation_id").asText()).isEqualTo(GATEWAY_REQUEST_ID);
        assertThat(line.path("requestId").asText()).isEqualTo(GATEWAY_REQUEST_ID);
        // The runtime's header wins over the one the client sent through API Gateway (Root=1-6744a0f2-...).
        assertThat(line.path("xray_trace_id").asText()).isEqualTo("1-67a1b2c3-0123456789abcdef01234567");
        assertThat(line.path("service").asText()).isEqualTo("bookshelf");
        assertThat(line.has("trace_id")).isFalse();
    }

    @Test
    void coldStart_isTrueOnTheFirstInvocationOfEachContainerOnly() {
        BookshelfHandler first = handler();
        for (int i = 1; i <= 3; i++) {
            invoke(first, fixture("health.json"), "first-" + i);
        }
        BookshelfHandler second = handler();
        invoke(second, fixture("health.json"), "second-1");
        invoke(second, fixture("health.json"), "second-2");

        assertThat(requestLines()).extracting(l -> l.path("function_request_id").asText() + " "
                + l.path("cold_start").asBoolean()).containsExactly("first-1 true", "first-2 false", "first-3 false",
                "second-1 true", "second-2 false");
    }

    @Test
    void eventsWithoutAContext_haveNoInvocationFields_andDoNotUseUpTheColdStart() {
        BookshelfHandler handler = handler();

        invoke(handler, fixture("health.json"), null);
        invoke(handler, fixture("health.json"), "after-priming");

        List<JsonNode> lines = requestLines();
        assertThat(List.of("cold_start", "function_name", "function_version", "function_request_id"))
                .noneMatch(lines.get(0)::has);
        assertThat(lines.get(0).path("correlation_id").asText()).isEqualTo(GATEWAY_REQUEST_ID);
        assertThat(lines.get(1).path("cold_start").asBoolean()).isTrue();
    }

    @Test
    void withoutARuntimeTraceHeader_xrayTraceIdIsAbsent_notEmpty() {
        assumeThat(System.getenv(InvocationContext.TRACE_ENV)).isNull();
        BookshelfHandler handler = handler();

        invoke(handler, fixture("health.json"), "no-trace");

        assertThat(requestLines().get(0).has("xray_trace_id")).isFalse();
    }

    @Test
    void aValidTraceparentInTheEvent_isLoggedAsTraceId_andAMalformedOneIgnored() {
        BookshelfHandler handler = handler();
        String valid = fixture("health.json").replace("\"multiValueHeaders\": {",
                "\"multiValueHeaders\": {\"traceparent\": [\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"],");
        String malformed = valid.replace("00f067aa0ba902b7", "zzzz");

        invoke(handler, valid, "tp-1");
        invoke(handler, malformed, "tp-2");

        List<JsonNode> lines = requestLines();
        assertThat(lines.get(0).path("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(lines.get(1).has("trace_id")).isFalse();
    }

    @Test
    void anEventWithoutAGatewayRequestId_hasNoCorrelationId() {
        BookshelfHandler handler = handler();

        invoke(handler, fixture("no-request-context.json"), "alb-like");

        JsonNode line = requestLines().get(0);
        assertThat(line.has("correlation_id")).isFalse();
        assertThat(line.path("requestId").asText()).isEqualTo("alb-like");
    }
}
