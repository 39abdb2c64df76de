package dev.bookshelf.dynamodb;

import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookPage;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.shared.InvalidInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One page of a shelf, newest first, from a local secondary index: {@code byCreated} for all
 * books, {@code byStatus} (with a key prefix) for one status. Asks for one book more than the page
 * holds, to know whether there is a next page, and queries again while DynamoDB stops early (its
 * 1 MB response limit), so every page but the last is full and the last one is never empty.
 */
final class BookLister {
    private final DynamoDbAsyncClient client;
    private final String table;
    private final CursorCodec cursors;

    BookLister(DynamoDbAsyncClient client, String table, CursorCodec cursors) {
        this.client = client;
        this.table = table;
        this.cursors = cursors;
    }

    CompletionStage<BookPage> list(ListBooksQuery query) {
        Map<String, AttributeValue> start;
        try {
            start = query.cursor() == null ? null
                    : startKey(query, cursors.read(query.ownerId(), query.status(), query.cursor()));
        } catch (InvalidInput e) {
            return CompletableFuture.failedFuture(e);
        }
        return collect(query, start, new ArrayList<>(query.limit() + 1));
    }

    private CompletionStage<BookPage> collect(ListBooksQuery query, Map<String, AttributeValue> start,
                                              List<Book> found) {
        return client.query(request(query, start, query.limit() + 1 - found.size())).thenCompose(response -> {
            response.items().forEach(item -> found.add(BookItems.fromItem(item)));
            boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            if (found.size() > query.limit() || !more) {
                return CompletableFuture.completedFuture(page(query, found));
            }
            return collect(query, response.lastEvaluatedKey(), found);
        });
    }

    private BookPage page(ListBooksQuery query, List<Book> found) {
        if (found.size() <= query.limit()) {
            return new BookPage(found, null);
        }
        List<Book> items = found.subList(0, query.limit());
        Book last = items.get(items.size() - 1);
        CursorCodec.Position next = new CursorCodec.Position(Schema.timeKey(last.createdAt()), last.id());
        return new BookPage(items, cursors.write(query.ownerId(), query.status(), next));
    }

    private QueryRequest request(ListBooksQuery query, Map<String, AttributeValue> start, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", Schema.PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Schema.s(Schema.ownerPk(query.ownerId()))));
        String condition = "#pk = :pk";
        if (query.status() != null) {
            names.put("#sk", Schema.STATUS_KEY);
            values.put(":prefix", Schema.s(Schema.statusPrefix(query.status())));
            condition += " AND begins_with(#sk, :prefix)";
        }
        return QueryRequest.builder().tableName(table)
                .indexName(query.status() == null ? Schema.BY_CREATED : Schema.BY_STATUS)
                .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).consistentRead(true).limit(limit).exclusiveStartKey(start).build();
    }

    private static Map<String, AttributeValue> startKey(ListBooksQuery query, CursorCodec.Position position) {
        Map<String, AttributeValue> key = new HashMap<>(BookItems.key(query.ownerId(), position.bookId()));
        if (query.status() == null) {
            key.put(Schema.CREATED_KEY, Schema.s(Schema.createdKey(position.timeKey(), position.bookId())));
        } else {
            key.put(Schema.STATUS_KEY,
                    Schema.s(Schema.statusKey(query.status(), position.timeKey(), position.bookId())));
        }
        return key;
    }
}
