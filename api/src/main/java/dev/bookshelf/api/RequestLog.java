package dev.bookshelf.api;

import dev.bookshelf.api.config.Telemetry;
import dev.bookshelf.api.config.Telemetry.Level;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.RequestContext;
import dev.bookshelf.api.json.IsoTime;
import java.io.PrintStream;
import java.time.Instant;
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
    /** Draws for sampling: uniform in [0, 1). */
    public static final DoubleSupplier RANDOM = () -> ThreadLocalRandom.current().nextDouble();

    private final PrintStream out;
    private final Level threshold;
    private final double sampleRate;
    private final DoubleSupplier random;
    /** {@code "service":"..."}, built once. */
    private final String service;
    /** {@code "sampling_rate":0.1} when sampling is on, else empty. */
    private final String samplingRate;

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
        this.samplingRate = sampleRate > 0 ? "\"sampling_rate\":" + sampleRate : "";
    }

    /** The request line of an answered request (and its DEBUG line when the level or sampling calls for one). */
    public void request(ApiRequest req, String route, int status, long durationNanos, int responseBytes) {
        boolean sampled = sampleRate > 0 && random.getAsDouble() < sampleRate;
        Level effective = sampled ? Level.DEBUG : threshold;
        if (effective == Level.DEBUG) {
            write(detail(req, route, responseBytes, sampled));
        }
        if (status >= 500 || Level.INFO.atLeast(effective)) {
            LogLine line = start("INFO", "request", req, route).number("status", status)
                    .millis("durationMs", durationNanos / 1e6).string("requestId", req.requestId());
            write(end(context(line, req.context()), sampled));
        }
    }

    /** An unexpected failure: its class, message and first frame only, never request data. Always written. */
    public void failure(ApiRequest req, String route, Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        LogLine line = start("ERROR", "unexpected failure", req, route).number("status", 500)
                .string("requestId", req.requestId());
        context(line, req.context()).string("error", t.getClass().getName()).optional("errorMessage", ErrorText.of(t))
                .string("at", st.length > 0 ? st[0].toString() : "");
        write(end(line, false));
    }

    /** A one-off operational event (startup, shutdown, warnings), written when its level is enabled. */
    public void event(String level, String message) {
        if (enabled(level)) {
            LogLine line = new LogLine().string("time", time(System.currentTimeMillis())).string("level", level)
                    .string("msg", message).raw(service);
            write(line);
        }
    }

    private boolean enabled(String level) {
        for (Level l : Level.values()) {
            if (l.name().equals(level)) {
                return l.atLeast(threshold);
            }
        }
        return true;
    }

    private LogLine detail(ApiRequest req, String route, int responseBytes, boolean sampled) {
        LogLine line = start("DEBUG", "request detail", req, route).string("requestId", req.requestId());
        context(line, req.context()).number("requestBytes", req.bodyUnsafe().length)
                .number("responseBytes", responseBytes)
                .optional("contentType", mediaType(req.header("Content-Type").orElse(null)))
                .optional("userAgent", cut(req.header("User-Agent").orElse(null), 200))
                .string("auth", auth(req.header("Authorization").orElse(null)));
        return end(line, sampled);
    }

    private LogLine start(String level, String msg, ApiRequest req, String route) {
        return new LogLine().string("time", time(System.currentTimeMillis())).string("level", level)
                .string("msg", msg).raw(service).string("method", req.method()).string("route", route);
    }

    private static LogLine context(LogLine line, RequestContext c) {
        if (c == RequestContext.NONE) {
            return line;
        }
        line.optional("correlation_id", c.correlationId()).optional("xray_trace_id", c.xrayTraceId())
                .optional("trace_id", c.traceId());
        RequestContext.Invocation i = c.invocation();
        if (i != null) {
            line.bool("cold_start", i.coldStart()).optional("function_name", i.functionName())
                    .optional("function_version", i.functionVersion()).optional("function_request_id", i.requestId());
        }
        return line;
    }

    private LogLine end(LogLine line, boolean sampled) {
        line.raw(samplingRate);
        return sampled ? line.bool("sampled", true) : line;
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
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? "bearer" : "other";
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private void write(LogLine line) {
        byte[] bytes = line.bytes();
        out.write(bytes, 0, bytes.length);
    }

    /** UTC time with milliseconds, as {@code 2026-11-25T18:30:00.123Z}. */
    String time(long epochMillis) {
        return IsoTime.format(Instant.ofEpochMilli(epochMillis));
    }
}
