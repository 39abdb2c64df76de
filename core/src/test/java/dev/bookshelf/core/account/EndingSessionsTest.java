package dev.bookshelf.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.book.AddBookCommand;
import dev.bookshelf.core.book.BookPage;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.book.ReadingStatus;
import dev.bookshelf.core.memory.InMemoryBookRepository;
import dev.bookshelf.core.memory.InMemoryLoginAttempts;
import dev.bookshelf.core.memory.InMemoryRevokedTokens;
import dev.bookshelf.core.memory.InMemoryUserRepository;
import dev.bookshelf.core.shared.InvalidInput;
import dev.bookshelf.core.shared.Unauthenticated;
import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.TestCore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Log-out, password change and account deletion, through the core only. */
class EndingSessionsTest {
    private static final String EMAIL = "reader@example.com";
    private static final String PASSWORD = "correct horse";

    private TestCore core = TestCore.inMemory();
    private Account account;

    @BeforeEach
    void signUp() {
        account = Await.result(core.accounts.signUp().signUp(new SignUpCommand(EMAIL, PASSWORD, "Reader")));
    }

    private String logIn(String password) {
        return Await.result(core.accounts.logIn().logIn(new LogInCommand(EMAIL, password))).token();
    }

    private Unauthenticated.Reason refusal(String token) {
        return Await.failure(core.accounts.authenticate().authenticate(token), Unauthenticated.class).reason();
    }

    private void addBooks(String token, int n) {
        Account owner = Await.result(core.accounts.authenticate().authenticate(token));
        for (int i = 0; i < n; i++) {
            Await.result(core.bookshelf.add(new AddBookCommand(owner.id(), "Book " + i, "Author", null,
                    ReadingStatus.READING, null, null)));
        }
    }

    private BookPage shelf(String ownerId) {
        return Await.result(core.books.list(new ListBooksQuery(ownerId, null, 100, null)));
    }

    @Test
    void logOut_refusesThatToken_butNotAnotherSessionOfTheSameAccount() {
        String first = logIn(PASSWORD);
        String second = logIn(PASSWORD);

        Await.result(core.accounts.logOut().logOut(first));

        assertThat(refusal(first)).isEqualTo(Unauthenticated.Reason.REVOKED_TOKEN);
        assertThat(Await.result(core.accounts.authenticate().authenticate(second))).isEqualTo(account);
    }

    @Test
    void logOut_withAnInvalidToken_failsUnauthenticated() {
        assertThat(Await.failure(core.accounts.logOut().logOut("garbage"), Unauthenticated.class).reason())
                .isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
    }

    @Test
    void changePassword_refusesEveryEarlierToken_andTheNewPasswordLogsIn() {
        String before = logIn(PASSWORD);

        Await.result(core.accounts.changePassword().changePassword(
                new ChangePasswordCommand(account.id(), PASSWORD, "a new secret")));

        assertThat(refusal(before)).isEqualTo(Unauthenticated.Reason.REVOKED_TOKEN);
        String after = logIn("a new secret");
        assertThat(Await.result(core.accounts.authenticate().authenticate(after))).isEqualTo(account);
        assertThat(Await.failure(core.accounts.logIn().logIn(new LogInCommand(EMAIL, PASSWORD)),
                Unauthenticated.class).reason()).isEqualTo(Unauthenticated.Reason.BAD_CREDENTIALS);
    }

    @Test
    void changePassword_withTheWrongCurrentPassword_changesNothing_andCountsAsAFailedLogIn() {
        String token = logIn(PASSWORD);
        for (int i = 0; i < LoginPolicy.DEFAULT.maxAttempts(); i++) {
            Unauthenticated wrong = Await.failure(core.accounts.changePassword().changePassword(
                    new ChangePasswordCommand(account.id(), "not it", "a new secret")), Unauthenticated.class);
            assertThat(wrong.reason()).isEqualTo(Unauthenticated.Reason.WRONG_PASSWORD);
        }

        assertThat(Await.result(core.accounts.authenticate().authenticate(token))).isEqualTo(account);
        assertThat(Await.failure(core.accounts.logIn().logIn(new LogInCommand(EMAIL, PASSWORD))))
                .isInstanceOf(dev.bookshelf.core.shared.TooManyAttempts.class);
    }

    @Test
    void changePassword_withATooShortNewPassword_isInvalidInput() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> new ChangePasswordCommand(account.id(), PASSWORD, "short"))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void deleteAccount_erasesAccountAndBooks_refusesItsTokens_andTheEmailCanSignUpAgain() {
        String token = logIn(PASSWORD);
        addBooks(token, 30);

        Await.result(core.accounts.deleteAccount().deleteAccount(new DeleteAccountCommand(account.id(), PASSWORD)));

        assertThat(refusal(token)).isEqualTo(Unauthenticated.Reason.UNKNOWN_USER);
        assertThat(Await.result(core.users.findById(account.id()))).isEmpty();
        assertThat(shelf(account.id()).items()).isEmpty();
        assertThat(Await.failure(core.accounts.logIn().logIn(new LogInCommand(EMAIL, PASSWORD)),
                Unauthenticated.class).reason()).isEqualTo(Unauthenticated.Reason.BAD_CREDENTIALS);
        Account again = Await.result(core.accounts.signUp().signUp(new SignUpCommand(EMAIL, PASSWORD, "Again")));
        assertThat(again.id()).isNotEqualTo(account.id());
    }

    @Test
    void deleteAccount_withTheWrongPassword_keepsEverything() {
        String token = logIn(PASSWORD);
        addBooks(token, 2);

        Unauthenticated wrong = Await.failure(core.accounts.deleteAccount().deleteAccount(
                new DeleteAccountCommand(account.id(), "not it")), Unauthenticated.class);

        assertThat(wrong.reason()).isEqualTo(Unauthenticated.Reason.WRONG_PASSWORD);
        assertThat(Await.result(core.accounts.authenticate().authenticate(token))).isEqualTo(account);
        assertThat(shelf(account.id()).items()).hasSize(2);
    }

    @Test
    void deleteAccount_failingHalfWay_isFinishedByTheNextRequestThatMeetsTheAccount() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        BookRepository flaky = new FlakyDeleteAll(new InMemoryBookRepository(), failOnce);
        core = TestCore.on(new InMemoryUserRepository(), flaky, new InMemoryRevokedTokens(), new InMemoryLoginAttempts());
        account = Await.result(core.accounts.signUp().signUp(new SignUpCommand(EMAIL, PASSWORD, "Reader")));
        String token = logIn(PASSWORD);
        addBooks(token, 3);

        Throwable failed = Await.failure(core.accounts.deleteAccount().deleteAccount(
                new DeleteAccountCommand(account.id(), PASSWORD)));
        assertThat(failed).hasMessageContaining("store unavailable");
        assertThat(Await.result(core.users.findById(account.id()))).get().extracting(User::closing).isEqualTo(true);

        assertThat(refusal(token)).isEqualTo(Unauthenticated.Reason.UNKNOWN_USER);
        assertThat(Await.result(core.users.findById(account.id()))).isEmpty();
        assertThat(shelf(account.id()).items()).isEmpty();
        assertThat(Await.result(core.accounts.signUp().signUp(new SignUpCommand(EMAIL, PASSWORD, "Again"))))
                .isNotNull();
    }

    /** Books whose first {@code deleteAll} fails after removing nothing. */
    private record FlakyDeleteAll(BookRepository books, AtomicBoolean failOnce) implements BookRepository {
        @Override
        public CompletionStage<Void> insert(dev.bookshelf.core.book.Book book) {
            return books.insert(book);
        }

        @Override
        public CompletionStage<java.util.Optional<dev.bookshelf.core.book.Book>> find(String ownerId, String id) {
            return books.find(ownerId, id);
        }

        @Override
        public CompletionStage<BookPage> list(ListBooksQuery query) {
            return books.list(query);
        }

        @Override
        public CompletionStage<dev.bookshelf.core.book.Book> replace(dev.bookshelf.core.book.Book b, long v) {
            return books.replace(b, v);
        }

        @Override
        public CompletionStage<Boolean> delete(String ownerId, String bookId) {
            return books.delete(ownerId, bookId);
        }

        @Override
        public CompletionStage<Void> deleteAll(String ownerId) {
            if (failOnce.getAndSet(false)) {
                return CompletableFuture.failedFuture(new IllegalStateException("store unavailable"));
            }
            return books.deleteAll(ownerId);
        }
    }
}
