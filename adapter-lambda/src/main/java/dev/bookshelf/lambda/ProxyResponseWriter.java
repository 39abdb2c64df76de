package dev.bookshelf.lambda;

import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link ApiResponse} as a Lambda proxy integration response: {@code statusCode},
 * every header in {@code multiValueHeaders} (so several {@code Set-Cookie} survive), and the
 * body as UTF-8 text for textual content types or base64 otherwise, with {@code isBase64Encoded}
 * always present. Non-ASCII text is written as raw UTF-8, never escaped.
 */
final class ProxyResponseWriter {
    private final Json json;

    ProxyResponseWriter(Json json) {
        this.json = json;
    }

    byte[] write(ApiResponse response) {
        byte[] body = response.bodyUnsafe();
        String text = textOrNull(body, response.headers().first("Content-Type").orElse(null));
        return json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("statusCode", response.status());
            g.writeObjectFieldStart("multiValueHeaders");
            for (Map.Entry<String, List<String>> header : response.headers().asMap().entrySet()) {
                g.writeArrayFieldStart(header.getKey());
                for (String value : header.getValue()) {
                    g.writeString(value);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeStringField("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            g.writeBooleanField("isBase64Encoded", text == null);
            g.writeEndObject();
        });
    }

    /** The body as text when it is empty or textual and valid UTF-8; null when it must go as base64. */
    static String textOrNull(byte[] body, String contentType) {
        if (body.length == 0) {
            return "";
        }
        if (contentType == null || !isTextual(contentType)) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** JSON, XML, JavaScript and text/* in UTF-8 (or with no charset named) travel as text. */
    static boolean isTextual(String contentType) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String media = parts[0].strip();
        int slash = media.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String type = media.substring(0, slash);
        String sub = media.substring(slash + 1);
        boolean textual = type.equals("text") || sub.equals("json") || sub.endsWith("+json") || sub.equals("xml")
                || sub.endsWith("+xml") || sub.equals("javascript") || sub.equals("x-javascript")
                || sub.equals("ecmascript");
        for (int i = 1; i < parts.length && textual; i++) {
            String param = parts[i].strip();
            if (param.startsWith("charset=")) {
                String charset = param.substring("charset=".length()).replace("\"", "").strip();
                textual = charset.equals("utf-8") || charset.equals("utf8") || charset.equals("us-ascii");
            }
        }
        return textual;
    }
}
