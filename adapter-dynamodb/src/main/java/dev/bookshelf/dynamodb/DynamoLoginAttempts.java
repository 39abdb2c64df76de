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
 * when the window ends (epoch millis), deleted by time to live after the window. Taking first
 * tries a conditional put that opens a new window (there is none, or it is over): the common case,
 * since a right password deletes the item, so a log-in costs one write. When a window is open the
 * put is refused with the stored item, and one conditional update takes an attempt from it (count
 * below the limit, window still open). Both are atomic, so concurrent attempts on any number of
 * instances never take more than the limit; a window that ends or is cleared between the two is
 * opened again, at most {@value #MAX_ROUNDS} rounds, then the attempt is refused (the safe side).
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

    /** A new window with this attempt in it, unless one is open: then an attempt from that one. */
    private CompletionStage<Optional<Duration>> take(String key, int limit, Duration window, Instant now, int round) {
        Instant ends = now.plus(window);
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put(COUNT, Schema.n(1));
        item.put(ENDS, Schema.n(ends.toEpochMilli()));
        item.put(Schema.EXPIRES_AT, Schema.n(ends.getEpochSecond() + 1));
        PutItemRequest open = PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk) OR #ends <= :now")
                .expressionAttributeNames(Map.of("#pk", Schema.PK, "#ends", ENDS))
                .expressionAttributeValues(Map.of(":now", Schema.n(now.toEpochMilli())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
        CompletionStage<Optional<Duration>> opened = client.putItem(open).thenApply(response -> Optional.empty());
        return Async.recover(opened, failure -> refused(failure, key).thenCompose(stored -> {
            if (stored.isEmpty() || ends(stored.get()) <= now.toEpochMilli()) {
                return again(key, limit, window, now, round, window);
            }
            return count(stored.get()) >= limit ? waitUntil(stored.get(), now) : increment(key, limit, window, now, round);
        }));
    }

    /** Takes an attempt from the open window, if it is still open and has one left. */
    private CompletionStage<Optional<Duration>> increment(String key, int limit, Duration window, Instant now,
                                                          int round) {
        UpdateItemRequest increment = UpdateItemRequest.builder().tableName(table).key(key(key))
                .updateExpression("SET #count = #count + :one")
                .conditionExpression("#ends > :now AND #count < :limit")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(Map.of(":one", Schema.n(1), ":now", Schema.n(now.toEpochMilli()),
                        ":limit", Schema.n(limit)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
        CompletionStage<Optional<Duration>> taken = client.updateItem(increment).thenApply(response -> Optional.empty());
        return Async.recover(taken, failure -> refused(failure, key).thenCompose(stored -> {
            if (stored.isEmpty() || ends(stored.get()) <= now.toEpochMilli()) {
                // the window ended or was cleared since the put was refused: open one again
                return again(key, limit, window, now, round, window);
            }
            return waitUntil(stored.get(), now);
        }));
    }

    /** Another round, or after {@value #MAX_ROUNDS} a refusal for {@code wait} (the safe side). */
    private CompletionStage<Optional<Duration>> again(String key, int limit, Duration window, Instant now, int round,
                                                      Duration wait) {
        return round < MAX_ROUNDS ? take(key, limit, window, now, round + 1)
                : CompletableFuture.completedFuture(Optional.of(wait));
    }

    /**
     * The stored window of a refused conditional write: the item it returned, or when it carried
     * none (no item, or a server without ALL_OLD) a consistent read; any other failure fails.
     */
    private CompletionStage<Optional<Map<String, AttributeValue>>> refused(Throwable failure, String key) {
        if (!(failure instanceof ConditionalCheckFailedException refused)) {
            return CompletableFuture.failedFuture(failure);
        }
        return refused.hasItem() && refused.item().containsKey(ENDS)
                ? CompletableFuture.completedFuture(Optional.of(refused.item()))
                : current(key);
    }

    private static CompletionStage<Optional<Duration>> waitUntil(Map<String, AttributeValue> stored, Instant now) {
        return CompletableFuture.completedFuture(Optional.of(Duration.ofMillis(ends(stored) - now.toEpochMilli())));
    }

    private static long ends(Map<String, AttributeValue> stored) {
        return Long.parseLong(stored.get(ENDS).n());
    }

    private static long count(Map<String, AttributeValue> stored) {
        return Long.parseLong(stored.get(COUNT).n());
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
