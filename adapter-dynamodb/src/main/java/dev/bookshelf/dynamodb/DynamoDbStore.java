package dev.bookshelf.dynamodb;

import dev.bookshelf.core.account.LoginAttempts;
import dev.bookshelf.core.account.RevokedTokens;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.book.BookRepository;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.crac.Core;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The DynamoDB adapter's entry point: the user and book repositories on one table, sharing one
 * client (AWS SDK v2): non-blocking on the AWS CRT HTTP client, or on Lambda a synchronous client
 * on the JDK's {@code HttpURLConnection} (see {@link HttpClientChoice}). Build it once per process
 * and close it on shutdown.
 */
public final class DynamoDbStore implements AutoCloseable {
    private final DynamoDbAsyncClient client;
    private final SdkAutoCloseable credentials;
    private final UserRepository users;
    private final BookRepository books;
    private final RevokedTokens revoked;
    private final LoginAttempts attempts;
    private final TableSetup setup;

    private DynamoDbStore(DynamoDbAsyncClient client, SdkAutoCloseable credentials, DynamoDbConfig config) {
        this.client = client;
        this.credentials = credentials;
        CursorCodec cursors = new CursorCodec(config.cursorKey());
        this.users = new DynamoUserRepository(client, config.tableName());
        this.books = new DynamoBookRepository(client, config.tableName(), cursors);
        this.revoked = new DynamoRevokedTokens(client, config.tableName());
        this.attempts = new DynamoLoginAttempts(client, config.tableName());
        this.setup = new TableSetup(client, config.tableName());
    }

    /** As {@link #create(DynamoDbConfig, Map)} with the process environment. */
    public static DynamoDbStore create(DynamoDbConfig config) {
        return create(config, System.getenv());
    }

    /**
     * Builds the client from {@code config}, with credentials chosen from {@code env} (see
     * {@link CredentialSource}: on Lambda the keys it puts in the environment, with SnapStart the
     * default chain, against a loopback endpoint fixed local ones) and chosen again after a restore
     * from a snapshot ({@link RestorableCredentials}, registered with the CRaC global context: a
     * no-op on JVMs without CRaC).
     *
     * @throws IllegalStateException when the chosen HTTP client is not on the classpath
     */
    public static DynamoDbStore create(DynamoDbConfig config, Map<String, String> env) {
        HttpClientChoice http = config.httpClient().resolve();
        RestorableCredentials credentials = new RestorableCredentials(
                () -> CredentialSource.choose(env, config.endpoint()));
        DynamoDbAsyncClient client = http == HttpClientChoice.CRT
                ? CrtClients.build(config, credentials)
                : UrlConnectionClients.build(config, credentials);
        Core.getGlobalContext().register(credentials);
        return new DynamoDbStore(client, credentials, config);
    }

    /** A store on a client built elsewhere (tests, measurements); the store closes it. */
    static DynamoDbStore using(DynamoDbAsyncClient client, DynamoDbConfig config) {
        return new DynamoDbStore(client, () -> { }, config);
    }

    public UserRepository users() {
        return users;
    }

    public BookRepository books() {
        return books;
    }

    /** Revoked token ids, shared by every instance on the table. */
    public RevokedTokens revoked() {
        return revoked;
    }

    /** Password attempts per account, shared by every instance on the table. */
    public LoginAttempts attempts() {
        return attempts;
    }

    /** The client (tests). */
    DynamoDbAsyncClient client() {
        return client;
    }

    /** Creates the table and its indexes unless it exists, then waits until it is active. */
    public CompletionStage<Void> createTableIfMissing() {
        return setup.createIfMissing();
    }

    /** Closes the client, its HTTP connections and its credentials provider. */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            credentials.close();
        }
    }

    static Region region(DynamoDbConfig config) {
        return Region.of(config.region());
    }
}
