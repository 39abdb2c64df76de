package dev.bookshelf.core.account;

/**
 * Port: a slow, salted password hash. Both methods are CPU-heavy and synchronous; the core runs
 * them on the hashing executor it is given, never on the caller's thread.
 */
public interface PasswordHasher {
    String hash(String password);

    /**
     * Compares in constant time. With a {@code null} hash (unknown account) it still does the
     * full work against a dummy hash and returns false, so timing does not reveal accounts.
     */
    boolean verify(String password, String hashOrNull);
}
