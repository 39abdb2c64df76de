package dev.bookshelf.core.testing;

import dev.bookshelf.core.account.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast, deterministic stand-in for a real hash: {@code "fake$" + reversed password}. Counts its
 * calls, so a test can prove that a log-in with an unknown email still pays for one verify.
 */
public final class FakePasswordHasher implements PasswordHasher {
    public static final String PREFIX = "fake$";
    private static final String DUMMY_HASH = PREFIX + "dummy-hash-for-unknown-accounts";

    private final AtomicInteger hashCalls = new AtomicInteger();
    private final AtomicInteger verifyCalls = new AtomicInteger();

    /** The hash this fake gives {@code password}, for tests that store users directly. */
    public static String hashOf(String password) {
        return PREFIX + new StringBuilder(password).reverse();
    }

    @Override
    public String hash(String password) {
        hashCalls.incrementAndGet();
        return hashOf(password);
    }

    @Override
    public boolean verify(String password, String hashOrNull) {
        verifyCalls.incrementAndGet();
        String expected = hashOrNull == null ? DUMMY_HASH : hashOrNull;
        boolean same = MessageDigest.isEqual(
                hashOf(password).getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
        return hashOrNull != null && same;
    }

    public int hashCalls() {
        return hashCalls.get();
    }

    public int verifyCalls() {
        return verifyCalls.get();
    }

    public void resetCounts() {
        hashCalls.set(0);
        verifyCalls.set(0);
    }
}
