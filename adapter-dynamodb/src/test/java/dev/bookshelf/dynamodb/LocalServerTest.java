package dev.bookshelf.dynamodb;

import static dev.bookshelf.core.contract.Await.failure;
import static dev.bookshelf.core.contract.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The test server's additions to dynalite (TransactWriteItems, ReturnValuesOnConditionCheckFailure)
 * answer like DynamoDB does, and the table setup can run twice.
 */
class LocalServerTest {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();

    private DynamoDbAsyncClient client;

    @BeforeEach
    void client() {
        client = DynamoDbAsyncClient.builder().region(Region.US_EAST_1)
                .endpointOverride(DYNAMO.config(LocalDynamoDb.KEY).endpointOverride())
                .httpClientBuilder(AwsCrtAsyncHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build();
    }

    @Test
    void transaction_withOneFailedCondition_writesNothing_andNamesTheReason() {
        Map<String, AttributeValue> taken = item("taken-" + UUID.randomUUID());
        Map<String, AttributeValue> fresh = item("fresh-" + UUID.randomUUID());
        result(client.putItem(PutItemRequest.builder().tableName(LocalDynamoDb.TABLE).item(taken).build()));

        Throwable failure = failure(client.transactWriteItems(b -> b.transactItems(putIfAbsent(fresh),
                putIfAbsent(taken))));

        assertThat(failure).isInstanceOfSatisfying(TransactionCanceledException.class, e ->
                assertThat(e.cancellationReasons()).extracting(r -> r.code())
                        .containsExactly("None", "ConditionalCheckFailed"));
        assertThat(result(client.getItem(GetItemRequest.builder().tableName(LocalDynamoDb.TABLE)
                .key(Schema.key(fresh.get("pk").s(), "X")).build())).hasItem()).isFalse();
    }

    @Test
    void failedCondition_returnsTheStoredItem_whenAskedTo() {
        Map<String, AttributeValue> stored = item("stored-" + UUID.randomUUID());
        result(client.putItem(PutItemRequest.builder().tableName(LocalDynamoDb.TABLE).item(stored).build()));

        Throwable failure = failure(client.putItem(PutItemRequest.builder().tableName(LocalDynamoDb.TABLE)
                .item(stored).conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));

        assertThat(failure).isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                e -> assertThat(e.item()).isEqualTo(stored));
    }

    @Test
    void createTableIfMissing_onAnExistingTable_succeeds() {
        assertThat(result(DYNAMO.store().createTableIfMissing())).isNull();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        client.close();
    }

    private static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", Schema.s(pk), "sk", Schema.s("X"), "text", Schema.s("값 ✓"));
    }

    private static TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(LocalDynamoDb.TABLE).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }
}
