package dev.bookshelf.api.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import dev.bookshelf.core.account.PasswordHasher;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt (OWASP: cost 10 or more) via at.favre.lib:bcrypt. Passwords longer than bcrypt's 72
 * bytes are pre-hashed with SHA-512 instead of silently truncated. Verification of an unknown
 * account runs against a dummy hash of the same cost, so both cost the same.
 *
 * <p>Nothing is hashed at startup (cold start): the dummy hash is a fixed salt and hash with the
 * configured cost written into it, and verifying against it runs one full bcrypt of that cost, as
 * for a real account. bcrypt's classes load on the first request that checks a password.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    public static final int DEFAULT_COST = 10;
    /** Salt and hash part of a bcrypt hash (of a password no account has; its result is never used). */
    private static final String DUMMY_SALT_AND_HASH = "2KtCfSyMIVS9EIXZKic2nOql7yIaDIAsOZaI0ay0NS7GqSq3f51wi";

    private final int cost;
    private final byte[] dummyHash;

    public BcryptPasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31: " + cost);
        }
        this.cost = cost;
        this.dummyHash = new StringBuilder("$2b$").append(cost < 10 ? "0" : "").append(cost).append('$')
                .append(DUMMY_SALT_AND_HASH).toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** bcrypt's hasher and verifier, created on first use. */
    private static final class Bcrypt {
        static final BCrypt.Hasher HASHER = BCrypt.with(BCrypt.Version.VERSION_2B,
                LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));
        static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(BCrypt.Version.VERSION_2B,
                LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));

        private Bcrypt() {
        }
    }

    public int cost() {
        return cost;
    }

    @Override
    public String hash(String password) {
        return new String(Bcrypt.HASHER.hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
    }

    @Override
    public boolean verify(String password, String hashOrNull) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        if (hashOrNull == null) {
            Bcrypt.VERIFYER.verify(pw, dummyHash);
            return false;
        }
        return Bcrypt.VERIFYER.verify(pw, hashOrNull.getBytes(StandardCharsets.US_ASCII)).verified;
    }

    /** The hash an unknown account is verified against. */
    String dummyHash() {
        return new String(dummyHash, StandardCharsets.US_ASCII);
    }
}
