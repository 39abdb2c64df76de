package dev.bookshelf.api.support;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A fluent builder of one {@link ApiRequest}, sent through the fixture's dispatcher. */
public final class Req {
    private String sourceIp = "203.0.113.7";
    private static final AtomicLong IDS = new AtomicLong();

    private final ApiFixture fixture;
    private final String method;
    private final String path;
    private final Headers.Builder headers = Headers.builder();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private byte[] body;
    private String requestId = "req-" + IDS.incrementAndGet();

    Req(ApiFixture fixture, String method, String path) {
        this.fixture = fixture;
        this.method = method;
        this.path = path;
    }

    public Req header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public Req bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Req origin(String origin) {
        return header("Origin", origin);
    }

    public Req language(String acceptLanguage) {
        return header("Accept-Language", acceptLanguage);
    }

    public Req ifMatch(String value) {
        return header("If-Match", value);
    }

    public Req query(String name, String... values) {
        query.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    /** A UTF-8 JSON body with {@code Content-Type: application/json}. */
    public Req json(String json) {
        headers.setIfAbsent("Content-Type", "application/json");
        return body(json.getBytes(StandardCharsets.UTF_8));
    }

    public Req body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    public Req requestId(String id) {
        this.requestId = id;
        return this;
    }

    public Req from(String sourceIp) {
        this.sourceIp = sourceIp;
        return this;
    }

    public ApiRequest build() {
        return new ApiRequest(method, path, headers.build(), query, body, requestId, sourceIp);
    }

    public Answer send() {
        return fixture.dispatch(build());
    }
}
