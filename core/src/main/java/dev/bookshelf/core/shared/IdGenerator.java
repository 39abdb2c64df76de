package dev.bookshelf.core.shared;

import java.util.UUID;

/** Port: produces identifiers for new entities. */
@FunctionalInterface
public interface IdGenerator {
    String newId();

    /** Random (version 4) UUIDs from the JDK's secure random source. */
    static IdGenerator randomUuids() {
        return () -> UUID.randomUUID().toString();
    }
}
