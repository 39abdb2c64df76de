package dev.bookshelf.api.config;

import java.security.SecureRandom;
import java.util.Base64;

/** A random per-process token secret for local development only (tokens die with the process). */
final class DevSecret {
    private DevSecret() {
    }

    static String generate() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
