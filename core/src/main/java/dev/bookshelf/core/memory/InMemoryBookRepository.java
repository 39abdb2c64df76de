package dev.bookshelf.core.memory;

import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookPage;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import dev.bookshelf.core.shared.NotFound;
import dev.bookshelf.core.shared.Unauthenticated;
import dev.bookshelf.core.shared.VersionConflict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Thread-safe, process-local shelves, newest first: the embedded default. */
public final class InMemoryBookRepository implements BookRepository {
    /** Newest first; of two books created at the same instant, the greater id first. */
    private static final Comparator<Key> NEWEST_FIRST = (a, b) -> {
        int byTime = b.createdAt().compareTo(a.createdAt());
        return byTime != 0 ? byTime : b.id().compareTo(a.id());
    };

    private final ConcurrentMap<String, NavigableMap<Key, Book>> shelves = new ConcurrentHashMap<>();
    private final ConcurrentMap<IndexKey, Key> keys = new ConcurrentHashMap<>();
    /** Owners whose books were all deleted (accounts erased): ids are never reused, so this only grows by erasures. */
    private final Set<String> erased = ConcurrentHashMap.newKeySet();

    private record Key(Instant createdAt, String id) {
        static Key of(Book b) {
            return new Key(b.createdAt(), b.id());
        }
    }

    private NavigableMap<Key, Book> shelf(String ownerId) {
        return shelves.computeIfAbsent(ownerId, o -> new ConcurrentSkipListMap<>(NEWEST_FIRST));
    }

    @Override
    public CompletionStage<Void> insert(Book book) {
        if (erased.contains(book.ownerId())) {
            return CompletableFuture.failedFuture(new Unauthenticated(Unauthenticated.Reason.UNKNOWN_USER));
        }
        NavigableMap<Key, Book> shelf = shelf(book.ownerId());
        shelf.put(Key.of(book), book);
        keys.put(indexKey(book.ownerId(), book.id()), Key.of(book));
        if (erased.contains(book.ownerId())) {
            // deleteAll began meanwhile: it may have missed this book, so take it back
            shelf.remove(Key.of(book));
            keys.remove(indexKey(book.ownerId(), book.id()));
            return CompletableFuture.failedFuture(new Unauthenticated(Unauthenticated.Reason.UNKNOWN_USER));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> deleteAll(String ownerId) {
        erased.add(ownerId);
        NavigableMap<Key, Book> shelf = shelves.remove(ownerId);
        if (shelf != null) {
            shelf.values().forEach(book -> keys.remove(indexKey(ownerId, book.id())));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<Book>> find(String ownerId, String bookId) {
        return CompletableFuture.completedFuture(lookup(ownerId, bookId));
    }

    private Optional<Book> lookup(String ownerId, String bookId) {
        Key key = keys.get(indexKey(ownerId, bookId));
        NavigableMap<Key, Book> shelf = key == null ? null : shelves.get(ownerId);
        return shelf == null ? Optional.empty() : Optional.ofNullable(shelf.get(key));
    }

    private static IndexKey indexKey(String ownerId, String bookId) {
        return new IndexKey(ownerId, bookId);
    }

    /** A book by its owner and id (no string joined from both at every lookup). */
    private record IndexKey(String ownerId, String bookId) {
    }

    @Override
    public CompletionStage<BookPage> list(ListBooksQuery q) {
        NavigableMap<Key, Book> shelf = shelves.getOrDefault(q.ownerId(), new ConcurrentSkipListMap<>(NEWEST_FIRST));
        Map<Key, Book> rest;
        try {
            rest = q.cursor() == null ? shelf : shelf.tailMap(decode(q.cursor()), false);
        } catch (InvalidInput e) {
            return CompletableFuture.failedFuture(e);
        }
        List<Book> items = new ArrayList<>(q.limit());
        Key last = null;
        boolean more = false;
        for (Map.Entry<Key, Book> e : rest.entrySet()) {
            if (q.status() != null && e.getValue().status() != q.status()) {
                continue;
            }
            if (items.size() == q.limit()) {
                more = true;
                break;
            }
            items.add(e.getValue());
            last = e.getKey();
        }
        return CompletableFuture.completedFuture(new BookPage(items, more ? encode(last) : null));
    }

    @Override
    public CompletionStage<Book> replace(Book updated, long expectedVersion) {
        NavigableMap<Key, Book> shelf = shelves.get(updated.ownerId());
        if (shelf == null) {
            return CompletableFuture.failedFuture(NotFound.book());
        }
        Key key = Key.of(updated);
        Book[] conflict = new Book[1];
        Book result = shelf.computeIfPresent(key, (k, current) -> {
            if (current.version() != expectedVersion) {
                conflict[0] = current;
                return current;
            }
            return updated;
        });
        if (result == null) {
            return CompletableFuture.failedFuture(NotFound.book());
        }
        if (conflict[0] != null) {
            return CompletableFuture.failedFuture(new VersionConflict(expectedVersion, conflict[0].version()));
        }
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletionStage<Boolean> delete(String ownerId, String bookId) {
        Key key = keys.remove(indexKey(ownerId, bookId));
        NavigableMap<Key, Book> shelf = shelves.get(ownerId);
        boolean removed = key != null && shelf != null && shelf.remove(key) != null;
        return CompletableFuture.completedFuture(removed);
    }

    private static String encode(Key key) {
        String raw = key.createdAt().getEpochSecond() + ":" + key.createdAt().getNano() + ":" + key.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Key decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            return new Key(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
        } catch (RuntimeException e) {
            throw InvalidInput.of("cursor", FieldError.Code.INVALID_FORMAT);
        }
    }
}
