package dev.bookshelf.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.dynamodb.DynaliteServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Priming with {@code STORE=dynamodb}, against dynalite on 127.0.0.1 and the url-connection client
 * the upload ships: the store read reaches DynamoDB and is answered (401 for a user that cannot
 * exist, not a store failure), and the table holds no item afterwards.
 */
class PrimingOnDynamoDbTest {
    private static final String TABLE = "priming";

    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @Test
    void priming_readsThroughTheDynamoDbClient_andWritesNoItem() throws Exception {
        try (BookshelfApi api = api(DYNALITE.endpoint(), true)) {
            ProxyAdapter adapter = new ProxyAdapter(api, ResponseLimits.AWS);
            Priming priming = new Priming(adapter, adapter.log());

            priming.beforeCheckpoint(null);

            assertThat(logBytes.toString(StandardCharsets.UTF_8))
                    .as("the priming token's request was answered by the store: no such user")
                    .contains("\"route\":\"/books/{id}\",\"status\":401")
                    .doesNotContain("\"status\":5");
            assertThat(itemsIn(TABLE)).isZero();
        }
    }

    @Test
    void priming_withTheStoreUnreachable_completesAnyway() throws Exception {
        try (BookshelfApi api = api(URI.create("http://127.0.0.1:1"), false)) {
            ProxyAdapter adapter = new ProxyAdapter(api, ResponseLimits.AWS);
            Priming priming = new Priming(adapter, adapter.log());

            priming.beforeCheckpoint(null);

            assertThat(priming.primed()).isEqualTo(Priming.EVENTS.size() + 1);
            assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("\"route\":\"/books/{id}\",\"status\":5");
        }
    }

    private BookshelfApi api(URI endpoint, boolean createTable) {
        Map<String, String> env = new HashMap<>(Map.of("STORE", "dynamodb", "BCRYPT_COST", "4",
                "TOKEN_SECRET", "priming-test-secret-0123456789-abcdefghijklmnop",
                "BOOKSHELF_DYNAMODB_ENDPOINT", endpoint.toString(), "BOOKSHELF_DYNAMODB_TABLE", TABLE,
                "BOOKSHELF_DYNAMODB_HTTP_CLIENT", "url-connection",
                "BOOKSHELF_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32])));
        if (createTable) {
            env.put("BOOKSHELF_DYNAMODB_CREATE_TABLE", "true");
        }
        return BookshelfApi.create(Settings.fromEnv(env), Runnable::run, Clock.systemUTC(),
                new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    }

    private static int itemsIn(String table) {
        try (DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(DYNALITE.endpoint()).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            return client.scan(ScanRequest.builder().tableName(table).consistentRead(true).build()).count();
        }
    }
}
