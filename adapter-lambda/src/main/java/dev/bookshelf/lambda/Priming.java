package dev.bookshelf.lambda;

import dev.bookshelf.api.RequestLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised container, runs a few
 * representative proxy events through the whole path (event reader, dispatcher, JSON, CORS,
 * problems, JWT verification, response writer), so their classes are loaded and initialised in
 * the snapshot instead of on the first request after restore. The events never reach the store
 * (health, preflights, validation failures, a token that fails verification), so no user data is
 * read or written and no state is left behind.
 *
 * <p>Randomness: the service keeps no random state of its own; identifiers, bcrypt salts and
 * token ids come from {@link java.security.SecureRandom}, which Lambda's Java runtimes make
 * unique again after a restore. {@link #afterRestore} only records the restore.
 */
final class Priming implements Resource {
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
    private int primed;

    Priming(ProxyAdapter adapter, RequestLog log) {
        this.adapter = adapter;
        this.log = log;
    }

    /** Registers priming with a CRaC context ({@code Core.getGlobalContext()}: a no-op without CRaC). */
    static Priming register(ProxyAdapter adapter, RequestLog log, Context<Resource> context) {
        Priming priming = new Priming(adapter, log);
        context.register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<byte[]> answers = new ArrayList<>(EVENTS.size());
        for (String event : EVENTS) {
            answers.add(adapter.handle(event.getBytes(StandardCharsets.UTF_8), null));
        }
        primed += answers.size();
        log.event("INFO", "SnapStart priming: ran " + answers.size() + " events before the checkpoint");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        log.event("INFO", "restored from a SnapStart snapshot");
    }

    /** How many priming events ran (for tests). */
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
