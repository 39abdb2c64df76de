package dev.bookshelf.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A second client of the same API, for preparing state behind the browser's back ("someone else"). */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Answer(int status, JsonNode body) {
    }

    Answer signUp(String email, String password, String displayName) throws IOException, InterruptedException {
        return send("POST", "/auth/signup", null, Map.of(), Map.of("email", email, "password", password,
                "displayName", displayName));
    }

    String logIn(String email, String password) throws IOException, InterruptedException {
        Answer a = send("POST", "/auth/login", null, Map.of(), Map.of("email", email, "password", password));
        if (a.status() != 200) {
            throw new IllegalStateException("log in answered " + a.status() + ": " + a.body());
        }
        return a.body().path("token").asText();
    }

    Answer me(String token) throws IOException, InterruptedException {
        return send("GET", "/me", token, Map.of(), null);
    }

    Answer listBooks(String token) throws IOException, InterruptedException {
        return send("GET", "/books", token, Map.of(), null);
    }

    Answer patchBook(String token, String id, long version, Map<String, Object> changes)
            throws IOException, InterruptedException {
        return send("PATCH", "/books/" + id, token, Map.of("If-Match", "\"" + version + "\""), changes);
    }

    private Answer send(String method, String path, String token, Map<String, String> headers, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Accept-Language", "en");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
    }
}
