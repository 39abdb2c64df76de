package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.core.account.User;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookPage;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.memory.InMemoryUserRepository;
import dev.bookshelf.core.store.Store;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class UnexpectedFailureTest {
    private static final String SECRET_MESSAGE = "connection to db.internal:5432 failed for user=admin password=hunter2";

    /** Every book operation fails: thrown on the caller's thread or as a failed stage. */
    private static final class BrokenBooks implements BookRepository {
        private final boolean async;

        BrokenBooks(boolean async) {
            this.async = async;
        }

        private <T> CompletionStage<T> fail() {
            IllegalStateException e = new IllegalStateException(SECRET_MESSAGE);
            if (async) {
                return CompletableFuture.failedFuture(e);
            }
            throw e;
        }

        @Override
        public CompletionStage<Void> insert(Book book) {
            return fail();
        }

        @Override
        public CompletionStage<Optional<Book>> find(String ownerId, String bookId) {
            return fail();
        }

        @Override
        public CompletionStage<BookPage> list(ListBooksQuery query) {
            return fail();
        }

        @Override
        public CompletionStage<Book> replace(Book updated, long expectedVersion) {
            return fail();
        }

        @Override
        public CompletionStage<Boolean> delete(String ownerId, String bookId) {
            return fail();
        }

        @Override
        public CompletionStage<Void> deleteAll(String ownerId) {
            return fail();
        }
    }

    /** Real users, except that lookups throw whatever {@code failure} supplies once it is armed. */
    private static final class FlakyUsers implements UserRepository {
        private final InMemoryUserRepository real = new InMemoryUserRepository();
        private Supplier<? extends Throwable> failure;

        void arm(Supplier<? extends Throwable> f) {
            this.failure = f;
        }

        private void maybeFail() {
            if (failure != null) {
                sneakyThrow(failure.get());
            }
        }

        @Override
        public CompletionStage<Void> insert(User user) {
            return real.insert(user);
        }

        @Override
        public CompletionStage<Optional<User>> findByEmail(String normalizedEmail) {
            maybeFail();
            return real.findByEmail(normalizedEmail);
        }

        @Override
        public CompletionStage<Optional<User>> findById(String id) {
            maybeFail();
            return real.findById(id);
        }

        @Override
        public CompletionStage<Boolean> changePassword(User user, String newPasswordHash) {
            return real.changePassword(user, newPasswordHash);
        }

        @Override
        public CompletionStage<Boolean> beginClosing(User user) {
            return real.beginClosing(user);
        }

        @Override
        public CompletionStage<Void> delete(User user) {
            return real.delete(user);
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
            throw (T) t;
        }
    }

    private static ApiFixture broken(boolean async) {
        return ApiFixture.withStore(new Store("broken", new InMemoryUserRepository(), new BrokenBooks(async), () -> { }),
                Map.of());
    }

    private static void assertRevealsNothing(Answer answer, ApiFixture fx) {
        JsonNode problem = answer.assertProblem(500, "internal");
        assertThat(problem.path("message").asText()).isEqualTo("Something went wrong on our side. Please try again later.");
        assertThat(answer.text()).doesNotContain("hunter2", "db.internal", "Exception", "java.", "dev.bookshelf",
                "BrokenBooks", "FlakyUsers", "\tat ", ".java:");
        // The log names the failure (class and message) for operators, but never a credential in it.
        assertThat(fx.log()).doesNotContain("hunter2");
    }

    @Test
    void repositoryThrowingOnTheCallersThread_answers500WithoutInternals() {
        ApiFixture fx = broken(false);
        String token = fx.newReaderToken();

        assertRevealsNothing(fx.post("/books").bearer(token).json("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\"}")
                .send(), fx);
        assertRevealsNothing(fx.get("/books").bearer(token).send(), fx);
        assertRevealsNothing(fx.get("/books/x").bearer(token).send(), fx);
        assertRevealsNothing(fx.delete("/books/x").bearer(token).send(), fx);
        assertRevealsNothing(fx.patch("/books/x").bearer(token).ifMatch("\"1\"").json("{\"rating\":1}").send(), fx);
    }

    @Test
    void repositoryFailingItsStage_answers500WithoutInternals() {
        ApiFixture fx = broken(true);
        String token = fx.newReaderToken();

        assertRevealsNothing(fx.get("/books").bearer(token).send(), fx);
        assertRevealsNothing(fx.post("/books").bearer(token).json("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\"}")
                .send(), fx);
    }

    @Test
    void unexpectedFailure_inKorean_isLocalizedAndStillRevealsNothing() {
        ApiFixture fx = broken(false);
        String token = fx.newReaderToken();

        Answer answer = fx.get("/books").bearer(token).language("ko").send();

        assertThat(answer.json().path("message").asText()).isEqualTo("서버에서 문제가 발생했습니다. 잠시 후 다시 시도해 주세요.");
        assertThat(answer.text()).doesNotContain("hunter2");
    }

    @Test
    void unexpectedFailure_carriesCorsAndStandardHeaders() {
        ApiFixture fx = broken(true);
        String token = fx.newReaderToken();

        Answer answer = fx.get("/books").bearer(token).origin(ApiFixture.ALLOWED_ORIGIN).send();

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ApiFixture.ALLOWED_ORIGIN);
        assertThat(String.join(",", answer.headers("Vary"))).contains("Origin");
        assertThat(answer.header("X-Request-Id")).isEqualTo(answer.requestId());
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void userStoreOutageWhileAuthenticating_answers500NotUnauthenticated() {
        FlakyUsers users = new FlakyUsers();
        ApiFixture fx = ApiFixture.withStore(new Store("flaky", users, new BrokenBooks(false), () -> { }), Map.of());
        String token = fx.newReaderToken();
        users.arm(() -> new IllegalStateException(SECRET_MESSAGE));

        Answer me = fx.get("/me").bearer(token).send();
        Answer login = fx.logIn("someone@example.com", "whatever1");
        Answer signUp = fx.signUp(ApiFixture.newEmail(), ApiFixture.PASSWORD, "R");

        assertRevealsNothing(me, fx);
        assertRevealsNothing(login, fx);
        assertRevealsNothing(signUp, fx);
    }

    @Test
    void errorThrownOnTheCallersThread_stillAnswers500() {
        FlakyUsers users = new FlakyUsers();
        ApiFixture fx = ApiFixture.withStore(new Store("flaky", users, new BrokenBooks(false), () -> { }), Map.of());
        users.arm(() -> new NoClassDefFoundError("com/example/Missing " + SECRET_MESSAGE));

        Answer signUp = fx.signUp(ApiFixture.newEmail(), ApiFixture.PASSWORD, "R");

        assertRevealsNothing(signUp, fx);
    }

    @Test
    void failureBeforeARequestCouldBeBuilt_answers500ProblemViaFailure() {
        ApiFixture fx = ApiFixture.start();
        var request = fx.get("/books").origin(ApiFixture.ALLOWED_ORIGIN).requestId("transport-1").build();

        Answer answer = new Answer(fx.api().dispatcher().failure(request, new IllegalStateException(SECRET_MESSAGE)),
                "transport-1");

        assertRevealsNothing(answer, fx);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ApiFixture.ALLOWED_ORIGIN);
    }
}
