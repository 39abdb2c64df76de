package dev.bookshelf.dynamodb;

import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookPage;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.shared.NotFound;
import dev.bookshelf.core.shared.VersionConflict;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Books on DynamoDB, one item per book under its owner's partition. Every write is one
 * conditional request, so no write needs a lock or a transaction.
 */
final class DynamoBookRepository implements BookRepository {
    private static final Map<String, String> PK_NAME = Map.of("#pk", Schema.PK);

    private final DynamoDbAsyncClient client;
    private final String table;
    private final BookLister lister;

    DynamoBookRepository(DynamoDbAsyncClient client, String table, CursorCodec cursors) {
        this.client = client;
        this.table = table;
        this.lister = new BookLister(client, table, cursors);
    }

    @Override
    public CompletionStage<Void> insert(Book book) {
        PutItemRequest request = PutItemRequest.builder().tableName(table).item(BookItems.toItem(book))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(PK_NAME).build();
        return Async.recover(client.putItem(request).thenApply(response -> (Void) null), failure ->
                CompletableFuture.failedFuture(failure instanceof ConditionalCheckFailedException
                        ? new IllegalStateException("a book with id " + book.id() + " already exists")
                        : failure));
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
