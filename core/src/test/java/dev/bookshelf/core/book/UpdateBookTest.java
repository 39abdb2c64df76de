package dev.bookshelf.core.book;

import static dev.bookshelf.core.book.Shelves.ALICE;
import static dev.bookshelf.core.book.Shelves.BOB;
import static dev.bookshelf.core.shared.FieldError.Code.INVALID_CHECKSUM;
import static dev.bookshelf.core.shared.FieldError.Code.NO_CHANGES;
import static dev.bookshelf.core.shared.FieldError.Code.OUT_OF_RANGE;
import static dev.bookshelf.core.shared.FieldError.Code.REQUIRED;
import static dev.bookshelf.core.shared.FieldError.Code.TOO_LONG;
import static dev.bookshelf.core.shared.FieldError.Code.TOO_SHORT;
import static dev.bookshelf.core.shared.FieldError.Code.UNKNOWN_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import dev.bookshelf.core.shared.NotFound;
import dev.bookshelf.core.shared.VersionConflict;
import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.TestCore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateBookTest {
    private final TestCore core = TestCore.inMemory();
    private final Shelves shelves = new Shelves(core);
    private Book original;

    @BeforeEach
    void addAFullyFilledBook() {
        original = Await.result(core.bookshelf.add(AddBookCommand.of(ALICE, "Dune", "Frank Herbert",
                "9780306406157", "READING", 4, "Halfway through.")));
        core.clock.advance(Duration.ofMinutes(5));
    }

    /** A patch of {@code original}; null arguments leave fields unchanged. */
    private UpdateBookCommand patch(String ownerId, long version, Change<String> title, Change<String> author,
                                    Change<String> isbn, Change<String> status, Change<Integer> rating,
                                    Change<String> note) {
        return new UpdateBookCommand(ownerId, original.id(), version, title, author, isbn, status, rating, note);
    }

    private Book update(UpdateBookCommand command) {
        return Await.result(core.bookshelf.update(command));
    }

    private static List<FieldError> errorsOf(Runnable build) {
        InvalidInput failure = catchThrowableOfType(InvalidInput.class, build::run);
        assertThat(failure).as("validation failure").isNotNull();
        return failure.errors();
    }

    @Test
    void update_ofOneField_changesOnlyThatField_bumpsTheVersion_andMovesUpdatedAt() {
        Book updated = update(patch(ALICE, 1, null, null, null, null, Change.to(5), null));

        assertThat(updated).isEqualTo(new Book(original.id(), ALICE, "Dune", "Frank Herbert", "9780306406157",
                ReadingStatus.READING, 5, "Halfway through.", 2, original.createdAt(), core.clock.instant()));
        assertThat(updated.updatedAt()).isAfter(original.updatedAt());
    }

    @Test
    void update_isVisibleToALaterGet() {
        Book updated = update(patch(ALICE, 1, null, null, null, Change.to("READ"), null, null));

        assertThat(shelves.get(ALICE, original.id())).isEqualTo(updated);
    }

    @Test
    void update_ofEveryField_appliesAllOfThemNormalized() {
        Book updated = update(patch(ALICE, 1, Change.to("  Dune Messiah "), Change.to(" F. Herbert "),
                Change.to("0-306-40615-2"), Change.to("READ"), Change.to(3), Change.to("Done.")));

        assertThat(updated.title()).isEqualTo("Dune Messiah");
        assertThat(updated.author()).isEqualTo("F. Herbert");
        assertThat(updated.isbn()).isEqualTo("0306406152");
        assertThat(updated.status()).isEqualTo(ReadingStatus.READ);
        assertThat(updated.rating()).isEqualTo(3);
        assertThat(updated.note()).isEqualTo("Done.");
    }

    @Test
    void update_withChangeToNull_clearsIsbnRatingAndNote() {
        Book updated = update(patch(ALICE, 1, null, null, Change.to(null), null, Change.to(null), Change.to(null)));

        assertThat(updated.isbn()).isNull();
        assertThat(updated.rating()).isNull();
        assertThat(updated.note()).isNull();
        assertThat(updated.title()).isEqualTo("Dune");
        assertThat(updated.status()).isEqualTo(ReadingStatus.READING);
    }

    @Test
    void update_cannotClearTitleAuthorOrStatus() {
        assertThat(errorsOf(() -> patch(ALICE, 1, Change.to(null), Change.to(null), null, Change.to(null), null, null)))
                .containsExactly(FieldError.of("title", REQUIRED), FieldError.of("author", REQUIRED),
                        FieldError.of("status", REQUIRED));
    }

    @Test
    void update_withABlankTitle_isTooShort() {
        assertThat(errorsOf(() -> patch(ALICE, 1, Change.to("   "), null, null, null, null, null)))
                .containsExactly(FieldError.bounded("title", TOO_SHORT, 1, 200));
    }

    @Test
    void update_appliesTheSameRulesAsAdd_andReportsEveryBrokenFieldTogether() {
        assertThat(errorsOf(() -> patch(ALICE, 1, Change.to("t".repeat(201)), null, Change.to("0306406153"),
                Change.to("read"), Change.to(0), Change.to("n".repeat(2001))))).containsExactly(
                        FieldError.bounded("title", TOO_LONG, 1, 200),
                        FieldError.of("isbn", INVALID_CHECKSUM),
                        FieldError.of("status", UNKNOWN_VALUE),
                        FieldError.bounded("rating", OUT_OF_RANGE, 1, 5),
                        FieldError.bounded("note", TOO_LONG, 0, 2000));
    }

    @Test
    void update_withNothingToChange_failsWithNoChangesOnBody() {
        assertThat(errorsOf(() -> patch(ALICE, 1, null, null, null, null, null, null)))
                .containsExactly(FieldError.of("body", NO_CHANGES));
    }

    @Test
    void update_twice_countsTheVersionUpByOneEachTime() {
        Book second = update(patch(ALICE, 1, null, null, null, null, Change.to(5), null));
        core.clock.advance(Duration.ofSeconds(1));
        Book third = update(patch(ALICE, 2, null, null, null, null, Change.to(1), null));

        assertThat(second.version()).isEqualTo(2);
        assertThat(third.version()).isEqualTo(3);
        assertThat(third.updatedAt()).isAfter(second.updatedAt());
        assertThat(third.createdAt()).isEqualTo(original.createdAt());
    }

    @Test
    void update_withAStaleVersion_failsWithVersionConflict_namingExpectedAndCurrent_andChangesNothing() {
        Book current = update(patch(ALICE, 1, null, null, null, Change.to("READ"), null, null));

        VersionConflict conflict = Await.failure(
                core.bookshelf.update(patch(ALICE, 1, Change.to("Overwritten"), null, null, null, null, null)),
                VersionConflict.class);

        assertThat(conflict.expected()).isEqualTo(1);
        assertThat(conflict.current()).isEqualTo(2);
        assertThat(shelves.get(ALICE, original.id())).isEqualTo(current);
    }

    @Test
    void update_withAVersionFromTheFuture_failsWithVersionConflict() {
        VersionConflict conflict = Await.failure(
                core.bookshelf.update(patch(ALICE, 7, Change.to("Overwritten"), null, null, null, null, null)),
                VersionConflict.class);

        assertThat(conflict.expected()).isEqualTo(7);
        assertThat(conflict.current()).isEqualTo(1);
        assertThat(shelves.get(ALICE, original.id())).isEqualTo(original);
    }

    @Test
    void update_ofAnotherOwnersBook_failsWithNotFound_andChangesNothing() {
        Await.failure(core.bookshelf.update(patch(BOB, 1, Change.to("Mine now"), null, null, null, null, null)),
                NotFound.class);

        assertThat(shelves.get(ALICE, original.id())).isEqualTo(original);
    }

    @Test
    void update_ofAnUnknownBook_failsWithNotFound() {
        UpdateBookCommand command = new UpdateBookCommand(ALICE, "no-such-book", 1, Change.to("x"), null, null,
                null, null, null);

        Await.failure(core.bookshelf.update(command), NotFound.class);
    }

    @Test
    void update_ofARemovedBook_failsWithNotFound() {
        Await.result(core.bookshelf.remove(ALICE, original.id()));

        Await.failure(core.bookshelf.update(patch(ALICE, 1, Change.to("x"), null, null, null, null, null)),
                NotFound.class);
    }

    @Test
    void update_keepsTheBookInItsPlaceInTheList() {
        Book newer = shelves.add(ALICE, "Newer");
        core.clock.advance(Duration.ofHours(1));

        Book updated = update(patch(ALICE, 1, Change.to("Dune, revised"), null, null, null, null, null));

        assertThat(shelves.list(ALICE, null, null, null).items()).containsExactly(newer, updated);
    }
}
