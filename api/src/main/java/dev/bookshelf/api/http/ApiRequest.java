package dev.bookshelf.api.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A transport-neutral HTTP request. {@code path} is percent-decoded and without the API Gateway
 * stage, but still carries any base-path prefix: the dispatcher strips {@code BASE_PATH}, once,
 * for every transport. {@code query} values are decoded exactly once. A {@code requestId} that
 * is missing or unsafe to echo is replaced by a random one. {@code context} is what the transport
 * knows besides HTTP (invocation, correlation and trace ids), for logs and metrics only.
 */
public record ApiRequest(String method, String path, Headers headers, Map<String, List<String>> query,
                         byte[] body, String requestId, String sourceIp, RequestContext context) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = headers == null ? Headers.empty() : headers;
        query = query == null || query.isEmpty() ? Map.of() : copy(query);
        body = body == null ? new byte[0] : body;
        requestId = safeRequestId(requestId);
        context = context == null ? RequestContext.NONE : context;
    }

    /** A request without transport context ({@link RequestContext#NONE}). */
    public ApiRequest(String method, String path, Headers headers, Map<String, List<String>> query, byte[] body,
                      String requestId, String sourceIp) {
        this(method, path, headers, query, body, requestId, sourceIp, RequestContext.NONE);
    }

    /** The transport's request id when it is safe to echo in a header and a log, else a new one. */
    private static String safeRequestId(String id) {
        return isSafeId(id) ? id : RequestIds.next();
    }

    /** 1–128 letters, digits, {@code ._:-} and the base64 alphabet's {@code +/=} (HTTP API ids end in {@code =}). */
    static boolean isSafeId(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= SAFE_ID_CHARS.length || !SAFE_ID_CHARS[c]) {
                return false;
            }
        }
        return true;
    }

    /** The characters {@link #isSafeId} accepts, by code: one load per character instead of eleven tests. */
    private static final boolean[] SAFE_ID_CHARS = safeIdChars();

    private static boolean[] safeIdChars() {
        boolean[] ok = new boolean[128];
        for (char c = 0; c < ok.length; c++) {
            ok[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._:+/=-".indexOf(c) >= 0;
        }
        return ok;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> query) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        query.forEach((k, v) -> out.put(k, v == null ? List.of() : List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body without copying; callers must not modify it. */
    public byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + requestId + ")";
    }
}
