package dev.bookshelf.lambda;

import dev.bookshelf.api.RequestLog;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.api.http.RequestIds;
import dev.bookshelf.api.security.JwtTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised container, runs a few
 * representative proxy events through the whole path (event reader, dispatcher, JSON, CORS,
 * problems, JWT verification, response writer), so their classes are loaded and initialised in
 * the snapshot instead of on the first request after restore. One of them reads the store the
 * way every authenticated request does: {@code GET /books/{id}} with a properly signed token of
 * user {@value #USER}, which cannot exist (user ids are UUIDs), so the store is asked for that user
 * and the token's revocation (with {@code STORE=dynamodb} two {@code GetItem}s: the client's
 * marshalling, signing, endpoint rules and HTTP connection are warmed) and the answer is 401.
 * Nothing is written and nothing depends on the table's content. An unreachable store only
 * turns that answer into a problem after the SDK's retries; priming never fails the init.
 *
 * <p>After a restore ({@link #afterRestore}): request ids are reseeded ({@link RequestIds#reseed()}),
 * since every copy restored from one snapshot would otherwise draw the same ones; the DynamoDB
 * adapter renews its credentials itself (its own hook). Identifiers, bcrypt salts and token ids
 * come from {@link java.security.SecureRandom}, which Lambda's Java runtimes make unique again
 * after a restore; HTTP connections kept alive from priming are idle far longer than the JDK keeps
 * them by the time a restored copy runs, so they are not reused.
 */
final class Priming implements Resource {
    /** The user of the priming token: not a UUID, so no account has this id. */
    static final String USER = "snapstart-priming";
    static final List<String> EVENTS = List.of(
            event("GET", "/health", "", null),
            event("OPTIONS", "/books", "\"Origin\":[\"https://priming.invalid\"],"
                    + "\"Access-Control-Request-Method\":[\"POST\"],", null),
            event("OPTIONS", "/books/{id}", "", null),
            event("GET", "/books/priming", "\"Authorization\":[\"Bearer priming.invalid.token\"],", null),
            event("POST", "/auth/signup", "\"Content-Type\":[\"application/json\"],\"Accept-Language\":[\"ko\"],",
                    "{\\\"email\\\":\\\"priming\\\",\\\"password\\\":\\\"short\\\",\\\"displayName\\\":\\\"책장\\\"}"),
            event("POST", "/auth/login", "\"Content-Type\":[\"application/json\"],",
                    "{\\\"email\\\":\\\"\\\",\\\"password\\\":\\\"\\\"}"));

    private final ProxyAdapter adapter;
    private final RequestLog log;
    private final Runnable reseedRequestIds;
    private int primed;

    Priming(ProxyAdapter adapter, RequestLog log) {
        this(adapter, log, RequestIds::reseed);
    }

    /** With what reseeds the request ids after a restore (tests count it). */
    Priming(ProxyAdapter adapter, RequestLog log, Runnable reseedRequestIds) {
        this.adapter = adapter;
        this.log = log;
        this.reseedRequestIds = reseedRequestIds;
    }

    /** Registers priming with a CRaC context ({@code Core.getGlobalContext()}: a no-op without CRaC). */
    static Priming register(ProxyAdapter adapter, RequestLog log, Context<Resource> context) {
        Priming priming = new Priming(adapter, log);
        context.register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<String> events = new ArrayList<>(EVENTS);
        events.add(storeRead());
        for (String event : events) {
            adapter.handle(event.getBytes(StandardCharsets.UTF_8), null);
        }
        primed += events.size();
        log.event("INFO", "SnapStart priming: ran " + events.size() + " events before the checkpoint");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        reseedRequestIds.run();
        log.event("INFO", "restored from a SnapStart snapshot; request ids reseeded");
    }

    /** {@code GET /books/{id}} with a valid token of {@link #USER}, signed now with the service's key. */
    String storeRead() {
        Settings settings = adapter.settings();
        String token = new JwtTokens(settings.tokenSecret(), settings.tokenTtl(), Clock.systemUTC()).issue(USER).token();
        return event("GET", "/books/" + USER, "\"Authorization\":[\"Bearer " + token + "\"],", null);
    }

    /** How many priming events ran, the store read included (for tests). */
    int primed() {
        return primed;
    }

    private static String event(String method, String path, String headers, String body) {
        return "{\"httpMethod\":\"" + method + "\",\"path\":\"" + path + "\",\"resource\":\"" + path + "\","
                + "\"multiValueHeaders\":{" + headers + "\"User-Agent\":[\"bookshelf-priming\"]},"
                + "\"multiValueQueryStringParameters\":null,\"pathParameters\":null,"
                + "\"body\":" + (body == null ? "null" : "\"" + body + "\"") + ",\"isBase64Encoded\":false,"
                + "\"requestContext\":{\"requestId\":\"snapstart-priming\",\"stage\":\"priming\","
                + "\"identity\":{\"sourceIp\":\"127.0.0.1\"}}}";
    }
}
