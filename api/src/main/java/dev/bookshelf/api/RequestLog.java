package dev.bookshelf.api;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.bookshelf.api.json.IsoTime;
import dev.bookshelf.api.json.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One structured JSON line per request (method, route template, status, duration, request id),
 * the same on every transport. Never a body, a password, a token or a query string.
 *
 * <p>Written once per request on both transports, so the line is built directly (values escaped
 * by Jackson's encoder) and handed to the stream as one write, without a generator per line.
 */
public final class RequestLog {
    private final Json json;
    private final PrintStream out;
    public RequestLog(Json json, PrintStream out) {
        this.json = json;
        this.out = out;
    }

    public void request(String method, String route, int status, double durationMs, String requestId) {
        line("INFO", "request", method, route, status, durationMs, requestId, null);
    }

    /** An unexpected failure: its class and message only, never request data. */
    public void failure(String method, String route, String requestId, Throwable t) {
        line("ERROR", "unexpected failure", method, route, 500, -1, requestId, t);
    }

    /** A one-off operational event (startup, shutdown, warnings). */
    public void event(String level, String message) {
        out.println(new String(json.write(g -> {
            g.writeStartObject();
            g.writeStringField("time", time(System.currentTimeMillis()));
            g.writeStringField("level", level);
            g.writeStringField("msg", message);
            g.writeEndObject();
        }), StandardCharsets.UTF_8));
    }

    private void line(String level, String msg, String method, String route, int status, double durationMs,
                      String requestId, Throwable t) {
        StringBuilder b = new StringBuilder(192).append('{');
        field(b, "time", time(System.currentTimeMillis())).append(',');
        field(b, "level", level).append(',');
        field(b, "msg", msg).append(',');
        field(b, "method", method).append(',');
        field(b, "route", route).append(',');
        b.append("\"status\":").append(status).append(',');
        if (durationMs >= 0) {
            long hundredths = Math.round(durationMs * 100);
            long cents = hundredths % 100;
            b.append("\"durationMs\":").append(hundredths / 100).append('.').append(cents < 10 ? "0" : "")
                    .append(cents).append(',');
        }
        field(b, "requestId", requestId);
        if (t != null) {
            b.append(',');
            field(b, "error", t.getClass().getName()).append(',');
            StackTraceElement[] st = t.getStackTrace();
            field(b, "at", st.length > 0 ? st[0].toString() : "");
        }
        byte[] bytes = b.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":");
        if (value == null) {
            return b.append("null");
        }
        b.append('"');
        if (plain(value)) {
            b.append(value);
        } else {
            JsonStringEncoder.getInstance().quoteAsString(value, b);
        }
        return b.append('"');
    }

    /** Printable ASCII without quote or backslash: nothing to escape (routes, ids, levels usually are). */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** UTC time with milliseconds, as {@code 2026-11-25T18:30:00.123Z}. */
    String time(long epochMillis) {
        return IsoTime.format(Instant.ofEpochMilli(epochMillis));
    }
}
