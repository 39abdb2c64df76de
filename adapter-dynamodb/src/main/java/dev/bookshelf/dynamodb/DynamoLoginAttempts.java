package dev.bookshelf.dynamodb;

import dev.bookshelf.core.account.LoginAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One item per key ({@code LOGIN#<key>}, {@code ATTEMPTS}): how many attempts were taken and
 * when the window ends (epoch millis), deleted by time to live after the window. Taking is one
 * conditional update (count below the limit, window still open); when that is refused because
 * the window is over or there is none, a conditional put opens a new one. Both are atomic, so
 * concurrent attempts on any number of instances never take more than the limit.
 */
final class DynamoLoginAttempts implements LoginAttempts {
    private static final String COUNT = "attempts";
    private static final String ENDS = "windowEndsMillis";
    /** Rounds lost to other instances before an attempt is refused (the safe side) rather than taken. */
    private static final int MAX_ROUNDS = 10;
    private static final Map<String, String> NAMES = Map.of("#count", COUNT, "#ends", ENDS);

    private final DynamoDbAsyncClient client;
    private final String table;

    DynamoLoginAttempts(DynamoDbAsyncClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public CompletionStage<Optional<Duration>> take(String key, int limit, Duration window, Instant now) {
        return take(key, limit, window, now, 1);
    }

    private CompletionStage<Optional<Duration>> take(String key, int limit, Duration window, Instant now, int round) {
        UpdateItemRequest increment = UpdateItemRequest.builder().tableName(table).key(key(key))
                .updateExpression("SET #count = #count + :one")
                .conditionExpression("#ends > :now AND #count < :limit")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(Map.of(":one", Schema.n(1), ":now", Schema.n(now.toEpochMilli()),
                        ":limit", Schema.n(limit)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
        CompletionStage<Optional<Duration>> taken = client.updateItem(increment)
                .thenApply(response -> Optional.empty());
        return Async.recover(taken, failure -> {
            if (!(failure instanceof ConditionalCheckFailedException refused)) {
                return CompletableFuture.failedFuture(failure);
            }
            CompletionStage<Optional<Map<String, AttributeValue>>> stored = refused.hasItem()
                    && refused.item().containsKey(ENDS)
                    ? CompletableFuture.completedFuture(Optional.of(refused.item()))
                    : current(key);
            return stored.thenCompose(item -> {
                long ends = item.map(i -> Long.parseLong(i.get(ENDS).n())).orElse(Long.MIN_VALUE);
                if (ends <= now.toEpochMilli()) {
                    return openWindow(key, limit, window, now, round);
                }
                long count = Long.parseLong(item.get().get(COUNT).n());
                if (count < limit && round < MAX_ROUNDS) {
                    // another instance opened the window between our update and this read: try again
                    return take(key, limit, window, now, round + 1);
                }
                return CompletableFuture.completedFuture(Optional.of(Duration.ofMillis(ends - now.toEpochMilli())));
            });
        });
    }

    /** A new window with this attempt in it, unless another instance opened one meanwhile. */
    private CompletionStage<Optional<Duration>> openWindow(String key, int limit, Duration window, Instant now,
                                                           int round) {
        Instant ends = now.plus(window);
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put(COUNT, Schema.n(1));
        item.put(ENDS, Schema.n(ends.toEpochMilli()));
        item.put(Schema.EXPIRES_AT, Schema.n(ends.getEpochSecond() + 1));
        PutItemRequest open = PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk) OR #ends <= :now")
                .expressionAttributeNames(Map.of("#pk", Schema.PK, "#ends", ENDS))
                .expressionAttributeValues(Map.of(":now", Schema.n(now.toEpochMilli()))).build();
        CompletionStage<Optional<Duration>> opened = client.putItem(open).thenApply(response -> Optional.empty());
        return Async.recover(opened, failure -> {
            if (failure instanceof ConditionalCheckFailedException && round < MAX_ROUNDS) {
                return take(key, limit, window, now, round + 1);
            }
            return CompletableFuture.failedFuture(failure);
        });
    }

    /** The stored window, when the refusal did not carry it (no item, or a server without ALL_OLD). */
    private CompletionStage<Optional<Map<String, AttributeValue>>> current(String key) {
        GetItemRequest read = GetItemRequest.builder().tableName(table).key(key(key)).consistentRead(true).build();
        return client.getItem(read).thenApply(response -> response.hasItem() && response.item().containsKey(ENDS)
                ? Optional.of(response.item()) : Optional.empty());
    }

    @Override
    public CompletionStage<Void> clear(String key) {
        return client.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(key)).build())
                .thenApply(response -> null);
    }

    private static Map<String, AttributeValue> key(String key) {
        return Schema.key(Schema.loginPk(key), Schema.ATTEMPTS_SK);
    }
}
