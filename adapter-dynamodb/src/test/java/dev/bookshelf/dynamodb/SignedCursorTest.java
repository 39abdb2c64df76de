package dev.bookshelf.dynamodb;

import static dev.bookshelf.core.contract.Await.failure;
import static dev.bookshelf.core.contract.Await.result;
import static dev.bookshelf.core.contract.TestBooks.aBook;
import static dev.bookshelf.core.contract.TestBooks.freshOwner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookPage;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.book.ReadingStatus;
import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DynamoDB store's cursors are signed and bound to the owner and the filter. */
class SignedCursorTest {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();

    private BookRepository books;
    private String alice;
    private String bob;
    private List<Book> aliceShelf;

    @BeforeEach
    void shelves() {
        books = DYNAMO.store().books();
        alice = freshOwner();
        bob = freshOwner();
        aliceShelf = shelf(alice, 6);
        shelf(bob, 6);
    }

    @Test
    void cursor_continuesWhereThePageEnded() {
        BookPage first = page(alice, null, 2, null);

        BookPage second = page(alice, null, 2, first.nextCursor());

        assertThat(second.items()).containsExactly(aliceShelf.get(3), aliceShelf.get(2));
    }

    @Test
    void cursor_ofAnotherOwner_isRefused() {
        String aliceCursor = page(alice, null, 2, null).nextCursor();

        assertRefused(bob, null, aliceCursor);
    }

    @Test
    void cursor_ofAnotherStatusFilter_isRefused() {
        String readCursor = page(alice, ReadingStatus.READ, 1, null).nextCursor();
        assertThat(readCursor).isNotNull();

        assertRefused(alice, null, readCursor);
        assertRefused(alice, ReadingStatus.READING, readCursor);
    }

    @Test
    void cursor_withAnyCharacterChanged_isRefused() {
        String cursor = page(alice, null, 2, null).nextCursor();

        for (int i = 0; i < cursor.length(); i++) {
            char replacement = cursor.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
            assertRefused(alice, null, tampered);
        }
    }

    @Test
    void cursor_whosePositionWasRewritten_isRefused() {
        String cursor = page(alice, null, 2, null).nextCursor();
        String signature = cursor.substring(cursor.indexOf('.') + 1);
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
                StandardCharsets.UTF_8);
        String earlier = payload.replaceFirst("^\\d{28}", "0".repeat(28));

        assertRefused(alice, null, encode(earlier) + "." + signature);
        assertRefused(alice, null, encode(earlier));
        assertRefused(alice, null, cursor + "." + signature);
    }

    @Test
    void cursor_signedWithAnotherKey_isRefused() {
        byte[] otherKey = "another key of thirty-two bytes or more".getBytes(StandardCharsets.US_ASCII);
        try (DynamoDbStore other = DynamoDbStore.create(DYNAMO.config(otherKey))) {
            String foreign = result(other.books().list(new ListBooksQuery(alice, null, 2, null))).nextCursor();

            assertRefused(alice, null, foreign);
        }
    }

    @Test
    void cursor_readsAsAPositionOnly_andRevealsNoKeyMaterial() {
        String cursor = page(alice, null, 2, null).nextCursor();
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
                StandardCharsets.UTF_8);

        assertThat(payload).matches("\\d{28}\\|" + aliceShelf.get(4).id());
        assertThat(cursor).doesNotContain(alice);
    }

    private List<Book> shelf(String owner, int n) {
        List<Book> shelf = new ArrayList<>();
        ReadingStatus[] statuses = ReadingStatus.values();
        for (int i = 0; i < n; i++) {
            Book book = aBook(owner).status(statuses[i % statuses.length])
                    .createdAt(Instant.parse("2026-06-01T00:00:00Z").plusSeconds(i)).build();
            result(books.insert(book));
            shelf.add(book);
        }
        return shelf;
    }

    private BookPage page(String owner, ReadingStatus status, int limit, String cursor) {
        return result(books.list(new ListBooksQuery(owner, status, limit, cursor)));
    }

    private void assertRefused(String owner, ReadingStatus status, String cursor) {
        Throwable failure = failure(books.list(new ListBooksQuery(owner, status, 10, cursor)));

        assertThat(failure).as("cursor %s", cursor).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).containsExactly(FieldError.of("cursor", FieldError.Code.INVALID_FORMAT)));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
