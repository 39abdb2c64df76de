package dev.bookshelf.dynamodb;

import dev.bookshelf.core.account.RevokedTokens;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Revoked token ids as items ({@code TOKEN#<jti>}, {@code REVOKED}) that time to live deletes
 * after the token's own expiry: nothing grows without bound. The check is one strongly
 * consistent GetItem of the key only, so a log-out through any instance is seen by every other.
 */
final class DynamoRevokedTokens implements RevokedTokens {
    /** Kept a little past the token's expiry, in case clocks of instances disagree. */
    static final long SLACK_SECONDS = 300;

    private final DynamoDbAsyncClient client;
    private final String table;

    DynamoRevokedTokens(DynamoDbAsyncClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public CompletionStage<Void> revoke(String tokenId, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(tokenId));
        item.put(Schema.EXPIRES_AT, Schema.n(expiresAt.getEpochSecond() + SLACK_SECONDS));
        return client.putItem(PutItemRequest.builder().tableName(table).item(item).build())
                .thenApply(response -> null);
    }

    @Override
    public CompletionStage<Boolean> isRevoked(String tokenId) {
        GetItemRequest request = GetItemRequest.builder().tableName(table).key(key(tokenId)).consistentRead(true)
                .projectionExpression("#pk").expressionAttributeNames(Map.of("#pk", Schema.PK)).build();
        return client.getItem(request).thenApply(response -> response.hasItem() && !response.item().isEmpty());
    }

    private static Map<String, AttributeValue> key(String tokenId) {
        return Schema.key(Schema.tokenPk(tokenId), Schema.REVOKED_SK);
    }
}
