package dev.bookshelf.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.core.store.InMemoryStoreProvider;
import dev.bookshelf.core.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole API over the real in-memory store, cheap bcrypt, a direct executor and a clock that
 * only moves when told; requests go straight to the dispatcher (no network).
 */
public final class ApiFixture {
    /** 64 bytes, so tests can also sign HS512 tokens with it. */
    public static final String SECRET = "bookshelf-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz-64byt";
    public static final String OTHER_SECRET = "another-service-secret-0123456789-abcdefghijklmnopqrstuvwxyz-6464";
    public static final String ALLOWED_ORIGIN = "https://app.example.com";
    public static final String PASSWORD = "correct horse battery";
    public static final Instant START = Instant.parse("2026-11-25T15:20:00.123Z");

    private static final AtomicInteger READERS = new AtomicInteger();

    private final MutableClock clock;
    private final ByteArrayOutputStream logBytes;
    private final BookshelfApi api;

    private ApiFixture(MutableClock clock, ByteArrayOutputStream logBytes, BookshelfApi api) {
        this.clock = clock;
        this.logBytes = logBytes;
        this.api = api;
    }

    public static Map<String, String> baseEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("BCRYPT_COST", "4");
        env.put("TOKEN_SECRET", SECRET);
        env.put("CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN + ",http://localhost:5173");
        return env;
    }

    public static ApiFixture start() {
        return start(Map.of());
    }

    /** Starts with the base environment plus {@code overrides} (an empty value removes a key). */
    public static ApiFixture start(Map<String, String> overrides) {
        return withStore(new InMemoryStoreProvider().open(Map.of()), overrides);
    }

    public static ApiFixture withStore(Store store, Map<String, String> overrides) {
        Map<String, String> env = baseEnv();
        overrides.forEach((k, v) -> {
            if (v.isEmpty()) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        MutableClock clock = new MutableClock(START);
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        BookshelfApi api = BookshelfApi.create(Settings.fromEnv(env), store, Runnable::run, clock, log);
        return new ApiFixture(clock, logBytes, api);
    }

    public MutableClock clock() {
        return clock;
    }

    public BookshelfApi api() {
        return api;
    }

    public Req request(String method, String path) {
        return new Req(this, method, path);
    }

    public Req get(String path) {
        return request("GET", path);
    }

    public Req post(String path) {
        return request("POST", path);
    }

    public Req patch(String path) {
        return request("PATCH", path);
    }

    public Req delete(String path) {
        return request("DELETE", path);
    }

    Answer dispatch(ApiRequest request) {
        return new Answer(api.dispatcher().dispatch(request).toCompletableFuture().join(), request.requestId());
    }

    public Answer signUp(String email, String password, String displayName) {
        return post("/auth/signup").json("{\"email\":" + quote(email) + ",\"password\":" + quote(password)
                + ",\"displayName\":" + quote(displayName) + "}").send();
    }

    public Answer logIn(String email, String password) {
        return post("/auth/login").json("{\"email\":" + quote(email) + ",\"password\":" + quote(password) + "}").send();
    }

    /** A unique email for a fresh reader. */
    public static String newEmail() {
        return "reader" + READERS.incrementAndGet() + "@example.com";
    }

    /** Signs a new reader up, logs in, and returns the bearer token. */
    public String newReaderToken() {
        return tokenFor(newEmail());
    }

    public String tokenFor(String email) {
        Answer signed = signUp(email, PASSWORD, "Reader");
        assertThat(signed.status()).as("sign-up %s", signed).isEqualTo(201);
        Answer session = logIn(email, PASSWORD);
        assertThat(session.status()).as("log-in %s", session).isEqualTo(200);
        return session.json().path("token").asText();
    }

    /** Adds a book and returns its id. */
    public String addBook(String token, String json) {
        Answer added = post("/books").bearer(token).json(json).send();
        assertThat(added.status()).as("add book %s", added).isEqualTo(201);
        return added.json().path("id").asText();
    }

    public String addBook(String token, String title, String status) {
        return addBook(token, "{\"title\":" + quote(title) + ",\"author\":\"Someone\",\"status\":" + quote(status) + "}");
    }

    public String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    public List<String> logLines() {
        return log().lines().toList();
    }

    public void clearLog() {
        logBytes.reset();
    }

    /** A JSON string literal (the test inputs hold no characters that need escaping). */
    public static String quote(String s) {
        return "\"" + s + "\"";
    }
}
