package dev.bookshelf.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per test class: a fresh dynalite, the table, and a {@link DynamoDbStore} built the way
 * production builds it (same factory), pointed at the local server, on the HTTP client given
 * (the CRT client unless told otherwise).
 */
final class LocalDynamoDb implements BeforeAllCallback, AfterAllCallback {
    static final String TABLE = "bookshelf-test";
    static final byte[] KEY = "a test key of thirty-two bytes or more!".getBytes(StandardCharsets.US_ASCII);

    private final HttpClientChoice httpClient;
    private final DynaliteServer server = new DynaliteServer();
    private DynamoDbStore store;

    LocalDynamoDb() {
        this(HttpClientChoice.CRT);
    }

    LocalDynamoDb(HttpClientChoice httpClient) {
        this.httpClient = httpClient;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server.beforeAll(context);
        store = DynamoDbStore.create(config(KEY));
        store.createTableIfMissing().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            server.afterAll(context);
        }
    }

    DynamoDbConfig config(byte[] key) {
        return new DynamoDbConfig(TABLE, "us-east-1", server.endpoint(), key, httpClient);
    }

    DynamoDbStore store() {
        return store;
    }
}
