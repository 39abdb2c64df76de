package dev.bookshelf.core.account;

/** Port: checks a bearer token's signature, algorithm and lifetime. */
public interface TokenVerifier {
    /**
     * Returns the user id the token was issued for, or throws {@code Unauthenticated} with
     * {@code INVALID_TOKEN} or {@code EXPIRED_TOKEN}.
     */
    String verify(String token);
}
