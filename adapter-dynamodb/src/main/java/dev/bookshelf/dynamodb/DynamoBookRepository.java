package dev.bookshelf.dynamodb;

import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookPage;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.shared.NotFound;
import dev.bookshelf.core.shared.Unauthenticated;
import dev.bookshelf.core.shared.VersionConflict;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Books on DynamoDB, one item per book under its owner's partition. Every write is one
 * conditional request; adding a book is a transaction with a check of its owner's account.
 */
final class DynamoBookRepository implements BookRepository {
    private static final Map<String, String> PK_NAME = Map.of("#pk", Schema.PK);
    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbAsyncClient client;
    private final String table;
    private final BookLister lister;
    private final ShelfSweeper sweeper;

    DynamoBookRepository(DynamoDbAsyncClient client, String table, CursorCodec cursors) {
        this.client = client;
        this.table = table;
        this.lister = new BookLister(client, table, cursors);
        this.sweeper = new ShelfSweeper(client, table);
    }

    /**
     * The book's put and a check that its owner's account is not being erased, in one
     * transaction: once the account is closing (or a tombstone), no book can be added to it, so
     * an erasure that sweeps the shelf afterwards leaves nothing behind.
     */
    @Override
    public CompletionStage<Void> insert(Book book) {
        return insert(book, 1);
    }

    private CompletionStage<Void> insert(Book book, int attempt) {
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(BookItems.toItem(book))
                        .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(PK_NAME)
                        .build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                        .key(Schema.key(Schema.userPk(book.ownerId()), Schema.USER_SK))
                        .conditionExpression("attribute_not_exists(#closing) AND attribute_not_exists(#closed)")
                        .expressionAttributeNames(Map.of("#closing", UserItems.CLOSING, "#closed", UserItems.CLOSED))
                        .build()).build()).build();
        return Async.recover(client.transactWriteItems(request).thenApply(response -> (Void) null), failure -> {
            if (!(failure instanceof TransactionCanceledException cancelled)) {
                return CompletableFuture.failedFuture(failure);
            }
            if (TransactionOutcome.failedCondition(cancelled.cancellationReasons(), 1)) {
                return CompletableFuture.failedFuture(new Unauthenticated(Unauthenticated.Reason.UNKNOWN_USER));
            }
            if (TransactionOutcome.failedCondition(cancelled.cancellationReasons(), 0)) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("a book with id " + book.id() + " already exists"));
            }
            if (TransactionOutcome.retryable(cancelled.cancellationReasons()) && attempt < MAX_ATTEMPTS) {
                return Async.delay(DynamoUserRepository.backoff(attempt)).thenCompose(ignored -> insert(book, attempt + 1));
            }
            return CompletableFuture.failedFuture(failure);
        });
    }

    @Override
    public CompletionStage<Void> deleteAll(String ownerId) {
        return sweeper.deleteAll(ownerId);
    }

    @Override
    public CompletionStage<Optional<Book>> find(String ownerId, String bookId) {
        return read(ownerId, bookId).thenApply(item -> item.map(BookItems::fromItem));
    }

    @Override
    public CompletionStage<BookPage> list(ListBooksQuery query) {
        return lister.list(query);
    }

    /**
     * A conditional put on the stored version. When the condition fails, DynamoDB returns the
     * stored item (ReturnValuesOnConditionCheckFailure); without one the book is gone, or the
     * server ignored the option, so a consistent read tells NotFound from VersionConflict.
     */
    @Override
    public CompletionStage<Book> replace(Book updated, long expectedVersion) {
        PutItemRequest request = PutItemRequest.builder().tableName(table).item(BookItems.toItem(updated))
                .conditionExpression("attribute_exists(#pk) AND #version = :expected")
                .expressionAttributeNames(Map.of("#pk", Schema.PK, "#version", BookItems.VERSION))
                .expressionAttributeValues(Map.of(":expected", Schema.n(expectedVersion)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        return Async.recover(client.putItem(request).thenApply(response -> updated), failure -> {
            if (!(failure instanceof ConditionalCheckFailedException)) {
                return CompletableFuture.failedFuture(failure);
            }
            ConditionalCheckFailedException refused = (ConditionalCheckFailedException) failure;
            CompletionStage<Optional<Map<String, AttributeValue>>> current = refused.hasItem()
                    && !refused.item().isEmpty()
                    ? CompletableFuture.completedFuture(Optional.of(refused.item()))
                    : read(updated.ownerId(), updated.id());
            return current.thenCompose(item -> CompletableFuture.failedFuture(item
                    .<RuntimeException>map(i -> new VersionConflict(expectedVersion, BookItems.version(i)))
                    .orElseGet(NotFound::book)));
        });
    }

    @Override
    public CompletionStage<Boolean> delete(String ownerId, String bookId) {
        DeleteItemRequest request = DeleteItemRequest.builder().tableName(table).key(BookItems.key(ownerId, bookId))
                .returnValues(ReturnValue.ALL_OLD).build();
        return client.deleteItem(request).thenApply(response -> response.hasAttributes()
                && !response.attributes().isEmpty());
    }

    private CompletionStage<Optional<Map<String, AttributeValue>>> read(String ownerId, String bookId) {
        GetItemRequest request = GetItemRequest.builder().tableName(table).key(BookItems.key(ownerId, bookId))
                .consistentRead(true).build();
        return client.getItem(request).thenApply(response -> response.hasItem() && !response.item().isEmpty()
                ? Optional.of(response.item())
                : Optional.empty());
    }
}
