package dev.bookshelf.lambda;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.bookshelf.api.RequestListener;
import dev.bookshelf.api.config.Telemetry;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.RequestContext;
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

    private final PrintStream out;
    private final LongSupplier clock;
    /** {@code {"Namespace":"..."}} opened, built once. */
    private final String namespace;
    /** {@code "Service":"..."}, built once. */
    private final String service;

    EmfMetrics(Telemetry telemetry, PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        this.namespace = "{\"Namespace\":" + quoted(new StringBuilder(), telemetry.namespace());
        this.service = "\"Service\":" + quoted(new StringBuilder(), telemetry.service());
    }

    @Override
    public void answered(ApiRequest request, String route, int status, long durationNanos) {
        RequestContext context = request.context();
        RequestContext.Invocation invocation = context.invocation();
        if (invocation == null) {
            return;
        }
        byte[] line = line(request.method(), route, status, durationNanos, context).getBytes(StandardCharsets.UTF_8);
        out.write(line, 0, line.length);
    }

    String line(String method, String route, int status, long durationNanos, RequestContext context) {
        RequestContext.Invocation invocation = context.invocation();
        boolean cold = invocation.coldStart() && invocation.functionName() != null;
        StringBuilder b = new StringBuilder(512).append("{\"_aws\":{\"Timestamp\":").append(clock.getAsLong())
                .append(",\"CloudWatchMetrics\":[").append(namespace).append(REQUEST_METRICS);
        if (cold) {
            b.append(',').append(namespace).append(COLD_START_METRICS);
        }
        b.append("]},").append(service);
        boolean routed = !route.equals("-");
        member(b, "Method", routed ? method : "-");
        member(b, "Route", route);
        member(b, "StatusClass", status / 100 + "xx");
        b.append(",\"Requests\":1,\"Latency\":").append(Math.round(durationNanos / 1e4) / 100.0);
        if (cold) {
            member(b, "FunctionName", invocation.functionName());
            b.append(",\"ColdStart\":1");
        }
        if (invocation.requestId() != null) {
            member(b, "function_request_id", invocation.requestId());
        }
        if (context.xrayTraceId() != null) {
            member(b, "xray_trace_id", context.xrayTraceId());
        }
        return b.append("}\n").toString();
    }

    private static void member(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":");
        quoted(b, value);
    }

    private static StringBuilder quoted(StringBuilder b, String value) {
        b.append('"');
        if (plain(value)) {
            b.append(value);
        } else {
            JsonStringEncoder.getInstance().quoteAsString(value, b);
        }
        return b.append('"');
    }

    /** Printable ASCII without quote or backslash (route templates, ids, names): nothing to escape. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
