package dev.bookshelf.core.book;

import static dev.bookshelf.core.book.Shelves.ALICE;
import static dev.bookshelf.core.book.Shelves.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.shared.NotFound;
import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.TestCore;
import org.junit.jupiter.api.Test;

class GetBookTest {
    private final TestCore core = TestCore.inMemory();
    private final Shelves shelves = new Shelves(core);

    @Test
    void get_ownBook_returnsIt() {
        Book mine = shelves.add(ALICE, "Dune");

        assertThat(shelves.get(ALICE, mine.id())).isEqualTo(mine);
    }

    @Test
    void get_anotherOwnersBook_failsWithNotFound() {
        Book alices = shelves.add(ALICE, "Dune");

        NotFound failure = Await.failure(core.bookshelf.get(BOB, alices.id()), NotFound.class);

        assertThat(failure.kind()).isEqualTo("book");
    }

    @Test
    void get_anUnknownId_failsWithNotFound_likeAnotherOwnersBook() {
        Book alices = shelves.add(ALICE, "Dune");

        NotFound unknown = Await.failure(core.bookshelf.get(ALICE, "no-such-book"), NotFound.class);
        NotFound foreign = Await.failure(core.bookshelf.get(BOB, alices.id()), NotFound.class);

        assertThat(unknown.getMessage()).isEqualTo(foreign.getMessage());
    }
}
