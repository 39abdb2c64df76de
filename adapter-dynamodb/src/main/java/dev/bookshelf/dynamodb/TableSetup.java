package dev.bookshelf.dynamodb;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Creates the table when it is missing and waits until it is active, polling with back-off. */
final class TableSetup {
    private static final int MAX_POLLS = 120;
    private static final long MAX_DELAY_MILLIS = 2_000;

    private final DynamoDbAsyncClient client;
    private final String table;

    TableSetup(DynamoDbAsyncClient client, String table) {
        this.client = client;
        this.table = table;
    }

    CompletionStage<Void> createIfMissing() {
        return status().thenCompose(status -> status == null ? create() : CompletableFuture.completedFuture(null))
                .thenCompose(created -> awaitActive(1));
    }

    private CompletionStage<Void> create() {
        CompletionStage<Void> created = client.createTable(Schema.createTable(table)).thenApply(response -> null);
        return Async.recover(created, failure -> failure instanceof ResourceInUseException
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(failure));
    }

    private CompletionStage<Void> awaitActive(int poll) {
        return status().thenCompose(status -> {
            if (status == TableStatus.ACTIVE) {
                return CompletableFuture.completedFuture(null);
            }
            if (poll >= MAX_POLLS) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "table " + table + " is not active after " + MAX_POLLS + " polls (status " + status + ")"));
            }
            long delay = Math.min(MAX_DELAY_MILLIS, 50L << Math.min(poll, 10));
            return Async.delay(delay).thenCompose(ignored -> awaitActive(poll + 1));
        });
    }

    /** The table's status, or null when there is no such table. */
    private CompletionStage<TableStatus> status() {
        CompletionStage<TableStatus> described = client
                .describeTable(DescribeTableRequest.builder().tableName(table).build())
                .thenApply(response -> response.table().tableStatus());
        return Async.recover(described, failure -> failure instanceof ResourceNotFoundException
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(failure));
    }
}
