package dev.bookshelf.lambda.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP response a front door makes of a handler's answer, in any of the response formats:
 * {@code statusCode}; header lines from {@code multiValueHeaders} and {@code headers} (a value is
 * one line, never split); a {@code Set-Cookie} line per element of {@code cookies}; the body, its
 * base64 decoded when {@code isBase64Encoded}. {@code statusDescription} is not needed for that.
 */
public record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public GatewayResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    /** Parses a handler's answer; a malformed answer is an {@link IllegalArgumentException}. */
    public static GatewayResponse parse(byte[] answer) {
        JsonNode json;
        try {
            json = MAPPER.readTree(answer);
        } catch (IOException e) {
            throw new IllegalArgumentException("The handler's answer is not JSON", e);
        }
        if (json == null || !json.path("statusCode").isInt()) {
            throw new IllegalArgumentException("The handler's answer has no integer statusCode");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        json.path("multiValueHeaders").properties().forEach(h -> h.getValue().forEach(v -> add(headers, h.getKey(), v)));
        json.path("headers").properties().forEach(h -> {
            if (!contains(headers, h.getKey())) {
                add(headers, h.getKey(), h.getValue());
            }
        });
        json.path("cookies").forEach(c -> add(headers, "Set-Cookie", c));
        String text = json.path("body").asText("");
        byte[] body = json.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                : text.getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse(json.get("statusCode").intValue(), headers, body);
    }

    private static void add(Map<String, List<String>> headers, String name, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            String key = headers.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(name);
            headers.computeIfAbsent(key, k -> new ArrayList<>()).add(value.asText());
        }
    }

    private static boolean contains(Map<String, List<String>> headers, String name) {
        return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
    }

    /** Every value of a header, whatever the case of its name. */
    public List<String> headerValues(String name) {
        List<String> out = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                out.addAll(v);
            }
        });
        return out;
    }

    public Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "GatewayResponse[" + status + ", " + headers.keySet() + ", " + body.length + " bytes]";
    }
}
