package dev.bookshelf.dynamodb;

import dev.bookshelf.core.account.User;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.shared.EmailAlreadyTaken;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Users on DynamoDB. Email uniqueness: the user item and an email-claim item are put in one
 * transaction, each only if absent, so of two sign-ups with one email exactly one commits.
 */
final class DynamoUserRepository implements UserRepository {
    private static final int MAX_ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MILLIS = 25;
    private static final String ABSENT = "attribute_not_exists(#pk)";
    private static final Map<String, String> NAMES = Map.of("#pk", Schema.PK);

    private final DynamoDbAsyncClient client;
    private final String table;
    private final UserRewrites rewrites;

    DynamoUserRepository(DynamoDbAsyncClient client, String table) {
        this.client = client;
        this.table = table;
        this.rewrites = new UserRewrites(client, table, this::findById);
    }

    @Override
    public CompletionStage<Void> insert(User user) {
        return attempt(user, 1);
    }

    private CompletionStage<Void> attempt(User user, int attempt) {
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
                .transactItems(putIfAbsent(UserItems.userItem(user)), putIfAbsent(UserItems.emailClaim(user)))
                .build();
        CompletionStage<Void> written = client.transactWriteItems(request).thenApply(response -> null);
        return Async.recover(written, failure -> {
            if (!(failure instanceof TransactionCanceledException)) {
                return CompletableFuture.failedFuture(failure);
            }
            TransactionCanceledException cancelled = (TransactionCanceledException) failure;
            switch (TransactionOutcome.of(cancelled.cancellationReasons())) {
                case EMAIL_TAKEN:
                    return CompletableFuture.failedFuture(new EmailAlreadyTaken());
                case ID_TAKEN:
                    return CompletableFuture.failedFuture(
                            new IllegalStateException("a user with id " + user.id() + " already exists"));
                case RETRY:
                    if (attempt < MAX_ATTEMPTS) {
                        return Async.delay(backoff(attempt)).thenCompose(ignored -> attempt(user, attempt + 1));
                    }
                    return CompletableFuture.failedFuture(failure);
                default:
                    return CompletableFuture.failedFuture(failure);
            }
        });
    }

    static long backoff(int attempt) {
        long ceiling = FIRST_BACKOFF_MILLIS << (attempt - 1);
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(ABSENT).expressionAttributeNames(NAMES).build()).build();
    }

    @Override
    public CompletionStage<Optional<User>> findByEmail(String normalizedEmail) {
        return get(Schema.emailPk(normalizedEmail), Schema.EMAIL_SK);
    }

    @Override
    public CompletionStage<Optional<User>> findById(String id) {
        return get(Schema.userPk(id), Schema.USER_SK);
    }

    private CompletionStage<Optional<User>> get(String pk, String sk) {
        GetItemRequest request = GetItemRequest.builder().tableName(table).key(Schema.key(pk, sk))
                .consistentRead(true).build();
        return client.getItem(request).thenApply(response -> response.hasItem() && !response.item().isEmpty()
                ? UserItems.fromItem(response.item())
                : Optional.empty());
    }

    @Override
    public CompletionStage<Boolean> changePassword(User user, String newPasswordHash) {
        return rewrites.rewrite(user, current -> current.closing() ? null : current.withPassword(newPasswordHash));
    }

    @Override
    public CompletionStage<Boolean> beginClosing(User user) {
        return rewrites.rewrite(user, current -> current.closing() ? current : current.asClosing());
    }

    @Override
    public CompletionStage<Void> delete(User user) {
        return rewrites.erase(user);
    }
}
