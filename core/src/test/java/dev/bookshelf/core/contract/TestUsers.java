package dev.bookshelf.core.contract;

import dev.bookshelf.core.account.User;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds users for the contract. Every user gets a fresh id and email, so suites that share one
 * store (a database table) never see each other's data.
 */
public final class TestUsers {
    private String id = UUID.randomUUID().toString();
    private String email = "reader-" + UUID.randomUUID() + "@example.com";
    private String displayName = "Reader";
    private String passwordHash = "$2a$10$abcdefghijklmnopqrstuuFAKEHASHFORTESTSONLYxxxxxxxxxxxx";
    private Instant createdAt = Instant.parse("2026-11-25T15:20:00.123456789Z");

    public static TestUsers aUser() {
        return new TestUsers();
    }

    /** A fresh normalized email that no other test uses. */
    public static String freshEmail() {
        return "reader-" + UUID.randomUUID() + "@example.com";
    }

    public TestUsers id(String value) {
        this.id = value;
        return this;
    }

    public TestUsers email(String value) {
        this.email = value;
        return this;
    }

    public TestUsers displayName(String value) {
        this.displayName = value;
        return this;
    }

    public TestUsers passwordHash(String value) {
        this.passwordHash = value;
        return this;
    }

    public TestUsers createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    public User build() {
        return new User(id, email, displayName, passwordHash, createdAt);
    }
}
