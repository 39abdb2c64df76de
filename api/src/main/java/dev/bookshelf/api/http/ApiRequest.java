package dev.bookshelf.api.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A transport-neutral HTTP request. {@code path} is already percent-decoded and relative to the
 * service root (no stage, no base path); {@code query} values are decoded exactly once.
 */
public record ApiRequest(String method, String path, Headers headers, Map<String, List<String>> query,
                         byte[] body, String requestId, String sourceIp) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = headers == null ? Headers.empty() : headers;
        query = query == null ? Map.of() : copy(query);
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(requestId, "requestId");
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
