package dev.bookshelf.dynamodb;

import dev.bookshelf.core.account.LoginAttempts;
import dev.bookshelf.core.account.RevokedTokens;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.book.BookRepository;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The DynamoDB adapter's entry point: the user and book repositories on one table, sharing one
 * client (AWS SDK v2): non-blocking on the AWS CRT HTTP client, or on Lambda a synchronous client
 * on the JDK's {@code HttpURLConnection} (see {@link HttpClientChoice}). Build it once per process
 * and close it on shutdown.
 */
public final class DynamoDbStore implements AutoCloseable {
    private final DynamoDbAsyncClient client;
    private final UserRepository users;
    private final BookRepository books;
    private final RevokedTokens revoked;
    private final LoginAttempts attempts;
    private final TableSetup setup;

    private DynamoDbStore(DynamoDbAsyncClient client, DynamoDbConfig config) {
        this.client = client;
        CursorCodec cursors = new CursorCodec(config.cursorKey());
        this.users = new DynamoUserRepository(client, config.tableName());
        this.books = new DynamoBookRepository(client, config.tableName(), cursors);
        this.revoked = new DynamoRevokedTokens(client, config.tableName());
        this.attempts = new DynamoLoginAttempts(client, config.tableName());
        this.setup = new TableSetup(client, config.tableName());
    }

    /**
     * Builds the client from {@code config}. Against AWS the credentials come from the default
     * chain (on Lambda: the function's role); against a loopback endpoint override, from fixed
     * local credentials, which a local server accepts.
     *
     * @throws IllegalStateException when the chosen HTTP client is not on the classpath
     */
    public static DynamoDbStore create(DynamoDbConfig config) {
        DynamoDbAsyncClient client = config.httpClient().resolve() == HttpClientChoice.CRT
                ? CrtClients.build(config)
                : UrlConnectionClients.build(config);
        return new DynamoDbStore(client, config);
    }

    /** A store on a client built elsewhere (tests, measurements); the store closes it. */
    static DynamoDbStore using(DynamoDbAsyncClient client, DynamoDbConfig config) {
        return new DynamoDbStore(client, config);
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

    /** Closes the client and its HTTP connections. */
    @Override
    public void close() {
        client.close();
    }

    static Region region(DynamoDbConfig config) {
        return Region.of(config.region());
    }

    static AwsCredentialsProvider credentials(DynamoDbConfig config) {
        if (config.endpoint().map(DynamoDbStore::isLoopback).orElse(false)) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            return host != null && host.matches("[0-9.:\\[\\]a-fA-F]+")
                    && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
