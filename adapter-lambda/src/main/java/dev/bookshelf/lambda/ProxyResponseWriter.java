package dev.bookshelf.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.http.MediaType;
import dev.bookshelf.api.http.Utf8;
import dev.bookshelf.api.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an {@link ApiResponse} in the response format of the event's kind:
 * <ul>
 * <li>payload 1.0: {@code statusCode}, every header in {@code multiValueHeaders};</li>
 * <li>payload 2.0 (HTTP API, function URL): {@code statusCode}, {@code headers} with the values of
 * a repeated header joined by {@code ", "}, every {@code Set-Cookie} in {@code cookies};</li>
 * <li>Application Load Balancer: {@code statusCode}, {@code statusDescription} ({@code "200 OK"}),
 * and {@code multiValueHeaders} or {@code headers}, in the mode the request came in.</li>
 * </ul>
 * Every format has {@code body} (UTF-8 text for textual content types, else base64) and
 * {@code isBase64Encoded}. Non-ASCII text is written as raw UTF-8, never escaped.
 */
final class ProxyResponseWriter {
    private static final Set<String> TEXT_CHARSETS = Set.of("utf-8", "utf8", "us-ascii");

    private final Json json;

    ProxyResponseWriter(Json json) {
        this.json = json;
    }

    /** Payload 1.0 format, for events of no known kind. */
    byte[] write(ApiResponse response) {
        return write(response, EventKind.PAYLOAD_1);
    }

    byte[] write(ApiResponse response, EventKind kind) {
        byte[] body = response.bodyUnsafe();
        boolean text = response.headers().contains("Content-Encoding") ? body.length == 0
                : travelsAsText(body, response.headers().first("Content-Type").orElse(null));
        return json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("statusCode", response.status());
            switch (kind) {
                case PAYLOAD_1, ALB_MULTI_VALUE -> {
                    if (kind.isAlb()) {
                        g.writeStringField("statusDescription", StatusLine.of(response.status()));
                    }
                    writeMultiValueHeaders(g, response.headers());
                }
                case HTTP_API_2, FUNCTION_URL -> writeHeadersAndCookies(g, response.headers().asMap());
                case ALB -> {
                    g.writeStringField("statusDescription", StatusLine.of(response.status()));
                    writeSingleValueHeaders(g, response.headers().asMap());
                }
            }
            g.writeFieldName("body");
            if (text) {
                g.writeUTF8String(body, 0, body.length);
            } else {
                g.writeString(Base64.getEncoder().encodeToString(body));
            }
            g.writeBooleanField("isBase64Encoded", !text);
            g.writeEndObject();
        });
    }

    private static void writeMultiValueHeaders(JsonGenerator g, Headers headers) throws IOException {
        g.writeObjectFieldStart("multiValueHeaders");
        try {
            headers.forEach((name, values) -> {
                try {
                    g.writeArrayFieldStart(name);
                    for (String value : values) {
                        g.writeString(value);
                    }
                    g.writeEndArray();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        g.writeEndObject();
    }

    /** Payload 2.0: one joined value per header; cookies apart (they cannot be joined). */
    private static void writeHeadersAndCookies(JsonGenerator g, Map<String, List<String>> headers) throws IOException {
        List<String> cookies = new ArrayList<>();
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Set-Cookie")) {
                cookies.addAll(header.getValue());
            } else {
                g.writeStringField(header.getKey(), String.join(", ", header.getValue()));
            }
        }
        g.writeEndObject();
        if (!cookies.isEmpty()) {
            g.writeArrayFieldStart("cookies");
            for (String cookie : cookies) {
                g.writeString(cookie);
            }
            g.writeEndArray();
        }
    }

    /**
     * ALB without multi-value headers: one value per header, joined by {@code ", "}; of several
     * {@code Set-Cookie} (which cannot be joined) only the last, as the load balancer itself keeps
     * the last value of a repeated request header in this mode.
     */
    private static void writeSingleValueHeaders(JsonGenerator g, Map<String, List<String>> headers) throws IOException {
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            List<String> values = header.getValue();
            boolean cookie = header.getKey().equalsIgnoreCase("Set-Cookie");
            g.writeStringField(header.getKey(), cookie ? values.get(values.size() - 1) : String.join(", ", values));
        }
        g.writeEndObject();
    }

    /** True when the body is empty, or textual and valid UTF-8; else it must go as base64. */
    static boolean travelsAsText(byte[] body, String contentType) {
        if (body.length == 0) {
            return true;
        }
        return contentType != null && isTextual(contentType) && Utf8.isWellFormed(body);
    }

    /** JSON, XML, JavaScript and text/* in UTF-8 (or with no charset named) travel as text. */
    static boolean isTextual(String contentType) {
        return MediaType.parse(contentType).map(m -> isTextualType(m) && m.charsetsWithin(TEXT_CHARSETS)).orElse(false);
    }

    private static boolean isTextualType(MediaType m) {
        String sub = m.subtype();
        return m.type().equals("text") || sub.equals("json") || sub.endsWith("+json") || sub.equals("xml")
                || sub.endsWith("+xml") || sub.equals("javascript") || sub.equals("x-javascript")
                || sub.equals("ecmascript");
    }
}
