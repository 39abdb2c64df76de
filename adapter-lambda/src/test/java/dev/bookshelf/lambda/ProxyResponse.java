package dev.bookshelf.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A proxy response as the handler wrote it, parsed for assertions. */
record ProxyResponse(JsonNode json) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static ProxyResponse parse(byte[] bytes) {
        try {
            return new ProxyResponse(MAPPER.readTree(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int status() {
        return json.get("statusCode").intValue();
    }

    boolean base64() {
        return json.get("isBase64Encoded").booleanValue();
    }

    String body() {
        return json.get("body").textValue();
    }

    /** The body's bytes, decoded from base64 when so marked. */
    byte[] bodyBytes() {
        return base64() ? Base64.getDecoder().decode(body()) : body().getBytes(StandardCharsets.UTF_8);
    }

    JsonNode bodyJson() {
        try {
            return MAPPER.readTree(bodyBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every value of a header, whatever the case of its name. */
    List<String> header(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, JsonNode> header : json.get("multiValueHeaders").properties()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                header.getValue().forEach(v -> values.add(v.textValue()));
            }
        }
        return values;
    }
}
