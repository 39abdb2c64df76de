package dev.bookshelf.dynamodb;

import dev.bookshelf.core.account.User;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Changes of a stored user, always to both of its items (user item and email claim) in one
 * transaction, optimistically: each put is conditioned on the token generation read before, so
 * of two concurrent changes one commits and the other re-reads and tries again (a password
 * change never undoes a closing, a closing never misses a password change's new generation).
 */
final class UserRewrites {
    private static final int MAX_ATTEMPTS = 8;

    private final DynamoDbAsyncClient client;
    private final String table;
    private final Function<String, CompletionStage<Optional<User>>> reread;

    UserRewrites(DynamoDbAsyncClient client, String table, Function<String, CompletionStage<Optional<User>>> reread) {
        this.client = client;
        this.table = table;
        this.reread = reread;
    }

    /**
     * Writes {@code change(current)}: false when the user is gone or the change is null, true
     * without a write when the change returns the user unchanged.
     */
    CompletionStage<Boolean> rewrite(User current, UnaryOperator<User> change) {
        return rewrite(current, change, 1);
    }

    private CompletionStage<Boolean> rewrite(User current, UnaryOperator<User> change, int attempt) {
        User next = change.apply(current);
        if (next == null) {
            return CompletableFuture.completedFuture(false);
        }
        if (next == current) {
            return CompletableFuture.completedFuture(true);
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":gen", Schema.n(current.tokenGeneration()));
        values.put(":id", Schema.s(current.id()));
        String sameGeneration = current.tokenGeneration() == 0
                ? "(attribute_not_exists(#gen) OR #gen = :gen)" : "#gen = :gen";
        Map<String, String> names = Map.of("#pk", Schema.PK, "#gen", UserItems.GENERATION, "#id", "id");
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(
                put(UserItems.userItem(next), "attribute_exists(#pk) AND #id = :id AND " + sameGeneration, names, values),
                put(UserItems.emailClaim(next), "attribute_exists(#pk) AND #id = :id AND " + sameGeneration, names,
                        values)).build();
        CompletionStage<Boolean> written = client.transactWriteItems(request).thenApply(response -> true);
        return Async.recover(written, failure -> {
            if (!(failure instanceof TransactionCanceledException cancelled) || attempt >= MAX_ATTEMPTS) {
                return CompletableFuture.failedFuture(failure);
            }
            if (TransactionOutcome.retryable(cancelled.cancellationReasons())) {
                return Async.delay(DynamoUserRepository.backoff(attempt))
                        .thenCompose(ignored -> rewrite(current, change, attempt + 1));
            }
            return reread.apply(current.id()).thenCompose(fresh -> fresh.isEmpty()
                    ? CompletableFuture.completedFuture(false)
                    : rewrite(fresh.get(), change, attempt + 1));
        });
    }

    /**
     * Deletes the email claim (only if it is still this user's) and leaves a tombstone in place
     * of the user item, in one transaction; if the claim is someone else's by now, only the
     * tombstone is written. Repeating it is harmless.
     */
    CompletionStage<Void> erase(User user) {
        return erase(user, 1);
    }

    private CompletionStage<Void> erase(User user, int attempt) {
        Map<String, AttributeValue> tombstone = UserItems.tombstone(user.id(), Instant.now());
        TransactWriteItem claim = TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(Schema.key(Schema.emailPk(user.email()), Schema.EMAIL_SK))
                .conditionExpression("attribute_not_exists(#pk) OR #id = :id")
                .expressionAttributeNames(Map.of("#pk", Schema.PK, "#id", "id"))
                .expressionAttributeValues(Map.of(":id", Schema.s(user.id()))).build()).build();
        TransactWriteItem stone = TransactWriteItem.builder().put(Put.builder().tableName(table).item(tombstone)
                .build()).build();
        CompletionStage<Void> written = client.transactWriteItems(TransactWriteItemsRequest.builder()
                .transactItems(claim, stone).build()).thenApply(response -> null);
        return Async.recover(written, failure -> {
            if (!(failure instanceof TransactionCanceledException cancelled) || attempt >= MAX_ATTEMPTS) {
                return CompletableFuture.failedFuture(failure);
            }
            if (TransactionOutcome.retryable(cancelled.cancellationReasons())) {
                return Async.delay(DynamoUserRepository.backoff(attempt)).thenCompose(ignored -> erase(user, attempt + 1));
            }
            return client.putItem(PutItemRequest.builder().tableName(table).item(tombstone).build())
                    .thenApply(response -> (Void) null);
        });
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                                  Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
    }
}
