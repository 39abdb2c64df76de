package dev.bookshelf.core.memory;

import static dev.bookshelf.core.contract.Await.failure;
import static dev.bookshelf.core.contract.Await.result;
import static dev.bookshelf.core.contract.TestBooks.aBook;
import static dev.bookshelf.core.contract.TestBooks.freshOwner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.contract.Race;
import dev.bookshelf.core.shared.Unauthenticated;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory shelf refuses books of an owner once deleteAll ran, also against racing inserts. */
class InMemoryErasureTest {
    private final InMemoryBookRepository books = new InMemoryBookRepository();

    @Test
    void afterDeleteAll_newBooksOfThatOwnerAreRefused() {
        String owner = freshOwner();
        result(books.deleteAll(owner));

        assertThat(failure(books.insert(aBook(owner).build()))).isInstanceOf(Unauthenticated.class);
        assertThat(result(books.insert(aBook(freshOwner()).build()))).isNull();
    }

    @Test
    void deleteAll_racingSixteenInserts_leavesNoBookOfThatOwner() {
        String owner = freshOwner();

        List<Race.Outcome<Void>> outcomes = Race.run(17, i -> i == 0
                ? books.deleteAll(owner)
                : books.insert(aBook(owner).title("Racer " + i).build()));

        assertThat(outcomes.get(0).succeeded()).isTrue();
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(Unauthenticated.class));
        assertThat(result(books.list(new ListBooksQuery(owner, null, 100, null))).items()).isEmpty();
    }
}
