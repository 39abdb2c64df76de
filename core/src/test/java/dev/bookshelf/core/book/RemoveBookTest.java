package dev.bookshelf.core.book;

import static dev.bookshelf.core.book.Shelves.ALICE;
import static dev.bookshelf.core.book.Shelves.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.shared.NotFound;
import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.TestCore;
import org.junit.jupiter.api.Test;

class RemoveBookTest {
    private final TestCore core = TestCore.inMemory();
    private final Shelves shelves = new Shelves(core);

    @Test
    void remove_ownBook_thenGet_failsWithNotFound() {
        Book book = shelves.add(ALICE, "Dune");

        Await.result(core.bookshelf.remove(ALICE, book.id()));

        Await.failure(core.bookshelf.get(ALICE, book.id()), NotFound.class);
    }

    @Test
    void remove_takesTheBookOffTheList_andLeavesTheOthers() {
        Book first = shelves.add(ALICE, "First");
        Book second = shelves.add(ALICE, "Second");
        Book third = shelves.add(ALICE, "Third");

        Await.result(core.bookshelf.remove(ALICE, second.id()));

        assertThat(shelves.list(ALICE, null, null, null).items()).containsExactly(third, first);
    }

    @Test
    void remove_twice_failsWithNotFoundTheSecondTime() {
        Book book = shelves.add(ALICE, "Dune");
        Await.result(core.bookshelf.remove(ALICE, book.id()));

        Await.failure(core.bookshelf.remove(ALICE, book.id()), NotFound.class);
    }

    @Test
    void remove_anUnknownBook_failsWithNotFound() {
        Await.failure(core.bookshelf.remove(ALICE, "no-such-book"), NotFound.class);
    }

    @Test
    void remove_anotherOwnersBook_failsWithNotFound_andTheBookStays() {
        Book alices = shelves.add(ALICE, "Dune");

        Await.failure(core.bookshelf.remove(BOB, alices.id()), NotFound.class);

        assertThat(shelves.get(ALICE, alices.id())).isEqualTo(alices);
    }
}
