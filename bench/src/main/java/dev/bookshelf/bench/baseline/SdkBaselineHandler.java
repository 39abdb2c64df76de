package dev.bookshelf.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The floor for "Java and the AWS SDK on Lambda": {@link BaselineHandler} plus one DynamoDB
 * {@code GetItem} per event, on the same SDK version and HTTP client as the Bookshelf upload, with
 * the client built once at init the way AWS's guide to SDK cold starts on Lambda recommends
 * (region and credentials from Lambda's environment variables, the url-connection client). The
 * answer is a fixed proxy response: 200 when the item exists, 404 when not. Handler string:
 * {@code dev.bookshelf.bench.baseline.SdkBaselineHandler::handleRequest}; packaged alone as
 * {@code bench/target/sdk-baseline-lambda.jar}.
 *
 * <p>Environment: {@code AWS_REGION}, the credential variables, {@value #ENV_TABLE}, the key of the
 * item to read ({@value #ENV_PK}, {@value #ENV_SK}) and optionally {@value #ENV_ENDPOINT}.
 */
public final class SdkBaselineHandler implements RequestStreamHandler {
    static final String ENV_TABLE = "BOOKSHELF_DYNAMODB_TABLE";
    static final String ENV_ENDPOINT = "BOOKSHELF_DYNAMODB_ENDPOINT";
    static final String ENV_PK = "SDK_BASELINE_PK";
    static final String ENV_SK = "SDK_BASELINE_SK";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DynamoDbClient client;
    private final GetItemRequest read;

    /** Used by the Lambda runtime (once per container): the client and the item named by the environment. */
    public SdkBaselineHandler() {
        this(System.getenv(), EnvironmentVariableCredentialsProvider.create());
    }

    SdkBaselineHandler(Map<String, String> env, AwsCredentialsProvider credentials) {
        this.client = client(env, credentials);
        this.read = GetItemRequest.builder().tableName(env.get(ENV_TABLE))
                .key(Map.of("pk", AttributeValue.fromS(env.get(ENV_PK)), "sk", AttributeValue.fromS(env.get(ENV_SK))))
                .build();
    }

    private static DynamoDbClient client(Map<String, String> env, AwsCredentialsProvider credentials) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(env.get("AWS_REGION")))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        String endpoint = env.get(ENV_ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = MAPPER.readTree(input);
        boolean found = client.getItem(read).hasItem();
        ObjectNode response = MAPPER.createObjectNode();
        response.put("statusCode", !event.path("httpMethod").isTextual() ? 500 : found ? 200 : 404);
        ObjectNode headers = response.putObject("multiValueHeaders");
        headers.putArray("Content-Type").add("application/json; charset=utf-8");
        response.put("body", BaselineHandler.BODY);
        response.put("isBase64Encoded", false);
        MAPPER.writeValue(output, response);
    }
}
