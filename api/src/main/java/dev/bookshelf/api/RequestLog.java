package dev.bookshelf.api;

import dev.bookshelf.api.json.Json;
import java.io.PrintStream;
import java.time.Instant;

/**
 * One structured JSON line per request (method, route template, status, duration, request id),
 * the same on every transport. Never a body, a password, a token or a query string.
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
            g.writeStringField("time", Instant.now().toString());
            g.writeStringField("level", level);
            g.writeStringField("msg", message);
            g.writeEndObject();
        }), java.nio.charset.StandardCharsets.UTF_8));
    }

    private void line(String level, String msg, String method, String route, int status, double durationMs,
                      String requestId, Throwable t) {
        byte[] bytes = json.write(g -> {
            g.writeStartObject();
            g.writeStringField("time", Instant.now().toString());
            g.writeStringField("level", level);
            g.writeStringField("msg", msg);
            g.writeStringField("method", method);
            g.writeStringField("route", route);
            g.writeNumberField("status", status);
            if (durationMs >= 0) {
                g.writeNumberField("durationMs", Math.round(durationMs * 100) / 100.0);
            }
            g.writeStringField("requestId", requestId);
            if (t != null) {
                g.writeStringField("error", t.getClass().getName());
                StackTraceElement[] st = t.getStackTrace();
                g.writeStringField("at", st.length > 0 ? st[0].toString() : "");
            }
            g.writeEndObject();
        });
        out.println(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
}
