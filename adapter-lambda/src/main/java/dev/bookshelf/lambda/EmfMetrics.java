package dev.bookshelf.lambda;

import dev.bookshelf.api.RequestListener;
import dev.bookshelf.api.config.Telemetry;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.RequestContext;
import dev.bookshelf.api.json.LineBuffer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Request metrics of a Lambda function as CloudWatch Embedded Metric Format lines: one JSON line
 * on standard output per answered invocation, which CloudWatch Logs turns into metrics with no
 * agent and no API call (nothing is sent over the network, nothing blocks). Metrics, in the
 * namespace of {@link Telemetry#namespace()}:
 *
 * <ul>
 *   <li>{@code Requests} (Count) and {@code Latency} (Milliseconds, the dispatcher's time), by
 *       {@code Service}, {@code Method}, {@code Route} (the route table's template, or {@code -}
 *       when none matched; then the method is {@code -} too, so no client can add dimension
 *       values) and {@code StatusClass} ({@code 2xx}, {@code 4xx}, {@code 5xx}...);
 *   <li>{@code ColdStart} (Count, 1), by {@code Service} and {@code FunctionName}, on the line of
 *       the container's first invocation only, as AWS Lambda Powertools reports it.
 * </ul>
 * Each line also carries {@code function_request_id} and {@code xray_trace_id} (when traced) as
 * plain members, to go from a metric to the invocation's log lines. Requests that are not
 * invocations (SnapStart priming) are not counted.
 */
final class EmfMetrics implements RequestListener {
    private static final String REQUEST_METRICS = ",\"Dimensions\":[[\"Service\",\"Method\",\"Route\",\"StatusClass\"]],"
            + "\"Metrics\":[{\"Name\":\"Requests\",\"Unit\":\"Count\"},{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]}";
    private static final String COLD_START_METRICS = ",\"Dimensions\":[[\"Service\",\"FunctionName\"]],"
            + "\"Metrics\":[{\"Name\":\"ColdStart\",\"Unit\":\"Count\"}]}";

    private static final byte[] TIMESTAMP = "{\"_aws\":{\"Timestamp\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROUTE = ",\"Route\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] STATUS_CLASS = ",\"StatusClass\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LATENCY = ",\"Requests\":1,\"Latency\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FUNCTION_NAME = ",\"FunctionName\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COLD_START = ",\"ColdStart\":1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REQUEST_ID = ",\"function_request_id\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] XRAY = ",\"xray_trace_id\":\"".getBytes(StandardCharsets.UTF_8);

    private final PrintStream out;
    private final LongSupplier clock;
    /** What follows the Timestamp up to the Method's value, built once: for warm and for cold invocations. */
    private final byte[] warmTail;
    private final byte[] coldTail;

    EmfMetrics(Telemetry telemetry, PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        String namespace = "{\"Namespace\":" + json(telemetry.namespace());
        String service = "\"Service\":" + json(telemetry.service());
        String requests = ",\"CloudWatchMetrics\":[" + namespace + REQUEST_METRICS;
        this.warmTail = (requests + "]}," + service + ",\"Method\":").getBytes(StandardCharsets.UTF_8);
        this.coldTail = (requests + "," + namespace + COLD_START_METRICS + "]}," + service + ",\"Method\":")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void answered(ApiRequest request, String route, int status, long durationNanos) {
        RequestContext context = request.context();
        if (context.invocation() != null) {
            line(request.method(), route, status, durationNanos, context).writeLineTo(out);
        }
    }

    /** The line of one answered invocation, without its closing brace (see {@link LineBuffer#writeLineTo}). */
    LineBuffer line(String method, String route, int status, long durationNanos, RequestContext context) {
        RequestContext.Invocation invocation = context.invocation();
        boolean cold = invocation.coldStart() && invocation.functionName() != null;
        LineBuffer b = new LineBuffer(640).raw(TIMESTAMP).number(clock.getAsLong()).raw(cold ? coldTail : warmTail)
                .quoted(route.equals("-") ? "-" : method).raw(ROUTE).quoted(route)
                .raw(STATUS_CLASS).quoted(STATUS_CLASSES.get(RequestListener.statusClass(status)))
                .raw(LATENCY).millis(durationNanos);
        if (cold) {
            b.raw(FUNCTION_NAME).quoted(invocation.functionName()).raw(COLD_START);
        }
        if (invocation.requestId() != null) {
            b.raw(REQUEST_ID).quoted(invocation.requestId());
        }
        if (context.xrayTraceId() != null) {
            b.raw(XRAY).ascii(context.xrayTraceId()).ascii('"');
        }
        return b;
    }

    private static String json(String value) {
        return new String(new LineBuffer(64).quoted(value).toBytes(), StandardCharsets.UTF_8);
    }
}
