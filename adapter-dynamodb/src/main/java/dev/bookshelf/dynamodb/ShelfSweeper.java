package dev.bookshelf.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes every book of an owner: a strongly consistent query of the keys of one page, deleted
 * in batches of 25 (what BatchWriteItem takes), unprocessed ones again with back-off, then the
 * next query from the start, until the partition is empty. Nothing is remembered between
 * rounds, so a sweep that failed half way is completed by running it again.
 */
final class ShelfSweeper {
    static final int PAGE = 100;
    static final int BATCH = 25;
    private static final int MAX_ROUNDS = 10_000;
    private static final int MAX_BATCH_ATTEMPTS = 8;

    private final DynamoDbAsyncClient client;
    private final String table;

    ShelfSweeper(DynamoDbAsyncClient client, String table) {
        this.client = client;
        this.table = table;
    }

    CompletionStage<Void> deleteAll(String ownerId) {
        return round(ownerId, 1);
    }

    private CompletionStage<Void> round(String ownerId, int round) {
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true).limit(PAGE)
                .keyConditionExpression("#pk = :pk").projectionExpression("#pk, #sk")
                .expressionAttributeNames(Map.of("#pk", Schema.PK, "#sk", Schema.SK))
                .expressionAttributeValues(Map.of(":pk", Schema.s(Schema.ownerPk(ownerId)))).build();
        return client.query(query).thenCompose(page -> {
            if (!page.hasItems() || page.items().isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (round >= MAX_ROUNDS) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "the shelf is still not empty after " + MAX_ROUNDS + " rounds"));
            }
            List<WriteRequest> deletes = new ArrayList<>();
            page.items().forEach(key -> deletes.add(WriteRequest.builder()
                    .deleteRequest(DeleteRequest.builder().key(key).build()).build()));
            CompletionStage<Void> batches = CompletableFuture.completedFuture(null);
            for (int from = 0; from < deletes.size(); from += BATCH) {
                List<WriteRequest> batch = deletes.subList(from, Math.min(deletes.size(), from + BATCH));
                batches = batches.thenCompose(done -> write(batch, 1));
            }
            return batches.thenCompose(done -> round(ownerId, round + 1));
        });
    }

    private CompletionStage<Void> write(List<WriteRequest> batch, int attempt) {
        BatchWriteItemRequest request = BatchWriteItemRequest.builder().requestItems(Map.of(table, batch)).build();
        return client.batchWriteItem(request).thenCompose(response -> {
            List<WriteRequest> left = response.hasUnprocessedItems()
                    ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            if (left.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (attempt >= MAX_BATCH_ATTEMPTS) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        left.size() + " books were still unprocessed after " + attempt + " attempts"));
            }
            return Async.delay(DynamoUserRepository.backoff(attempt)).thenCompose(ignored -> write(left, attempt + 1));
        });
    }
}
