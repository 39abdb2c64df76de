package dev.bookshelf.lambda.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as the client sent it, before a gateway touched it: method, the request
 * target's raw path (still percent-encoded, without the stage segment of an API Gateway default
 * endpoint; with a custom domain's base path) and raw query, the header lines in order, the body
 * bytes, the client's address, and optionally the request id the gateway will assign (random
 * when null). Immutable; {@code with...} methods return changed copies.
 */
public record ClientRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                            byte[] body, String sourceIp, String requestId) {
    public ClientRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
        sourceIp = sourceIp == null ? "127.0.0.1" : sourceIp;
    }

    /** A request for {@code target} ({@code /path?query}, as on the request line), from 127.0.0.1. */
    public static ClientRequest of(String method, String target) {
        int q = target.indexOf('?');
        return new ClientRequest(method, q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1),
                List.of(), null, null, null);
    }

    public ClientRequest withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new ClientRequest(method, rawPath, rawQuery, more, body, sourceIp, requestId);
    }

    public ClientRequest withBody(byte[] bytes) {
        return new ClientRequest(method, rawPath, rawQuery, headers, bytes, sourceIp, requestId);
    }

    /** A UTF-8 text body with its content type. */
    public ClientRequest withBody(String contentType, String text) {
        return withHeader("Content-Type", contentType).withBody(text.getBytes(StandardCharsets.UTF_8));
    }

    public ClientRequest withSourceIp(String ip) {
        return new ClientRequest(method, rawPath, rawQuery, headers, body, ip, requestId);
    }

    public ClientRequest withRequestId(String id) {
        return new ClientRequest(method, rawPath, rawQuery, headers, body, sourceIp, id);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Header values by name as first written (names compared case-insensitively), in order. */
    Map<String, List<String>> headerMap(boolean lowerCaseNames) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            String lower = h.getKey().toLowerCase(Locale.ROOT);
            names.putIfAbsent(lower, lowerCaseNames ? lower : h.getKey());
            values.computeIfAbsent(lower, k -> new ArrayList<>()).add(h.getValue());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        values.forEach((lower, list) -> out.put(names.get(lower), list));
        return out;
    }

    /** The first value of a header, or null. */
    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
