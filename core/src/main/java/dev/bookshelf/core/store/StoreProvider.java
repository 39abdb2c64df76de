package dev.bookshelf.core.store;

import java.util.Map;

/**
 * Port, found with {@link java.util.ServiceLoader}: a storage backend chosen by name with the
 * {@code STORE} setting. Storage adapters register one in
 * {@code META-INF/services/dev.bookshelf.core.store.StoreProvider}, so transports can use them
 * without importing them.
 */
public interface StoreProvider {
    /** The value of {@code STORE} that selects this backend, e.g. {@code memory}. */
    String name();

    /**
     * Opens the backend from environment-style settings. Throws {@link IllegalArgumentException}
     * with a readable message when a setting is missing or invalid.
     */
    Store open(Map<String, String> settings);
}
