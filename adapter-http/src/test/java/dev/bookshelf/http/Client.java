package dev.bookshelf.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** {@code java.net.http} over HTTP/1.1 against one {@link TestServer}, plus account shortcuts. */
final class Client {
    static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestServer server;
    private final HttpClient http;

    Client(TestServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Sends {@code method target} with a UTF-8 body (or none) and header name/value pairs. */
    HttpResponse<byte[]> send(String method, String target, String body, String... headers) throws Exception {
        return send(method, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<byte[]> send(String method, String target, byte[] body, String... headers) throws Exception {
        return send(method, target, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    HttpResponse<byte[]> send(String method, String target, HttpRequest.BodyPublisher body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(target))
                .timeout(Duration.ofSeconds(20))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String target, String... headers) throws Exception {
        return send("GET", target, (byte[]) null, headers);
    }

    HttpResponse<byte[]> postJson(String target, String json, String... headers) throws Exception {
        return send("POST", target, json, with(headers, "Content-Type", "application/json"));
    }

    HttpResponse<byte[]> signUp(String email, String displayName) throws Exception {
        return postJson("/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"" + displayName + "\"}");
    }

    HttpResponse<byte[]> logIn(String email, String password) throws Exception {
        return postJson("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    /** Signs up a fresh account and logs in; answers {@code "Bearer <token>"}. */
    String bearerFor(String email) throws Exception {
        HttpResponse<byte[]> signUp = signUp(email, "Reader");
        if (signUp.statusCode() != 201) {
            throw new IllegalStateException("sign-up answered " + signUp.statusCode() + ": " + text(signUp));
        }
        HttpResponse<byte[]> login = logIn(email, PASSWORD);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("log-in answered " + login.statusCode() + ": " + text(login));
        }
        return "Bearer " + json(login).get("token").asText();
    }

    /** Adds a book and answers its id. */
    String addBook(String bearer, String bookJson) throws Exception {
        HttpResponse<byte[]> r = postJson("/books", bookJson, "Authorization", bearer);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("add book answered " + r.statusCode() + ": " + text(r));
        }
        return json(r).get("id").asText();
    }

    /** An email no other test uses, so tests can share one server. */
    static String uniqueEmail(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        return json(r.body());
    }

    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    static String[] with(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
