package dev.bookshelf.dynamodb;

import static dev.bookshelf.dynamodb.Schema.n;
import static dev.bookshelf.dynamodb.Schema.s;

import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.ReadingStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Books as items: keyed by owner and id, with the two index sort keys derived from the book. */
final class BookItems {
    static final String VERSION = "version";

    private BookItems() {
    }

    static Map<String, AttributeValue> key(String ownerId, String bookId) {
        return Schema.key(Schema.ownerPk(ownerId), Schema.bookSk(bookId));
    }

    static Map<String, AttributeValue> toItem(Book book) {
        String timeKey = Schema.timeKey(book.createdAt());
        Map<String, AttributeValue> item = new HashMap<>(key(book.ownerId(), book.id()));
        item.put(Schema.CREATED_KEY, s(Schema.createdKey(timeKey, book.id())));
        item.put(Schema.STATUS_KEY, s(Schema.statusKey(book.status(), timeKey, book.id())));
        item.put("id", s(book.id()));
        item.put("ownerId", s(book.ownerId()));
        item.put("title", s(book.title()));
        item.put("author", s(book.author()));
        item.put("status", s(book.status().name()));
        item.put(VERSION, n(book.version()));
        item.put("createdAt", s(book.createdAt().toString()));
        item.put("updatedAt", s(book.updatedAt().toString()));
        if (book.isbn() != null) {
            item.put("isbn", s(book.isbn()));
        }
        if (book.rating() != null) {
            item.put("rating", n(book.rating()));
        }
        if (book.note() != null) {
            item.put("note", s(book.note()));
        }
        return item;
    }

    static Book fromItem(Map<String, AttributeValue> item) {
        return new Book(text(item, "id"), text(item, "ownerId"), text(item, "title"), text(item, "author"),
                text(item, "isbn"), ReadingStatus.valueOf(text(item, "status")),
                item.containsKey("rating") ? Integer.valueOf(item.get("rating").n()) : null,
                text(item, "note"), version(item), Instant.parse(text(item, "createdAt")),
                Instant.parse(text(item, "updatedAt")));
    }

    static long version(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get(VERSION).n());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
