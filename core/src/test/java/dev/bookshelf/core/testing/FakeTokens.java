package dev.bookshelf.core.testing;

import dev.bookshelf.core.account.TokenIssuer;
import dev.bookshelf.core.account.TokenVerifier;
import dev.bookshelf.core.shared.Unauthenticated;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Readable, unsigned tokens for tests: {@code fake.<expiry epoch millis>.<base64url user id>},
 * optionally followed by {@code .<generation>.<token id>} (tokens this fake issues have them).
 * A token is expired from its expiry instant on, measured by the given clock; anything that does
 * not have this shape is {@code INVALID_TOKEN}. Never use outside tests: anyone can forge one.
 */
public final class FakeTokens implements TokenIssuer, TokenVerifier {
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    private static final String PREFIX = "fake.";

    private final Clock clock;
    private final Duration ttl;
    private final AtomicInteger issued = new AtomicInteger();

    public FakeTokens(Clock clock) {
        this(clock, DEFAULT_TTL);
    }

    public FakeTokens(Clock clock, Duration ttl) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    @Override
    public IssuedToken issue(String userId, long generation) {
        int n = issued.incrementAndGet();
        Instant expiresAt = clock.instant().plus(ttl);
        return new IssuedToken(tokenFor(userId, expiresAt) + "." + generation + ".t" + n, expiresAt);
    }

    /** A token for {@code userId} that expires at {@code expiresAt}, without counting an issue. */
    public static String tokenFor(String userId, Instant expiresAt) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(userId.getBytes(StandardCharsets.UTF_8));
        return PREFIX + expiresAt.toEpochMilli() + "." + id;
    }

    @Override
    public VerifiedToken check(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            throw invalid();
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
        if ((parts.length != 2 && parts.length != 4) || parts[1].isEmpty()) {
            throw invalid();
        }
        Instant expiresAt;
        String userId;
        long generation;
        try {
            expiresAt = Instant.ofEpochMilli(Long.parseLong(parts[0]));
            userId = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            generation = parts.length == 4 ? Long.parseLong(parts[2]) : 0;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new Unauthenticated(Unauthenticated.Reason.EXPIRED_TOKEN);
        }
        return new VerifiedToken(userId, parts.length == 4 ? parts[3] : token, generation, expiresAt);
    }

    /** How many tokens {@link #issue} has handed out. */
    public int issuedCount() {
        return issued.get();
    }

    public Duration ttl() {
        return ttl;
    }

    private static Unauthenticated invalid() {
        return new Unauthenticated(Unauthenticated.Reason.INVALID_TOKEN);
    }
}
