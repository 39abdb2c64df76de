package dev.bookshelf.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshelf.core.account.User;
import dev.bookshelf.core.store.Store;
import dev.bookshelf.core.store.StoreProvider;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** STORE=dynamodb is found through the ServiceLoader and opens a working store from settings. */
class DynamoDbStoreProviderTest {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();

    private static StoreProvider provider() {
        return ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("dynamodb")).findFirst().orElseThrow();
    }

    @Test
    void serviceLoader_findsTheDynamoDbProvider_whichCreatesItsTableAndStoresUsers() throws Exception {
        String table = "provider-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = Map.of(
                DynamoDbConfig.ENV_TABLE, table,
                DynamoDbConfig.ENV_ENDPOINT, DYNAMO.config(LocalDynamoDb.KEY).endpointOverride().toString(),
                DynamoDbConfig.ENV_CURSOR_KEY, Base64.getEncoder().encodeToString(LocalDynamoDb.KEY),
                DynamoDbStoreProvider.ENV_CREATE_TABLE, "true");
        Store store = provider().open(settings);
        try {
            User user = new User(UUID.randomUUID().toString(), "provider@example.com", "공급자", "hash", Instant.now());
            store.users().insert(user).toCompletableFuture().join();
            assertThat(store.users().findByEmail("provider@example.com").toCompletableFuture().join())
                    .contains(user);
            assertThat(store.name()).isEqualTo("dynamodb");
        } finally {
            store.resources().close();
        }
    }

    @Test
    void missingCursorKey_isRefusedWithAReadableMessage() {
        assertThatThrownBy(() -> provider().open(Map.of(DynamoDbConfig.ENV_ENDPOINT, "http://127.0.0.1:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DynamoDbConfig.ENV_CURSOR_KEY);
    }
}
