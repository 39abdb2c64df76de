package dev.bookshelf.api;

import dev.bookshelf.api.config.Telemetry;
import dev.bookshelf.api.config.Telemetry.Level;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.Bearer;
import dev.bookshelf.api.http.RequestContext;
import dev.bookshelf.api.json.IsoTime;
import dev.bookshelf.api.json.LineBuffer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * One structured JSON line per request (method, route template, status, duration, request id and
 * what the transport knows: see {@link RequestContext}), the same on every transport, with the
 * field names of AWS Lambda Powertools' structured logging where Powertools has one
 * ({@code service}, {@code cold_start}, {@code function_name}, {@code function_version},
 * {@code function_request_id}, {@code xray_trace_id}, {@code correlation_id}, {@code sampling_rate}).
 * Never a body, a password, a token or a query string.
 *
 * <p>Levels ({@link Telemetry}): request lines are INFO, so at WARN and ERROR they are left out,
 * except for answers with a 5xx status; an unexpected failure is always logged, at ERROR, with its
 * class, its message ({@link ErrorText}) and where it was thrown. A sampled request (the debug
 * sample rate) is logged as if the level were DEBUG: its request line is written whatever the
 * level, after a DEBUG line with details, both marked {@code "sampled":true}.
 */
public final class RequestLog {
    private static final LogLine.Key LEVEL = LogLine.key("level");
    private static final LogLine.Key MSG = LogLine.key("msg");
    private static final LogLine.Key METHOD = LogLine.key("method");
    private static final LogLine.Key ROUTE = LogLine.key("route");
    private static final LogLine.Key STATUS = LogLine.key("status");
    private static final LogLine.Key DURATION = LogLine.key("durationMs");
    private static final LogLine.Key REQUEST_ID = LogLine.key("requestId");
    private static final LogLine.Key CORRELATION_ID = LogLine.key("correlation_id");
    private static final LogLine.Key XRAY_TRACE_ID = LogLine.key("xray_trace_id");
    private static final LogLine.Key TRACE_ID = LogLine.key("trace_id");
    private static final LogLine.Key COLD_START = LogLine.key("cold_start");
    private static final LogLine.Key FUNCTION_REQUEST_ID = LogLine.key("function_request_id");
    private static final LogLine.Key SAMPLED = LogLine.key("sampled");
    private static final LogLine.Key ERROR = LogLine.key("error");
    private static final LogLine.Key ERROR_MESSAGE = LogLine.key("errorMessage");
    private static final LogLine.Key AT = LogLine.key("at");
    private static final LogLine.Key REQUEST_BYTES = LogLine.key("requestBytes");
    private static final LogLine.Key RESPONSE_BYTES = LogLine.key("responseBytes");
    private static final LogLine.Key CONTENT_TYPE = LogLine.key("contentType");
    private static final LogLine.Key USER_AGENT = LogLine.key("userAgent");
    private static final LogLine.Key AUTH = LogLine.key("auth");

    /** Draws for sampling: uniform in [0, 1). */
    public static final DoubleSupplier RANDOM = () -> ThreadLocalRandom.current().nextDouble();

    private final PrintStream out;
    private final Level threshold;
    private final double sampleRate;
    private final DoubleSupplier random;
    /** {@code ,"service":"..."}, built once. */
    private final byte[] service;
    /** {@code ,"sampling_rate":0.1} when sampling is on, else empty. */
    private final byte[] samplingRate;
    private final byte[] requestHead;
    private final byte[] failureHead;
    private final byte[] detailHead;
    /** The function's name and version as members, for the container's function (see {@link #function}). */
    private volatile Function function;

    /** Logs at INFO for service {@value Telemetry#DEFAULT_SERVICE}, without sampling. */
    public RequestLog(PrintStream out) {
        this(out, Telemetry.DEFAULT, RANDOM);
    }

    /** {@code random} draws the sampling decisions (inject a seeded one in tests). */
    public RequestLog(PrintStream out, Telemetry telemetry, DoubleSupplier random) {
        this.out = out;
        this.threshold = telemetry.level();
        this.sampleRate = telemetry.sampleRate();
        this.random = random;
        this.service = LogLine.member("service", telemetry.service());
        this.samplingRate = (sampleRate > 0 ? ",\"sampling_rate\":" + sampleRate : "").getBytes(StandardCharsets.UTF_8);
        this.requestHead = head("INFO", "request");
        this.failureHead = head("ERROR", "unexpected failure");
        this.detailHead = head("DEBUG", "request detail");
    }

    /** The request line of an answered request (and its DEBUG line when the level or sampling calls for one). */
    public void request(ApiRequest req, String route, int status, long durationNanos, int responseBytes) {
        boolean sampled = sampleRate > 0 && random.getAsDouble() < sampleRate;
        Level effective = sampled ? Level.DEBUG : threshold;
        if (effective == Level.DEBUG) {
            write(detail(req, route, responseBytes, sampled));
        }
        if (status >= 500 || Level.INFO.atLeast(effective)) {
            LogLine line = start(requestHead, req, route).number(STATUS, status).millis(DURATION, durationNanos)
                    .safe(REQUEST_ID, req.requestId());
            write(end(context(line, req.context()), sampled));
        }
    }

    /** An unexpected failure: its class, message and first frame only, never request data. Always written. */
    public void failure(ApiRequest req, String route, Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        LogLine line = start(failureHead, req, route).number(STATUS, 500).safe(REQUEST_ID, req.requestId());
        context(line, req.context()).string(ERROR, t.getClass().getName()).optional(ERROR_MESSAGE, ErrorText.of(t))
                .string(AT, st.length > 0 ? st[0].toString() : "");
        write(end(line, false));
    }

    /**
     * A one-off operational event (startup, shutdown, warnings), written when its level is enabled,
     * and flushed at once with whatever is still buffered.
     */
    public void event(String level, String message) {
        if (enabled(level)) {
            write(new LogLine(time(System.currentTimeMillis())).string(LEVEL, level).string(MSG, message).raw(service));
            out.flush();
        }
    }

    /**
     * Writes out what the stream still buffers: a transport that buffers its log stream flushes
     * it once per request this way (the Lambda handler does, before it answers).
     */
    public void flush() {
        out.flush();
    }

    /** Events of a level this log does not know are written. */
    private boolean enabled(String level) {
        Level l = Level.of(level);
        return l == null || l.atLeast(threshold);
    }

    private LogLine detail(ApiRequest req, String route, int responseBytes, boolean sampled) {
        LogLine line = start(detailHead, req, route).safe(REQUEST_ID, req.requestId());
        context(line, req.context()).number(REQUEST_BYTES, req.bodyUnsafe().length)
                .number(RESPONSE_BYTES, responseBytes)
                .optional(CONTENT_TYPE, mediaType(req.header("Content-Type").orElse(null)))
                .optional(USER_AGENT, cut(req.header("User-Agent").orElse(null), 200))
                .string(AUTH, auth(req.header("Authorization").orElse(null)));
        return end(line, sampled);
    }

    /** {@code ,"level":"...","msg":"...","service":"..."}, built once per kind of line. */
    private byte[] head(String level, String msg) {
        return concat(LogLine.member("level", level), LogLine.member("msg", msg), service);
    }

    private static byte[] concat(byte[]... parts) {
        LineBuffer b = new LineBuffer(128);
        for (byte[] part : parts) {
            b.raw(part);
        }
        return b.toBytes();
    }

    private LogLine start(byte[] head, ApiRequest req, String route) {
        return new LogLine(time(System.currentTimeMillis())).raw(head).string(METHOD, req.method()).string(ROUTE, route);
    }

    /** The context's members; its ids were validated ({@link RequestContext}), so they go in unescaped. */
    private LogLine context(LogLine line, RequestContext c) {
        if (c == RequestContext.NONE) {
            return line;
        }
        line.safe(CORRELATION_ID, c.correlationId()).safe(XRAY_TRACE_ID, c.xrayTraceId()).safe(TRACE_ID, c.traceId());
        RequestContext.Invocation i = c.invocation();
        if (i != null) {
            line.bool(COLD_START, i.coldStart()).raw(function(i)).optional(FUNCTION_REQUEST_ID, i.requestId());
        }
        return line;
    }

    /** {@code ,"function_name":...,"function_version":...}, built once per container (they do not change). */
    private byte[] function(RequestContext.Invocation i) {
        Function f = function;
        if (f == null || !Objects.equals(f.name, i.functionName()) || !Objects.equals(f.version, i.functionVersion())) {
            byte[] members = concat(
                    i.functionName() == null ? new byte[0] : LogLine.member("function_name", i.functionName()),
                    i.functionVersion() == null ? new byte[0] : LogLine.member("function_version", i.functionVersion()));
            f = new Function(i.functionName(), i.functionVersion(), members);
            function = f;
        }
        return f.members;
    }

    private record Function(String name, String version, byte[] members) {
    }

    private LogLine end(LogLine line, boolean sampled) {
        line.raw(samplingRate);
        return sampled ? line.bool(SAMPLED, true) : line;
    }

    /** The media type alone ({@code application/json}), without parameters. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return cut((semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip(), 100);
    }

    /** Which kind of credentials came, never the credentials: {@code none}, {@code bearer} or {@code other}. */
    private static String auth(String authorization) {
        if (authorization == null) {
            return "none";
        }
        return Bearer.isBearer(authorization.strip()) ? "bearer" : "other";
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private void write(LogLine line) {
        line.writeTo(out);
    }

    /**
     * UTC time with milliseconds, as {@code 2026-11-25T18:30:00.123Z}. The last one is kept: a busy
     * server logs many lines within one millisecond.
     */
    String time(long epochMillis) {
        Stamp last = stamp;
        if (last != null && last.epochMillis == epochMillis) {
            return last.text;
        }
        String text = IsoTime.format(Instant.ofEpochMilli(epochMillis));
        stamp = new Stamp(epochMillis, text);
        return text;
    }

    private record Stamp(long epochMillis, String text) {
    }

    /** The last time written (see {@link #time}); any thread's, as they all log the same clock. */
    private volatile Stamp stamp;
}
