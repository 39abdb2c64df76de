package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.ENV;
import static dev.bookshelf.lambda.Invocations.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.api.config.Telemetry;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.RequestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Embedded Metric Format lines of the Lambda handler, validated against the format's rules. */
class EmfMetricsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private BookshelfHandler handler(String... overrides) {
        Map<String, String> env = new HashMap<>(ENV);
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return BookshelfHandler.forEnvironment(env, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private List<String> emfLines() {
        return log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{\"_aws\"")).toList();
    }

    private static JsonNode json(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] event(String method, String path) {
        return ("{\"httpMethod\":\"" + method + "\",\"path\":\"" + path + "\",\"resource\":\"/{proxy+}\","
                + "\"headers\":null,\"body\":null,\"requestContext\":{\"requestId\":\"gw-1\",\"stage\":\"prod\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyInvocation_writesOneValidEmfLine_countingTheRequestAndItsLatencyByRouteAndStatusClass() {
        BookshelfHandler handler = handler();

        Invocations.invoke(handler, fixture("health.json").getBytes(StandardCharsets.UTF_8), StubContext.withRequestId("i-1"));
        Invocations.invoke(handler, event("GET", "/random/" + System.nanoTime()), StubContext.withRequestId("i-2"));
        Invocations.invoke(handler, event("BREW", "/health"), StubContext.withRequestId("i-3"));

        List<String> lines = emfLines();
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(EmfValidator.violations(line)).isEmpty());
        JsonNode health = json(lines.get(0));
        JsonNode directive = health.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Bookshelf");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\",\"Method\",\"Route\",\"StatusClass\"]]");
        assertThat(directive.path("Metrics").toString()).isEqualTo(
                "[{\"Name\":\"Requests\",\"Unit\":\"Count\"},{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]");
        assertThat(health.path("Service").asText()).isEqualTo("bookshelf");
        assertThat(health.path("Method").asText()).isEqualTo("GET");
        assertThat(health.path("Route").asText()).isEqualTo("/health");
        assertThat(health.path("StatusClass").asText()).isEqualTo("2xx");
        assertThat(health.path("Requests").asInt()).isEqualTo(1);
        assertThat(health.path("Latency").isNumber()).isTrue();
        assertThat(health.path("Latency").asDouble()).isNotNegative();
        assertThat(health.path("function_request_id").asText()).isEqualTo("i-1");
        assertThat(health.path("_aws").path("Timestamp").asLong())
                .isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
        for (JsonNode unknown : List.of(json(lines.get(1)), json(lines.get(2)))) {
            assertThat(unknown.path("Route").asText()).isEqualTo("-");
            assertThat(unknown.path("Method").asText()).as("no client-chosen dimension value").isEqualTo("-");
            assertThat(unknown.path("StatusClass").asText()).isEqualTo("4xx");
        }
    }

    @Test
    void coldStart_isCountedOnTheFirstInvocationOnly_byServiceAndFunctionName() {
        BookshelfHandler handler = handler();

        for (int i = 1; i <= 3; i++) {
            Invocations.invoke(handler, event("GET", "/health"), StubContext.withRequestId("c-" + i));
        }

        List<JsonNode> lines = emfLines().stream().map(EmfMetricsTest::json).toList();
        JsonNode cold = lines.get(0);
        assertThat(cold.path("_aws").path("CloudWatchMetrics")).hasSize(2);
        JsonNode coldDirective = cold.path("_aws").path("CloudWatchMetrics").get(1);
        assertThat(coldDirective.path("Dimensions").toString()).isEqualTo("[[\"Service\",\"FunctionName\"]]");
        assertThat(coldDirective.path("Metrics").toString()).isEqualTo("[{\"Name\":\"ColdStart\",\"Unit\":\"Count\"}]");
        assertThat(cold.path("ColdStart").asInt()).isEqualTo(1);
        assertThat(cold.path("FunctionName").asText()).isEqualTo("bookshelf");
        assertThat(lines.subList(1, 3)).allSatisfy(warm -> {
            assertThat(warm.path("_aws").path("CloudWatchMetrics")).hasSize(1);
            assertThat(warm.has("ColdStart")).isFalse();
        });
    }

    @Test
    void eventsWithoutALambdaContext_likeSnapStartPriming_areNotCounted_andLeaveTheColdStart() {
        BookshelfHandler handler = handler();

        Invocations.invoke(handler, event("GET", "/health"), null);
        Invocations.invoke(handler, event("GET", "/health"), StubContext.withRequestId("real-1"));

        List<String> lines = emfLines();
        assertThat(lines).hasSize(1);
        assertThat(json(lines.get(0)).path("ColdStart").asInt()).isEqualTo(1);
    }

    @Test
    void powertoolsNamespaceAndServiceName_nameTheMetrics() {
        BookshelfHandler handler = handler("POWERTOOLS_METRICS_NAMESPACE", "Shelf/Prod", "POWERTOOLS_SERVICE_NAME", "shelf-api");

        Invocations.invoke(handler, event("GET", "/health"), StubContext.withRequestId("n-1"));

        JsonNode line = json(emfLines().get(0));
        assertThat(line.path("_aws").path("CloudWatchMetrics").findValuesAsText("Namespace"))
                .containsExactly("Shelf/Prod", "Shelf/Prod");
        assertThat(line.path("Service").asText()).isEqualTo("shelf-api");
    }

    @Test
    void statusClassAndTrace_ofAFailedInvocation() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmfMetrics metrics = new EmfMetrics(Telemetry.DEFAULT, new PrintStream(out, true, StandardCharsets.UTF_8),
                () -> 1_764_084_000_123L);
        RequestContext context = new RequestContext(new RequestContext.Invocation(false, "bookshelf", "7", "r-9"),
                "gw-9", "1-5759e988-bd862e3fe1be46a994272793", null);

        metrics.answered(new ApiRequest("POST", "/books", null, null, null, "gw-9", null, context), "/books", 503,
                1_234_567);

        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).endsWith("}\n").hasLineCount(1);
        assertThat(EmfValidator.violations(line)).isEmpty();
        JsonNode json = json(line);
        assertThat(json.path("StatusClass").asText()).isEqualTo("5xx");
        assertThat(json.path("Latency").decimalValue()).isEqualByComparingTo("1.23");
        assertThat(json.path("xray_trace_id").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(json.path("function_request_id").asText()).isEqualTo("r-9");
        assertThat(json.path("_aws").path("Timestamp").asLong()).isEqualTo(1_764_084_000_123L);
    }

    @Test
    void theValidator_findsWhatBreaksTheFormat() {
        String valid = "{\"_aws\":{\"Timestamp\":1764084000123,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
                + "\"Dimensions\":[[\"D\"]],\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Count\"}]}]},\"D\":\"d\",\"M\":1}";
        assertThat(EmfValidator.violations(valid)).isEmpty();

        Map<String, String> broken = Map.of(
                "seconds", valid.replace("1764084000123", "1764084000"),
                "no target", valid.replace(",\"M\":1", ""),
                "string metric", valid.replace("\"M\":1", "\"M\":\"1\""),
                "numeric dimension", valid.replace("\"D\":\"d\"", "\"D\":4"),
                "bad unit", valid.replace("\"Count\"", "\"Requests\""),
                "extra member", valid.replace("\"Namespace\":\"N\"", "\"Namespace\":\"N\",\"Extra\":1"),
                "no namespace", valid.replace("\"Namespace\":\"N\",", ""),
                "trailing data", valid + " x",
                "31 dimensions", valid.replace("[[\"D\"]]", "[[" + "\"D\",".repeat(30) + "\"D\"]]"),
                "101 metrics", valid.replace("[{\"Name\":\"M\",\"Unit\":\"Count\"}]",
                        "[" + "{\"Name\":\"M\"},".repeat(100) + "{\"Name\":\"M\"}]"));
        broken.forEach((what, line) -> assertThat(EmfValidator.violations(line)).as(what).isNotEmpty());
    }
}
