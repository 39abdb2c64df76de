package dev.bookshelf.conformance;

import dev.bookshelf.dynamodb.DynaliteServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The suite with {@code STORE=dynamodb} against a local DynamoDB-compatible server (dynalite,
 * started once for the class): each service gets a table of its own, created at startup, so the
 * transports never share state.
 */
class DynamoDbStoreConformanceTest extends ConformanceSuite {
    /** 35 bytes (at least 32), base64: signs list cursors the same way on every transport. */
    private static final String CURSOR_KEY = "Y29uZm9ybWFuY2UtY3Vyc29yLWtleS0wMTIzNDU2Nzg5YWI=";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    @Override
    String storeName() {
        return "dynamodb";
    }

    @Override
    Map<String, String> storeSettings(int index, String transport) {
        return Map.of(
                "STORE", "dynamodb",
                "BOOKSHELF_DYNAMODB_ENDPOINT", DYNALITE.endpoint().toString(),
                "BOOKSHELF_DYNAMODB_TABLE", "conformance-" + RUN + "-" + (index < 0 ? "x" : index) + "-" + transport,
                "BOOKSHELF_DYNAMODB_CREATE_TABLE", "true",
                "BOOKSHELF_CURSOR_KEY", CURSOR_KEY);
    }
}
