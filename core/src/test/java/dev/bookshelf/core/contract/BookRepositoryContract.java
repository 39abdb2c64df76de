package dev.bookshelf.core.contract;

import static dev.bookshelf.core.contract.Await.failure;
import static dev.bookshelf.core.contract.Await.result;
import static dev.bookshelf.core.contract.TestBooks.aBook;
import static dev.bookshelf.core.contract.TestBooks.freshOwner;
import static dev.bookshelf.core.contract.TestBooks.nextVersion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.book.ReadingStatus;
import dev.bookshelf.core.shared.NotFound;
import dev.bookshelf.core.shared.VersionConflict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BookRepository} must do (the listing rules are in {@link BookListingContract}).
 * Extend it with a factory for a fresh repository; the tests use fresh owners, so repositories may
 * share one store.
 */
public abstract class BookRepositoryContract extends BookListingContract {
    private static final int CONTENDERS = 16;

    @Test
    void insert_thenFind_returnsTheSameBook() {
        String owner = freshOwner();
        Book full = aBook(owner).isbn("9780441478125").status(ReadingStatus.READ).rating(5)
                .note("Winter on Gethen").version(3).createdAt(Instant.parse("2026-03-04T05:06:07.123456789Z"))
                .updatedAt(Instant.parse("2026-05-06T07:08:09.987654321Z")).build();
        Book bare = aBook(owner).build();

        result(books.insert(full));
        result(books.insert(bare));

        assertThat(result(books.find(owner, full.id()))).contains(full);
        assertThat(result(books.find(owner, bare.id()))).contains(bare);
    }

    @Test
    void find_ofAnotherOwnersBook_isEmpty() {
        Book book = aBook(freshOwner()).build();
        result(books.insert(book));

        assertThat(result(books.find(freshOwner(), book.id()))).isEmpty();
    }

    @Test
    void find_ofAnUnknownBook_isEmpty() {
        assertThat(result(books.find(freshOwner(), "no-such-book"))).isEmpty();
    }

    @Test
    void replace_withTheCurrentVersion_storesTheNewBook() {
        Book book = aBook(freshOwner()).isbn("0441478123").rating(4).note("first thoughts").build();
        result(books.insert(book));
        Book changed = new Book(book.id(), book.ownerId(), "New title", "New author", null, ReadingStatus.READ,
                null, null, 2, book.createdAt(), book.updatedAt().plusSeconds(60));

        Book stored = result(books.replace(changed, 1));

        assertThat(stored).isEqualTo(changed);
        assertThat(result(books.find(book.ownerId(), book.id()))).contains(changed);
    }

    @Test
    void replace_thatChangesTheStatus_movesTheBookBetweenStatusListings() {
        Book book = aBook(freshOwner()).status(ReadingStatus.READING).build();
        result(books.insert(book));
        Book finished = new Book(book.id(), book.ownerId(), book.title(), book.author(), book.isbn(),
                ReadingStatus.READ, 5, null, 2, book.createdAt(), book.updatedAt().plusSeconds(1));

        result(books.replace(finished, 1));

        assertThat(listed(book.ownerId(), ReadingStatus.READING)).isEmpty();
        assertThat(listed(book.ownerId(), ReadingStatus.READ)).containsExactly(finished);
        assertThat(listed(book.ownerId(), null)).containsExactly(finished);
    }

    @Test
    void replace_withAStaleVersion_failsWithVersionConflict_andKeepsTheStoredBook() {
        Book book = aBook(freshOwner()).build();
        result(books.insert(book));
        Book second = nextVersion(book, "second");
        result(books.replace(second, 1));

        Throwable failure = failure(books.replace(nextVersion(book, "stale"), 1));

        assertThat(failure).isInstanceOfSatisfying(VersionConflict.class, e -> {
            assertThat(e.expected()).isEqualTo(1);
            assertThat(e.current()).isEqualTo(2);
        });
        assertThat(result(books.find(book.ownerId(), book.id()))).contains(second);
    }

    @Test
    void replace_ofAMissingBook_failsWithNotFound() {
        Book ghost = aBook(freshOwner()).version(2).build();

        assertThat(failure(books.replace(ghost, 1))).isInstanceOf(NotFound.class);
        assertThat(result(books.find(ghost.ownerId(), ghost.id()))).isEmpty();
    }

    @Test
    void replace_ofAnotherOwnersBook_failsWithNotFound_andLeavesItAlone() {
        Book book = aBook(freshOwner()).build();
        result(books.insert(book));
        Book hijack = aBook(freshOwner()).id(book.id()).title("Mine now").version(2)
                .createdAt(book.createdAt()).build();

        assertThat(failure(books.replace(hijack, 1))).isInstanceOf(NotFound.class);
        assertThat(result(books.find(book.ownerId(), book.id()))).contains(book);
        assertThat(result(books.find(hijack.ownerId(), book.id()))).isEmpty();
    }

    @Test
    void replace_fromSixteenParallelWritersOfOneVersion_exactlyOneWins_andNoUpdateIsLost() {
        Book book = aBook(freshOwner()).build();
        result(books.insert(book));
        List<Book> attempts = java.util.stream.IntStream.range(0, CONTENDERS)
                .mapToObj(i -> nextVersion(book, "writer " + i)).collect(Collectors.toList());

        List<Race.Outcome<Book>> outcomes = Race.run(CONTENDERS, i -> books.replace(attempts.get(i), 1));

        List<Race.Outcome<Book>> winners = outcomes.stream().filter(Race.Outcome::succeeded)
                .collect(Collectors.toList());
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).hasSize(CONTENDERS - 1)
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(VersionConflict.class));
        Book winner = attempts.get(winners.get(0).contender());
        assertThat(winners.get(0).value()).isEqualTo(winner);
        assertThat(result(books.find(book.ownerId(), book.id()))).contains(winner);
        Book third = nextVersion(winner, "after the race");
        assertThat(result(books.replace(third, 2))).isEqualTo(third);
    }

    @Test
    void delete_removesTheBook_andIsHarmlessTheSecondTime() {
        Book book = aBook(freshOwner()).build();
        Book neighbour = aBook(book.ownerId()).build();
        result(books.insert(book));
        result(books.insert(neighbour));

        assertThat(result(books.delete(book.ownerId(), book.id()))).isTrue();
        assertThat(result(books.delete(book.ownerId(), book.id()))).isFalse();

        assertThat(result(books.find(book.ownerId(), book.id()))).isEmpty();
        assertThat(listed(book.ownerId(), null)).containsExactly(neighbour);
        assertThat(listed(book.ownerId(), book.status())).containsExactly(neighbour);
    }

    @Test
    void delete_ofAnotherOwnersBook_answersFalse_andTheBookSurvives() {
        Book book = aBook(freshOwner()).build();
        result(books.insert(book));

        assertThat(result(books.delete(freshOwner(), book.id()))).isFalse();

        assertThat(result(books.find(book.ownerId(), book.id()))).contains(book);
    }

    @Test
    void delete_ofAnUnknownBook_answersFalse() {
        assertThat(result(books.delete(freshOwner(), "no-such-book"))).isFalse();
    }

    @Test
    void koreanAndEmojiText_roundTripsByteForByte() {
        String title = "채식주의자 \uD83C\uDF31";
        String author = "한강 (Han Kang)";
        String decomposed = "\u1112\u1161\u11AB\u1100\u1161\u11BC";
        String note = "다시 읽고 싶다 \uD83D\uDCD6\u2728 \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 " + decomposed
                + " e\u0301 \uFEFF\u200B tab\tnewline\n끝";
        Book book = aBook(freshOwner()).title(title).author(author).note(note).build();

        result(books.insert(book));

        Book stored = result(books.find(book.ownerId(), book.id())).orElseThrow();
        assertThat(stored).isEqualTo(book);
        assertThat(stored.note().getBytes(StandardCharsets.UTF_8)).isEqualTo(note.getBytes(StandardCharsets.UTF_8));
        assertThat(listed(book.ownerId(), null)).containsExactly(book);
    }

    @Test
    void longestFieldsInFourByteCharacters_roundTrip() {
        String emoji = "\uD83D\uDCDA";
        Book book = aBook(freshOwner()).title(emoji.repeat(200)).author("작".repeat(200))
                .note(emoji.repeat(2000)).isbn("9780441478125").rating(3).build();

        result(books.insert(book));

        assertThat(result(books.find(book.ownerId(), book.id()))).contains(book);
    }

    @Test
    void emptyNote_staysEmpty_andIsNotConfusedWithNoNote() {
        Book empty = aBook(freshOwner()).note("").build();
        Book none = aBook(empty.ownerId()).note(null).build();

        result(books.insert(empty));
        result(books.insert(none));

        assertThat(result(books.find(empty.ownerId(), empty.id())).orElseThrow().note()).isEmpty();
        assertThat(result(books.find(none.ownerId(), none.id())).orElseThrow().note()).isNull();
    }

    private List<Book> listed(String owner, ReadingStatus status) {
        return result(books.list(new ListBooksQuery(owner, status, 100, null))).items();
    }

    @Test
    void deleteAll_ofAShelfLargerThanABatchAndAPage_leavesNoBook_andOtherShelvesAlone() {
        String owner = freshOwner();
        String neighbour = freshOwner();
        List<Book> shelf = java.util.stream.IntStream.range(0, 130)
                .mapToObj(i -> aBook(owner).title("Book " + i).build()).collect(Collectors.toList());
        shelf.forEach(b -> result(books.insert(b)));
        Book kept = aBook(neighbour).build();
        result(books.insert(kept));

        result(books.deleteAll(owner));

        assertThat(result(books.list(new ListBooksQuery(owner, null, 100, null))).items()).isEmpty();
        assertThat(result(books.find(owner, shelf.get(0).id()))).isEmpty();
        assertThat(result(books.find(neighbour, kept.id()))).contains(kept);
    }

    @Test
    void deleteAll_twice_isHarmless() {
        String owner = freshOwner();
        result(books.insert(aBook(owner).build()));

        result(books.deleteAll(owner));
        result(books.deleteAll(owner));

        assertThat(result(books.list(new ListBooksQuery(owner, null, 100, null))).items()).isEmpty();
        assertThat(result(books.delete(owner, "no-such-book"))).isFalse();
    }
}
