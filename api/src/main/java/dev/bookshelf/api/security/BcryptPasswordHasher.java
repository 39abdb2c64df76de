package dev.bookshelf.api.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import dev.bookshelf.core.account.PasswordHasher;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt (OWASP: cost 10 or more) via at.favre.lib:bcrypt. Passwords longer than bcrypt's 72
 * bytes are pre-hashed with SHA-512 instead of silently truncated. Verification of an unknown
 * account runs against a dummy hash of the same cost, so both cost the same.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    public static final int DEFAULT_COST = 10;

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;
    private final byte[] dummyHash;

    public BcryptPasswordHasher(int cost) {
        this.cost = cost;
        this.hasher = BCrypt.with(BCrypt.Version.VERSION_2B, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));
        this.verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2B, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));
        this.dummyHash = hasher.hash(cost, "dummy password for unknown accounts".getBytes(StandardCharsets.UTF_8));
    }

    public int cost() {
        return cost;
    }

    @Override
    public String hash(String password) {
        return new String(hasher.hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
    }

    @Override
    public boolean verify(String password, String hashOrNull) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        if (hashOrNull == null) {
            verifyer.verify(pw, dummyHash);
            return false;
        }
        return verifyer.verify(pw, hashOrNull.getBytes(StandardCharsets.US_ASCII)).verified;
    }
}
