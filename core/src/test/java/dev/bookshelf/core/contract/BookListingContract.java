package dev.bookshelf.core.contract;

import static dev.bookshelf.core.contract.Await.failure;
import static dev.bookshelf.core.contract.Await.result;
import static dev.bookshelf.core.contract.TestBooks.NEWEST_FIRST;
import static dev.bookshelf.core.contract.TestBooks.aBook;
import static dev.bookshelf.core.contract.TestBooks.freshOwner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookPage;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.book.ReadingStatus;
import dev.bookshelf.core.shared.InvalidInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The listing half of {@link BookRepositoryContract}: order, filter, limit and cursors. */
public abstract class BookListingContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int MAX_PAGES = 1_000;

    protected BookRepository books;

    /** A repository ready for use; called before every test. */
    protected abstract BookRepository newRepository();

    @BeforeEach
    void createRepository() {
        books = newRepository();
    }

    @Test
    void list_ofAnEmptyShelf_hasNoItemsAndNoCursor() {
        BookPage page = result(books.list(new ListBooksQuery(freshOwner(), null, 20, null)));

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void list_returnsNewestFirst_byCreationTimeThenIdDescending() {
        String owner = freshOwner();
        List<Book> shelf = List.of(
                aBook(owner).id("b-1").createdAt(T0).build(),
                aBook(owner).id("b-3").createdAt(T0).build(),
                aBook(owner).id("b-2").createdAt(T0).build(),
                aBook(owner).id("a-9").createdAt(T0.plusNanos(1)).build(),
                aBook(owner).id("z-0").createdAt(T0.minusSeconds(3600)).build());
        shelf.forEach(b -> result(books.insert(b)));

        BookPage page = result(books.list(new ListBooksQuery(owner, null, 20, null)));

        assertThat(page.items()).extracting(Book::id).containsExactly("a-9", "b-3", "b-2", "b-1", "z-0");
        assertThat(page.items()).containsExactlyElementsOf(sorted(shelf));
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void list_withStatus_returnsOnlyBooksOfThatStatus() {
        String owner = freshOwner();
        List<Book> shelf = insertShelf(owner, 12);

        BookPage page = result(books.list(new ListBooksQuery(owner, ReadingStatus.READING, 20, null)));

        assertThat(page.items()).isNotEmpty()
                .containsExactlyElementsOf(sorted(withStatus(shelf, ReadingStatus.READING)));
    }

    @Test
    void list_withLimit_returnsTheNewestBooksAndACursor() {
        String owner = freshOwner();
        List<Book> shelf = insertShelf(owner, 10);

        BookPage page = result(books.list(new ListBooksQuery(owner, null, 4, null)));

        assertThat(page.items()).containsExactlyElementsOf(sorted(shelf).subList(0, 4));
        assertThat(page.nextCursor()).isNotNull();
    }

    @Test
    void list_whoseLastPageIsExactlyFull_endsWithoutAnEmptyPage() {
        String owner = freshOwner();
        List<Book> shelf = insertShelf(owner, 8);

        List<List<Book>> pages = pages(owner, null, 4);

        assertThat(pages).hasSize(2);
        assertThat(flatten(pages)).containsExactlyElementsOf(sorted(shelf));
    }

    @Test
    void list_pagesThroughTwoHundredFiftyBooks_withoutDuplicatesOrGaps() {
        String owner = freshOwner();
        List<Book> shelf = insertShelf(owner, 250);

        List<List<Book>> pages = pages(owner, null, 7);

        assertPaged(pages, sorted(shelf), 7);
    }

    @Test
    void list_pagesThroughOneStatus_withFullPagesUntilTheLast() {
        String owner = freshOwner();
        List<Book> shelf = insertShelf(owner, 250);

        for (ReadingStatus status : ReadingStatus.values()) {
            List<List<Book>> pages = pages(owner, status, 7);

            assertPaged(pages, sorted(withStatus(shelf, status)), 7);
        }
    }

    @Test
    void list_neverShowsAnotherOwnersBooks() {
        String owner = freshOwner();
        String other = freshOwner();
        List<Book> mine = insertShelf(owner, 5);
        insertShelf(other, 5);

        BookPage page = result(books.list(new ListBooksQuery(owner, null, 100, null)));

        assertThat(page.items()).containsExactlyElementsOf(sorted(mine));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "!!!", "AAAA", "eyJhIjoxfQ", "%00", "MTox",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void list_withACursorThatCannotBeRead_failsWithInvalidInputOnCursor(String cursor) {
        String owner = freshOwner();
        insertShelf(owner, 3);

        Throwable failure = failure(books.list(new ListBooksQuery(owner, null, 2, cursor)));

        assertThat(failure).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor"));
    }

    @Test
    void list_withAnotherOwnersCursor_neverYieldsThatOwnersBooks() {
        String alice = freshOwner();
        String bob = freshOwner();
        List<Book> aliceShelf = insertShelf(alice, 9);
        List<Book> bobShelf = insertShelf(bob, 9);
        String aliceCursor = result(books.list(new ListBooksQuery(alice, null, 3, null))).nextCursor();
        assertThat(aliceCursor).isNotNull();

        BookPage page;
        try {
            page = result(books.list(new ListBooksQuery(bob, null, 100, aliceCursor)));
        } catch (InvalidInput refused) {
            assertThat(refused.errors()).extracting(f -> f.field()).containsExactly("cursor");
            return;
        }
        assertThat(page.items()).doesNotContainAnyElementsOf(aliceShelf);
        assertThat(bobShelf).containsAll(page.items());
    }

    /** Inserts {@code n} books whose creation times repeat in threes and whose statuses rotate. */
    protected List<Book> insertShelf(String owner, int n) {
        List<Book> shelf = new ArrayList<>();
        ReadingStatus[] statuses = ReadingStatus.values();
        for (int i = 0; i < n; i++) {
            Book book = aBook(owner).title("Book " + i).status(statuses[(i * 7 / 3) % statuses.length])
                    .createdAt(T0.plusMillis(i / 3 * 1_000L + 1)).build();
            result(books.insert(book));
            shelf.add(book);
        }
        return shelf;
    }

    /** Follows the cursors from the first page to the last. */
    protected List<List<Book>> pages(String owner, ReadingStatus status, int limit) {
        List<List<Book>> pages = new ArrayList<>();
        String cursor = null;
        do {
            BookPage page = result(books.list(new ListBooksQuery(owner, status, limit, cursor)));
            pages.add(page.items());
            cursor = page.nextCursor();
            assertThat(pages).as("pages followed").hasSizeLessThan(MAX_PAGES);
        } while (cursor != null);
        return pages;
    }

    private static void assertPaged(List<List<Book>> pages, List<Book> expected, int limit) {
        assertThat(flatten(pages)).containsExactlyElementsOf(expected);
        for (int i = 0; i < pages.size() - 1; i++) {
            assertThat(pages.get(i)).as("page %d of %d", i + 1, pages.size()).hasSize(limit);
        }
        assertThat(pages.get(pages.size() - 1)).as("last page").isNotEmpty().hasSizeLessThanOrEqualTo(limit);
    }

    private static List<Book> flatten(List<List<Book>> pages) {
        return pages.stream().flatMap(List::stream).collect(Collectors.toList());
    }

    protected static List<Book> sorted(List<Book> shelf) {
        return shelf.stream().sorted(NEWEST_FIRST).collect(Collectors.toList());
    }

    protected static List<Book> withStatus(List<Book> shelf, ReadingStatus status) {
        return shelf.stream().filter(b -> b.status() == status).collect(Collectors.toList());
    }
}
