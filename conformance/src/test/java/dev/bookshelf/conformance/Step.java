package dev.bookshelf.conformance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request of a scenario, what its answer must show, and what to remember from it. Path,
 * query, header values and a text body may hold {@code {{name}}}, replaced by the value captured
 * earlier <em>on the same transport</em> (in the query it is percent-encoded). Build with the
 * static methods and the chained setters; a step is not changed once its scenario is built.
 */
final class Step {
    static final String JSON = "application/json; charset=utf-8";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([A-Za-z0-9]+)}}");

    private final String method;
    private final String path;
    private final String query;
    private final List<HttpCall.Header> headers = new ArrayList<>();
    private String textBody;
    private byte[] rawBody;
    private String note = "";
    private int status = -1;
    private final List<String> shows = new ArrayList<>();
    private final List<Capture> captures = new ArrayList<>();

    /** Where a value is captured from: a JSON pointer into the body, or a header. */
    record Capture(String name, String pointer, String header, boolean varies) {
    }

    private Step(String method, String target) {
        this.method = method;
        int q = target.indexOf('?');
        this.path = q < 0 ? target : target.substring(0, q);
        this.query = q < 0 ? null : target.substring(q + 1);
    }

    static Step call(String method, String target) {
        return new Step(method, target);
    }

    static Step get(String target) {
        return call("GET", target);
    }

    static Step head(String target) {
        return call("HEAD", target);
    }

    static Step post(String target) {
        return call("POST", target);
    }

    static Step patch(String target) {
        return call("PATCH", target);
    }

    static Step delete(String target) {
        return call("DELETE", target);
    }

    static Step options(String target) {
        return call("OPTIONS", target);
    }

    /** What the step is about, shown in reports next to the request line. */
    Step note(String text) {
        this.note = text;
        return this;
    }

    Step header(String name, String value) {
        headers.add(new HttpCall.Header(name, value));
        return this;
    }

    Step bearer(String tokenVariable) {
        return header("Authorization", "Bearer {{" + tokenVariable + "}}");
    }

    Step origin(String origin) {
        return header("Origin", origin);
    }

    Step lang(String acceptLanguage) {
        return header("Accept-Language", acceptLanguage);
    }

    Step ifMatch(String etag) {
        return header("If-Match", etag);
    }

    /** A UTF-8 JSON body with {@code Content-Type: application/json; charset=utf-8}. */
    Step json(String body) {
        return text(JSON, body);
    }

    /** A text body (UTF-8) with the given content type (null: no Content-Type header). */
    Step text(String contentType, String body) {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        this.textBody = body;
        return this;
    }

    /** Body bytes sent as they are (no variables), with the given content type. */
    Step bytes(String contentType, byte[] body) {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        this.rawBody = body.clone();
        return this;
    }

    Step expect(int expectedStatus) {
        this.status = expectedStatus;
        return this;
    }

    /** Fragments the normalized answer (status line, headers, body) must contain on every transport. */
    Step shows(String... fragments) {
        shows.addAll(List.of(fragments));
        return this;
    }

    /** Remembers a body value that differs per transport (an id, a token, a cursor) as {@code {{name}}}. */
    Step captureId(String name, String jsonPointer) {
        captures.add(new Capture(name, jsonPointer, null, true));
        return this;
    }

    /** Remembers a header value that must be the same on every transport (an ETag). */
    Step captureHeader(String name, String header) {
        captures.add(new Capture(name, null, header, false));
        return this;
    }

    HttpCall toCall(Map<String, String> vars) {
        List<HttpCall.Header> resolved = new ArrayList<>();
        headers.forEach(h -> resolved.add(new HttpCall.Header(h.name(), substitute(h.value(), vars, false))));
        resolved.add(new HttpCall.Header("User-Agent", "bookshelf-conformance/1.0"));
        byte[] body = rawBody != null ? rawBody.clone()
                : textBody != null ? substitute(textBody, vars, false).getBytes(StandardCharsets.UTF_8) : null;
        return new HttpCall(method, substitute(path, vars, true), query == null ? null : substitute(query, vars, true),
                resolved, body);
    }

    private static String substitute(String template, Map<String, String> vars, boolean encode) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("{{" + m.group(1) + "}} was not captured before it is used");
            }
            String text = encode ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : value;
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    int expectedStatus() {
        return status;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    List<String> shows() {
        return List.copyOf(shows);
    }

    List<Capture> captures() {
        return List.copyOf(captures);
    }

    @Override
    public String toString() {
        String target = query == null ? path : path + "?" + query;
        return method + " " + target + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
