package dev.bookshelf.dynamodb;

import dev.bookshelf.core.store.Store;
import dev.bookshelf.core.store.StoreProvider;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code STORE=dynamodb}: found by {@link java.util.ServiceLoader}, so transports use DynamoDB
 * without importing this adapter. Settings: see {@link DynamoDbConfig#fromEnvironment}; with
 * {@code BOOKSHELF_DYNAMODB_CREATE_TABLE=true} (local development) the table is created if missing.
 */
public final class DynamoDbStoreProvider implements StoreProvider {
    public static final String ENV_CREATE_TABLE = "BOOKSHELF_DYNAMODB_CREATE_TABLE";

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public Store open(Map<String, String> settings) {
        DynamoDbStore store = DynamoDbStore.create(DynamoDbConfig.fromEnvironment(settings), settings);
        if (Boolean.parseBoolean(settings.getOrDefault(ENV_CREATE_TABLE, "false").strip())) {
            try {
                store.createTableIfMissing().toCompletableFuture().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                store.close();
                throw new IllegalArgumentException("could not create the DynamoDB table: " + e.getMessage(), e);
            }
        }
        return new Store(name(), store.users(), store.books(), store.revoked(), store.attempts(), store::close);
    }
}
