package dev.bookshelf.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.api.http.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A dispatched response with the reading helpers tests need. */
public record Answer(ApiResponse response, String requestId) {
    public static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public int status() {
        return response.status();
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return response.headers().first(name).orElse(null);
    }

    public List<String> headers(String name) {
        return response.headers().all(name);
    }

    public byte[] bytes() {
        return response.body();
    }

    public String text() {
        return new String(response.bodyUnsafe(), StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return MAPPER.readTree(response.bodyUnsafe());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text(), e);
        }
    }

    /** {@code field:CODE} of every entry of a problem's {@code errors}, in order. */
    public List<String> fieldErrors() {
        List<String> out = new ArrayList<>();
        json().path("errors").forEach(e -> out.add(e.path("field").asText() + ":" + e.path("code").asText()));
        return out;
    }

    /** Asserts the common shape of a problem answer and returns its body. */
    public JsonNode assertProblem(int status, String slug) {
        assertThat(status()).as("status of %s", text()).isEqualTo(status);
        assertThat(header("Content-Type")).isEqualTo(JSON_TYPE);
        JsonNode body = json();
        assertThat(body.path("type").asText()).isEqualTo("/problems/" + slug);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("requestId").asText()).isEqualTo(requestId);
        return body;
    }

    /** True when the raw body holds these exact UTF-8 bytes. */
    public boolean containsUtf8(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        byte[] hay = response.bodyUnsafe();
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return response + " " + text();
    }
}
