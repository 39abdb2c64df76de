package dev.bookshelf.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * A synchronous client on the JDK's {@code HttpURLConnection}, seen through
 * {@link SyncBackedAsyncClient}; loaded only when url-connection is chosen.
 */
final class UrlConnectionClients {
    private UrlConnectionClients() {
    }

    static DynamoDbAsyncClient build(DynamoDbConfig config, AwsCredentialsProvider credentials) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(DynamoDbStore.region(config))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(credentials);
        config.endpoint().ifPresent(builder::endpointOverride);
        return new SyncBackedAsyncClient(builder.build());
    }
}
