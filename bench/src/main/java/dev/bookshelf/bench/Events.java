package dev.bookshelf.bench;

import dev.bookshelf.api.security.JwtTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** API Gateway REST proxy events (copies of adapter-lambda's fixtures) and the environment the handler runs with. */
final class Events {
    /** HS256 key of every measured process (bench only). */
    static final String TOKEN_SECRET = "bench-only-token-secret-0123456789abcdef0123";
    /** The handler's configuration: production rules, bcrypt at its production cost. */
    static final Map<String, String> APP_ENV = Map.of(
            "BOOKSHELF_ENV", "production",
            "TOKEN_SECRET", TOKEN_SECRET,
            "CORS_ALLOWED_ORIGINS", "http://localhost:5173",
            "BCRYPT_COST", "10");

    private Events() {
    }

    /** {@code events/<name>.json} with {@code ${KEY}} replaced. */
    static byte[] event(String name, Map<String, String> vars) {
        String text;
        try (InputStream in = Events.class.getResourceAsStream("events/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no event " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> v : vars.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid token (right key, issuer, audience, expiry) for a user id that may not exist. */
    static String tokenFor(String userId) {
        return new JwtTokens(TOKEN_SECRET, Duration.ofHours(1), Clock.systemUTC()).issue(userId).token();
    }

    /**
     * The first event of a cold container. {@code get-book}: {@code GET /books/{id}} with a valid
     * token of a user that the fresh in-memory store does not hold (so 401 after the signature
     * check and the store lookup); {@code add-book}: {@code POST /books} with such a token (401 the
     * same way). {@code login}: {@code POST /auth/login} of an unknown email (401 after a full bcrypt
     * verify against the dummy hash).
     */
    static byte[] coldEvent(String name) {
        return switch (name) {
            case "get-book" -> event("get-book", Map.of("TOKEN", tokenFor(UUID.randomUUID().toString()),
                    "BOOK_ID", UUID.randomUUID().toString()));
            case "add-book" -> event("add-book", Map.of("TOKEN", tokenFor(UUID.randomUUID().toString())));
            case "login" -> event("login", Map.of());
            default -> throw new IllegalArgumentException("cold events: get-book, add-book, login (got " + name + ")");
        };
    }
}
