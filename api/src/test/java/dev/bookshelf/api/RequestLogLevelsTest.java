package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.api.config.Telemetry;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.http.RequestContext;
import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.core.memory.InMemoryUserRepository;
import dev.bookshelf.core.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LOG_LEVEL, debug sampling and the fields of the request line, through the dispatcher and directly. */
class RequestLogLevelsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private static List<JsonNode> parse(List<String> lines) {
        return lines.stream().map(line -> {
            try {
                return MAPPER.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("log line is not JSON: " + line, e);
            }
        }).toList();
    }

    private List<JsonNode> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : parse(List.of(text.split("\n")));
    }

    /** A log whose sampling draws are {@code draws}, in order. */
    private RequestLog log(Telemetry.Level level, double rate, double... draws) {
        ArrayDeque<Double> queue = new ArrayDeque<>();
        for (double d : draws) {
            queue.add(d);
        }
        return new RequestLog(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new Telemetry(level, rate, "Bookshelf", "shelf"), queue::removeFirst);
    }

    private static ApiRequest request(String id) {
        Headers h = Headers.builder().set("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")
                .set("Content-Type", "application/json; charset=utf-8").set("User-Agent", "curl/8.5").build();
        return new ApiRequest("POST", "/books", h, null, "{\"title\":\"비밀 제목\"}".getBytes(StandardCharsets.UTF_8), id,
                "198.51.100.7");
    }

    @Test
    void atWarnAndError_requestLinesAreLeftOut_except5xx_andFailuresAlwaysWritten() {
        for (String level : List.of("WARN", "ERROR")) {
            ApiFixture fx = ApiFixture.withStore(new Store("broken", new InMemoryUserRepository(), null, () -> { }),
                    Map.of("LOG_LEVEL", level));
            String token = fx.newReaderToken();
            fx.clearLog();

            fx.get("/health").send();
            fx.get("/nowhere").send();
            fx.get("/books").bearer(token).requestId("boom-" + level).send();

            List<JsonNode> lines = parse(fx.logLines());
            assertThat(lines).as(level).extracting(l -> l.path("msg").asText() + " " + l.path("status").asInt())
                    .containsExactly("unexpected failure 500", "request 500");
            assertThat(lines.get(0).path("level").asText()).isEqualTo("ERROR");
            assertThat(lines.get(0).path("error").asText()).isEqualTo(NullPointerException.class.getName());
            assertThat(lines.get(0).path("errorMessage").asText()).isNotBlank();
            assertThat(lines.get(1).path("requestId").asText()).isEqualTo("boom-" + level);
        }
    }

    @Test
    void atWarn_infoEventsAreLeftOut_andWarningsKept() {
        RequestLog log = log(Telemetry.Level.WARN, 0);

        log.event("INFO", "listening");
        log.event("WARN", "no secret");

        assertThat(lines()).extracting(l -> l.path("msg").asText()).containsExactly("no secret");
    }

    @Test
    void atDebug_eachRequestHasADetailLineBeforeItsRequestLine_withSizesAndNoCredentials() {
        RequestLog log = log(Telemetry.Level.DEBUG, 0);

        log.request(request("dbg-1"), "/books", 201, 2_000_000, 345);

        List<JsonNode> lines = lines();
        assertThat(lines).extracting(l -> l.path("level").asText() + " " + l.path("msg").asText())
                .containsExactly("DEBUG request detail", "INFO request");
        JsonNode detail = lines.get(0);
        assertThat(detail.path("requestId").asText()).isEqualTo("dbg-1");
        assertThat(detail.path("requestBytes").asInt()).isEqualTo(request("x").bodyUnsafe().length);
        assertThat(detail.path("responseBytes").asInt()).isEqualTo(345);
        assertThat(detail.path("contentType").asText()).isEqualTo("application/json");
        assertThat(detail.path("userAgent").asText()).isEqualTo("curl/8.5");
        assertThat(detail.path("auth").asText()).isEqualTo("bearer");
        assertThat(detail.has("sampled")).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("eyJ", "c2lnbmF0dXJl", "비밀", "198.51.100.7");
    }

    @Test
    void sampledRequests_areLoggedAsAtDebugWhateverTheLevel_andMarkedSampled() {
        RequestLog log = log(Telemetry.Level.ERROR, 0.25, 0.10, 0.90, 0.2499, 0.25);

        for (int i = 1; i <= 4; i++) {
            log.request(request("s-" + i), "/books", 201, 1_000_000, 10);
        }

        List<JsonNode> lines = lines();
        assertThat(lines).extracting(l -> l.path("requestId").asText() + " " + l.path("level").asText())
                .containsExactly("s-1 DEBUG", "s-1 INFO", "s-3 DEBUG", "s-3 INFO");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.path("sampled").asBoolean()).isTrue();
            assertThat(l.path("sampling_rate").asDouble()).isEqualTo(0.25);
            assertThat(l.path("service").asText()).isEqualTo("shelf");
        });
    }

    @Test
    void withSamplingOn_unsampledLinesCarryTheRateButNotSampled() {
        RequestLog log = log(Telemetry.Level.INFO, 0.5, 0.7);

        log.request(request("u-1"), "/books", 201, 1_000_000, 10);

        JsonNode line = lines().get(0);
        assertThat(line.path("sampling_rate").asDouble()).isEqualTo(0.5);
        assertThat(line.has("sampled")).isFalse();
    }

    @Test
    void withoutSampling_noDrawIsMade_andNoSamplingFieldWritten() {
        RequestLog log = new RequestLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), Telemetry.DEFAULT,
                () -> {
                    throw new AssertionError("drew a sample with sampling off");
                });

        log.request(request("n-1"), "/books", 201, 1_000_000, 10);

        JsonNode line = lines().get(0);
        assertThat(line.has("sampling_rate")).isFalse();
        assertThat(line.has("sampled")).isFalse();
    }

    @Test
    void transportContext_isWrittenAsPowertoolsFields_andAbsentMembersAreLeftOut() {
        RequestLog log = log(Telemetry.Level.INFO, 0);
        RequestContext lambda = new RequestContext(new RequestContext.Invocation(true, "bookshelf", "$LATEST",
                "8f5c3a1e-0000-4000-8000-000000000001"), "c6af9ac6-7b61-11e6-9a41-93e8deadbe09",
                "1-5759e988-bd862e3fe1be46a994272793", null);
        ApiRequest base = request("ctx-1");

        log.request(new ApiRequest("GET", "/health", null, null, null, "ctx-1", null, lambda), "/health", 200, 1, 0);
        log.request(base, "/books", 201, 1, 0);

        JsonNode withContext = lines().get(0);
        assertThat(withContext.path("cold_start").asBoolean()).isTrue();
        assertThat(withContext.path("function_name").asText()).isEqualTo("bookshelf");
        assertThat(withContext.path("function_version").asText()).isEqualTo("$LATEST");
        assertThat(withContext.path("function_request_id").asText()).isEqualTo("8f5c3a1e-0000-4000-8000-000000000001");
        assertThat(withContext.path("correlation_id").asText()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbe09");
        assertThat(withContext.path("xray_trace_id").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(withContext.has("trace_id")).isFalse();
        JsonNode without = lines().get(1);
        assertThat(List.of("cold_start", "function_name", "function_version", "function_request_id", "correlation_id",
                "xray_trace_id", "trace_id")).noneMatch(without::has);
    }
}
