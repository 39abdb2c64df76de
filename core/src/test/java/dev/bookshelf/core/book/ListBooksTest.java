package dev.bookshelf.core.book;

import static dev.bookshelf.core.book.Shelves.ALICE;
import static dev.bookshelf.core.book.Shelves.BOB;
import static dev.bookshelf.core.shared.FieldError.Code.OUT_OF_RANGE;
import static dev.bookshelf.core.shared.FieldError.Code.UNKNOWN_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.TestCore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListBooksTest {
    private final TestCore core = TestCore.inMemory();
    private final Shelves shelves = new Shelves(core);

    private List<Book> addMany(String ownerId, int count) {
        List<Book> added = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            added.add(shelves.add(ownerId, "Book " + i, i % 3 == 0 ? "READ" : "WANT_TO_READ"));
        }
        return added;
    }

    private static List<Book> newestFirst(List<Book> books) {
        List<Book> copy = new ArrayList<>(books);
        Collections.reverse(copy);
        return copy;
    }

    /** Follows the cursors to the end; a bounded walk, so a cursor that loops fails the test. */
    private List<List<Book>> allPages(String ownerId, String status, int limit) {
        List<List<Book>> pages = new ArrayList<>();
        String cursor = null;
        do {
            BookPage page = shelves.list(ownerId, status, limit, cursor);
            pages.add(page.items());
            cursor = page.nextCursor();
            assertThat(pages).as("pages so far").hasSizeLessThan(1000);
        } while (cursor != null);
        return pages;
    }

    private static List<Book> flatten(List<List<Book>> pages) {
        return pages.stream().flatMap(List::stream).collect(Collectors.toList());
    }

    @Test
    void list_anEmptyShelf_returnsNoBooksAndNoCursor() {
        BookPage page = shelves.list(ALICE, null, null, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void list_returnsNewestFirst() {
        List<Book> added = addMany(ALICE, 3);

        assertThat(shelves.list(ALICE, null, null, null).items()).containsExactlyElementsOf(newestFirst(added));
    }

    @Test
    void list_withStatus_returnsOnlyBooksInThatStatus_newestFirst() {
        List<Book> added = addMany(ALICE, 9);
        List<Book> read = added.stream().filter(b -> b.status() == ReadingStatus.READ).collect(Collectors.toList());

        assertThat(shelves.list(ALICE, "READ", null, null).items()).containsExactlyElementsOf(newestFirst(read));
        assertThat(shelves.list(ALICE, "READING", null, null).items()).isEmpty();
    }

    @Test
    void list_withoutALimit_returnsTwentyBooksAndACursor() {
        List<Book> added = addMany(ALICE, 25);

        BookPage page = shelves.list(ALICE, null, null, null);

        assertThat(ListBooksQuery.DEFAULT_LIMIT).isEqualTo(20);
        assertThat(page.items()).containsExactlyElementsOf(newestFirst(added).subList(0, 20));
        assertThat(page.nextCursor()).isNotNull();
    }

    @Test
    void list_withLimitOneAndOneHundred_isAccepted() {
        addMany(ALICE, 3);

        assertThat(shelves.list(ALICE, null, 1, null).items()).hasSize(1);
        assertThat(shelves.list(ALICE, null, 100, null).items()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101, -1})
    void list_withALimitOutsideOneToOneHundred_failsOnLimit(int limit) {
        InvalidInput failure = catchThrowableOfType(InvalidInput.class,
                () -> ListBooksQuery.of(ALICE, null, limit, null));

        assertThat(failure.errors()).containsExactly(FieldError.bounded("limit", OUT_OF_RANGE, 1, 100));
    }

    @Test
    void list_withAnUnknownStatus_failsOnStatus() {
        InvalidInput failure = catchThrowableOfType(InvalidInput.class,
                () -> ListBooksQuery.of(ALICE, "DONE", null, null));

        assertThat(failure.errors()).containsExactly(FieldError.of("status", UNKNOWN_VALUE));
    }

    @Test
    void list_followingCursors_visitsEveryBookOnceInOrder() {
        List<Book> added = addMany(ALICE, 45);

        List<List<Book>> pages = allPages(ALICE, null, 20);

        assertThat(pages).extracting(List::size).startsWith(20, 20);
        assertThat(flatten(pages)).containsExactlyElementsOf(newestFirst(added));
    }

    @Test
    void list_followingCursorsWithAStatusFilter_visitsEveryMatchingBookOnceInOrder() {
        List<Book> added = addMany(ALICE, 30);
        List<Book> read = added.stream().filter(b -> b.status() == ReadingStatus.READ).collect(Collectors.toList());

        List<List<Book>> pages = allPages(ALICE, "READ", 3);

        assertThat(flatten(pages)).containsExactlyElementsOf(newestFirst(read));
        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void list_whenTheShelfIsAnExactMultipleOfTheLimit_stillEndsWithoutDuplicates() {
        List<Book> added = addMany(ALICE, 10);

        assertThat(flatten(allPages(ALICE, null, 5))).containsExactlyElementsOf(newestFirst(added));
    }

    @Test
    void list_withBooksAddedAtTheSameInstant_pagesThroughAllOfThemWithoutDuplicatesOrGaps() {
        List<Book> added = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            added.add(Await.result(core.bookshelf.add(
                    AddBookCommand.of(ALICE, "Same time " + i, "Author", null, "READ", null, null))));
        }

        assertThat(flatten(allPages(ALICE, null, 5))).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    void list_withAGarbageCursor_failsOnCursor() {
        addMany(ALICE, 3);

        InvalidInput failure = Await.failure(
                core.bookshelf.list(ListBooksQuery.of(ALICE, null, null, "not-a-cursor!")), InvalidInput.class);

        assertThat(failure.errors()).extracting(FieldError::field).containsExactly("cursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAA", "bm90LWEtY3Vyc29y", "%%%", "eyJ0IjoxfQ"})
    void list_withACursorThatDoesNotDecode_failsOnCursor(String cursor) {
        InvalidInput failure = Await.failure(
                core.bookshelf.list(ListBooksQuery.of(ALICE, null, null, cursor)), InvalidInput.class);

        assertThat(failure.errors()).extracting(FieldError::field).containsExactly("cursor");
    }

    @Test
    void list_withAnEmptyCursor_failsOnCursor() {
        InvalidInput failure = catchThrowableOfType(InvalidInput.class,
                () -> ListBooksQuery.of(ALICE, null, null, ""));

        assertThat(failure.errors()).extracting(FieldError::field).containsExactly("cursor");
    }

    @Test
    void list_ofAnotherOwner_neverShowsMyBooks() {
        addMany(ALICE, 5);
        Book bobs = shelves.add(BOB, "Bob's only book");

        assertThat(shelves.list(BOB, null, null, null).items()).containsExactly(bobs);
        assertThat(shelves.list(ALICE, null, null, null).items()).doesNotContain(bobs).hasSize(5);
    }

    @Test
    void list_withMyCursorUsedByAnotherOwner_showsOnlyTheirOwnOlderBooks() {
        Book bobsOlder = shelves.add(BOB, "Bob's older book");
        addMany(ALICE, 5);
        String alicesCursor = shelves.list(ALICE, null, 2, null).nextCursor();

        BookPage seenByBob = shelves.list(BOB, null, 100, alicesCursor);

        assertThat(seenByBob.items()).containsExactly(bobsOlder);
    }
}
