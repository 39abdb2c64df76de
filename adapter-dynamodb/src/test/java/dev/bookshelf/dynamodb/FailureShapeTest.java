package dev.bookshelf.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The synchronous url-connection client, seen through {@link SyncBackedAsyncClient}, fails its
 * futures the way the asynchronous CRT client does: a {@link CompletionException} around the SDK's
 * own exception, with the same details the repositories read.
 */
class FailureShapeTest {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();

    private static DynamoDbAsyncClient crt;
    private static DynamoDbAsyncClient urlConnection;

    @BeforeAll
    static void clients() {
        DynamoDbConfig config = DYNAMO.config(LocalDynamoDb.KEY);
        crt = CrtClients.build(config, CredentialSource.choose(java.util.Map.of(), config.endpoint()));
        urlConnection = UrlConnectionClients.build(config, CredentialSource.choose(java.util.Map.of(), config.endpoint()));
    }

    @AfterAll
    static void close() {
        crt.close();
        urlConnection.close();
    }

    @Test
    void failedCondition_failsBothClientsAlike_withTheStoredItem() {
        Map<String, AttributeValue> stored = item("stored-" + UUID.randomUUID());
        crt.putItem(PutItemRequest.builder().tableName(LocalDynamoDb.TABLE).item(stored).build()).join();
        PutItemRequest refused = PutItemRequest.builder().tableName(LocalDynamoDb.TABLE).item(stored)
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();

        for (DynamoDbAsyncClient client : new DynamoDbAsyncClient[] {crt, urlConnection}) {
            assertFailsLike(client.putItem(refused), ConditionalCheckFailedException.class,
                    e -> assertThat(e.item()).isEqualTo(stored));
        }
    }

    @Test
    void cancelledTransaction_failsBothClientsAlike_withTheReasons() {
        Map<String, AttributeValue> taken = item("taken-" + UUID.randomUUID());
        crt.putItem(PutItemRequest.builder().tableName(LocalDynamoDb.TABLE).item(taken).build()).join();
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
                .transactItems(putIfAbsent(item("fresh-" + UUID.randomUUID())), putIfAbsent(taken)).build();

        for (DynamoDbAsyncClient client : new DynamoDbAsyncClient[] {crt, urlConnection}) {
            assertFailsLike(client.transactWriteItems(request), TransactionCanceledException.class,
                    e -> assertThat(e.cancellationReasons()).extracting(r -> r.code())
                            .containsExactly("None", "ConditionalCheckFailed"));
        }
    }

    @Test
    void operationsTheRepositoriesDoNotUse_stayUnsupported() {
        assertThat(catchThrowable(() -> urlConnection.listTables()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void close_closesTheSynchronousClient() {
        AtomicBoolean closed = new AtomicBoolean();
        DynamoDbClient sync = new DynamoDbClient() {
            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };

        new SyncBackedAsyncClient(sync).close();

        assertThat(closed).isTrue();
    }

    private static <E extends Throwable> void assertFailsLike(CompletableFuture<?> future, Class<E> type,
                                                             java.util.function.Consumer<E> details) {
        Throwable joined = catchThrowable(future::join);
        assertThat(joined).isInstanceOf(CompletionException.class);
        assertThat(joined.getCause()).isInstanceOfSatisfying(type, details);
        Throwable got = catchThrowable(future::get);
        assertThat(got).isInstanceOf(ExecutionException.class);
        assertThat(got.getCause()).isInstanceOf(type);
        assertThat(Async.cause(joined)).isSameAs(joined.getCause());
        assertThat(future.handle((v, t) -> t).thenApply(Function.identity()).join())
                .isInstanceOf(CompletionException.class);
    }

    private static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", Schema.s(pk), "sk", Schema.s("X"), "text", Schema.s("값 ✓"));
    }

    private static TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(LocalDynamoDb.TABLE).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }
}
