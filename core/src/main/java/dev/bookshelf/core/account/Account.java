package dev.bookshelf.core.account;

import java.time.Instant;

/** What anyone outside the core may know of a user. */
public record Account(String id, String email, String displayName, Instant createdAt) {
}
