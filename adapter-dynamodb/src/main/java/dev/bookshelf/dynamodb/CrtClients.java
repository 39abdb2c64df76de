package dev.bookshelf.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/** The non-blocking client on the AWS CRT HTTP client; loaded only when CRT is chosen. */
final class CrtClients {
    private CrtClients() {
    }

    static DynamoDbAsyncClient build(DynamoDbConfig config, AwsCredentialsProvider credentials) {
        DynamoDbAsyncClientBuilder builder = DynamoDbAsyncClient.builder()
                .region(DynamoDbStore.region(config))
                .httpClientBuilder(AwsCrtAsyncHttpClient.builder())
                .credentialsProvider(credentials);
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
