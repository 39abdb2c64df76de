package dev.bookshelf.core.book;

import static dev.bookshelf.core.book.Shelves.ALICE;
import static dev.bookshelf.core.shared.FieldError.Code.INVALID_CHECKSUM;
import static dev.bookshelf.core.shared.FieldError.Code.INVALID_FORMAT;
import static dev.bookshelf.core.shared.FieldError.Code.OUT_OF_RANGE;
import static dev.bookshelf.core.shared.FieldError.Code.REQUIRED;
import static dev.bookshelf.core.shared.FieldError.Code.TOO_LONG;
import static dev.bookshelf.core.shared.FieldError.Code.TOO_SHORT;
import static dev.bookshelf.core.shared.FieldError.Code.UNKNOWN_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.TestCore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddBookTest {
    private final TestCore core = TestCore.inMemory();

    private Book add(AddBookCommand command) {
        return Await.result(core.bookshelf.add(command));
    }

    private static AddBookCommand valid() {
        return AddBookCommand.of(ALICE, "Dune", "Frank Herbert", null, "READING", null, null);
    }

    @Test
    void add_withEveryField_storesTheBookAtVersionOneWithBothTimestampsNow() {
        Book book = add(AddBookCommand.of(ALICE, "  Dune ", " Frank Herbert ", "978-0-306-40615-7", "READ", 5,
                "Spice must flow."));

        assertThat(book).isEqualTo(new Book("id-1", ALICE, "Dune", "Frank Herbert", "9780306406157",
                ReadingStatus.READ, 5, "Spice must flow.", 1, core.clock.instant(), core.clock.instant()));
    }

    @Test
    void add_withOnlyRequiredFields_leavesIsbnRatingAndNoteEmpty() {
        Book book = add(valid());

        assertThat(book.isbn()).isNull();
        assertThat(book.rating()).isNull();
        assertThat(book.note()).isNull();
        assertThat(book.status()).isEqualTo(ReadingStatus.READING);
    }

    @Test
    void add_thenGet_returnsTheSameBook() {
        Book added = add(valid());

        assertThat(Await.result(core.bookshelf.get(ALICE, added.id()))).isEqualTo(added);
    }

    @Test
    void add_withKoreanTitleAndAuthor_keepsThemAsGiven() {
        Book book = add(AddBookCommand.of(ALICE, "채식주의자", "한강", null, "WANT_TO_READ", null, "다시 읽기"));

        assertThat(book.title()).isEqualTo("채식주의자");
        assertThat(book.author()).isEqualTo("한강");
        assertThat(book.note()).isEqualTo("다시 읽기");
    }

    @Test
    void titleAndAuthor_of200CharactersAfterStripping_areAccepted() {
        String twoHundred = "책".repeat(200);

        AddBookCommand command =
                AddBookCommand.of(ALICE, "  " + twoHundred + "  ", twoHundred, null, "READ", null, null);

        assertThat(command.title()).isEqualTo(twoHundred);
        assertThat(command.author()).isEqualTo(twoHundred);
    }

    @Test
    void titleAndAuthor_of201Characters_areTooLong() {
        String tooLong = "a".repeat(201);

        assertThat(errors(tooLong, tooLong, null, "READ", null, null)).containsExactly(
                FieldError.bounded("title", TOO_LONG, 1, 200), FieldError.bounded("author", TOO_LONG, 1, 200));
    }

    @Test
    void titleAndAuthor_blank_areTooShort_andMissing_areRequired() {
        assertThat(errors("  ", "\t", null, "READ", null, null)).containsExactly(
                FieldError.bounded("title", TOO_SHORT, 1, 200), FieldError.bounded("author", TOO_SHORT, 1, 200));
        assertThat(errors(null, null, null, "READ", null, null)).containsExactly(
                FieldError.of("title", REQUIRED), FieldError.of("author", REQUIRED));
    }

    @Test
    void titleAndAuthor_withANulCharacter_areInvalidFormat() {
        assertThat(errors("Du\u0000ne", "Her\u0000bert", null, "READ", null, null)).containsExactly(
                FieldError.of("title", INVALID_FORMAT), FieldError.of("author", INVALID_FORMAT));
    }

    @Test
    void isbn10AndIsbn13_withValidChecksums_areAccepted() {
        assertThat(command("0306406152").isbn()).isEqualTo("0306406152");
        assertThat(command("9780306406157").isbn()).isEqualTo("9780306406157");
    }

    @Test
    void isbn_withHyphens_isAcceptedAndStoredWithoutThem() {
        assertThat(add(command("0-306-40615-2")).isbn()).isEqualTo("0306406152");
        assertThat(add(command("978-0-306-40615-7")).isbn()).isEqualTo("9780306406157");
    }

    @Test
    void isbn_withABadChecksum_isInvalidChecksum() {
        assertThat(errors("Dune", "Herbert", "0306406153", "READ", null, null))
                .containsExactly(FieldError.of("isbn", INVALID_CHECKSUM));
        assertThat(errors("Dune", "Herbert", "9780306406158", "READ", null, null))
                .containsExactly(FieldError.of("isbn", INVALID_CHECKSUM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "abc", "978030640615X"})
    void isbn_withABadFormat_isInvalidFormat(String isbn) {
        assertThat(errors("Dune", "Herbert", isbn, "READ", null, null))
                .containsExactly(FieldError.of("isbn", INVALID_FORMAT));
    }

    @Test
    void status_missing_isRequired() {
        assertThat(errors("Dune", "Herbert", null, null, null, null))
                .containsExactly(FieldError.of("status", REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DONE", "read", "Reading", " READ", "", "WANT TO READ"})
    void status_unknown_isUnknownValue(String status) {
        assertThat(errors("Dune", "Herbert", null, status, null, null))
                .containsExactly(FieldError.of("status", UNKNOWN_VALUE));
    }

    @Test
    void status_eachKnownName_isAccepted() {
        for (ReadingStatus status : ReadingStatus.values()) {
            assertThat(AddBookCommand.of(ALICE, "Dune", "Herbert", null, status.name(), null, null).status())
                    .isEqualTo(status);
        }
    }

    @Test
    void rating_fromOneToFive_isAccepted() {
        for (int rating = 1; rating <= 5; rating++) {
            assertThat(AddBookCommand.of(ALICE, "Dune", "Herbert", null, "READ", rating, null).rating())
                    .isEqualTo(rating);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1, Integer.MAX_VALUE})
    void rating_outsideOneToFive_isOutOfRange(int rating) {
        assertThat(errors("Dune", "Herbert", null, "READ", rating, null))
                .containsExactly(FieldError.bounded("rating", OUT_OF_RANGE, 1, 5));
    }

    @Test
    void note_ofEmptyAndOf2000Characters_isAccepted() {
        assertThat(AddBookCommand.of(ALICE, "Dune", "Herbert", null, "READ", null, "").note()).isEmpty();
        assertThat(AddBookCommand.of(ALICE, "Dune", "Herbert", null, "READ", null, "n".repeat(2000)).note())
                .hasSize(2000);
    }

    @Test
    void note_of2001Characters_isTooLong() {
        assertThat(errors("Dune", "Herbert", null, "READ", null, "n".repeat(2001)))
                .containsExactly(FieldError.bounded("note", TOO_LONG, 0, 2000));
    }

    @Test
    void everyBrokenField_isReportedTogether() {
        assertThat(errors(" ", null, "0306406153", "DONE", 9, "n".repeat(2001))).containsExactly(
                FieldError.bounded("title", TOO_SHORT, 1, 200),
                FieldError.of("author", REQUIRED),
                FieldError.of("isbn", INVALID_CHECKSUM),
                FieldError.of("status", UNKNOWN_VALUE),
                FieldError.bounded("rating", OUT_OF_RANGE, 1, 5),
                FieldError.bounded("note", TOO_LONG, 0, 2000));
    }

    @Test
    void add_twoBooks_givesThemDistinctIds() {
        assertThat(add(valid()).id()).isNotEqualTo(add(valid()).id());
    }

    private static AddBookCommand command(String isbn) {
        return AddBookCommand.of(ALICE, "Dune", "Herbert", isbn, "READ", null, null);
    }

    private static List<FieldError> errors(String title, String author, String isbn, String status,
                                                     Integer rating, String note) {
        InvalidInput failure = catchThrowableOfType(InvalidInput.class,
                () -> AddBookCommand.of(ALICE, title, author, isbn, status, rating, note));
        assertThat(failure).as("validation failure").isNotNull();
        return failure.errors();
    }
}
