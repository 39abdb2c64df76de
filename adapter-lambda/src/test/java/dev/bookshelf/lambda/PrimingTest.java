package dev.bookshelf.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.core.account.User;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookPage;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.memory.InMemoryBookRepository;
import dev.bookshelf.core.memory.InMemoryUserRepository;
import dev.bookshelf.core.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/** SnapStart priming runs representative events before the checkpoint and touches no user data. */
class PrimingTest {
    private final AtomicInteger storeCalls = new AtomicInteger();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final BookshelfApi api = BookshelfApi.create(
            Settings.fromEnv(Map.of("BCRYPT_COST", "4", "TOKEN_SECRET", "priming-test-secret-0123456789-abcdefghijklmnop")),
            new Store("counting", countingUsers(), countingBooks(), () -> { }), Runnable::run, Clock.systemUTC(),
            new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    private final ProxyAdapter adapter = new ProxyAdapter(api, ResponseLimits.AWS);

    @Test
    void registering_addsTheHookToTheCracContext() {
        RecordingContext context = new RecordingContext();
        Priming priming = Priming.register(adapter, adapter.log(), context);
        assertThat(context.registered).containsExactly(priming);
    }

    @Test
    void beforeCheckpoint_runsEveryPrimingEventThroughTheWholePath_withoutTouchingTheStore() throws Exception {
        Priming priming = new Priming(adapter, adapter.log());

        priming.beforeCheckpoint(null);

        assertThat(priming.primed()).isEqualTo(Priming.EVENTS.size());
        assertThat(storeCalls).as("no user data read or written").hasValue(0);
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("\"route\":\"/health\",\"status\":200")
                .contains("\"route\":\"/auth/signup\",\"status\":400")
                .contains("\"route\":\"/books/{id}\",\"status\":401")
                .contains("SnapStart priming: ran " + Priming.EVENTS.size() + " events");
    }

    @Test
    void afterPriming_theServiceStillAnswersNormally_andNoLoginWasThrottled() throws Exception {
        new Priming(adapter, adapter.log()).beforeCheckpoint(null);
        new Priming(adapter, adapter.log()).afterRestore(null);

        String signUp = "{\"httpMethod\":\"POST\",\"path\":\"/auth/signup\",\"multiValueHeaders\":{\"Content-Type\":"
                + "[\"application/json\"]},\"body\":\"{\\\"email\\\":\\\"a@example.com\\\",\\\"password\\\":"
                + "\\\"password123\\\",\\\"displayName\\\":\\\"A\\\"}\",\"isBase64Encoded\":false,"
                + "\"requestContext\":{\"requestId\":\"r1\",\"identity\":{\"sourceIp\":\"127.0.0.1\"}}}";
        String answer = new String(adapter.handle(signUp.getBytes(StandardCharsets.UTF_8), null), StandardCharsets.UTF_8);
        assertThat(answer).contains("\"statusCode\":201");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("restored from a SnapStart snapshot");
    }

    private UserRepository countingUsers() {
        InMemoryUserRepository real = new InMemoryUserRepository();
        return new UserRepository() {
            public CompletionStage<Void> insert(User user) {
                storeCalls.incrementAndGet();
                return real.insert(user);
            }

            public CompletionStage<Optional<User>> findByEmail(String email) {
                storeCalls.incrementAndGet();
                return real.findByEmail(email);
            }

            public CompletionStage<Optional<User>> findById(String id) {
                storeCalls.incrementAndGet();
                return real.findById(id);
            }

            public CompletionStage<Boolean> changePassword(User user, String newPasswordHash) {
                storeCalls.incrementAndGet();
                return real.changePassword(user, newPasswordHash);
            }

            public CompletionStage<Boolean> beginClosing(User user) {
                storeCalls.incrementAndGet();
                return real.beginClosing(user);
            }

            public CompletionStage<Void> delete(User user) {
                storeCalls.incrementAndGet();
                return real.delete(user);
            }
        };
    }

    private BookRepository countingBooks() {
        InMemoryBookRepository real = new InMemoryBookRepository();
        return new BookRepository() {
            public CompletionStage<Void> insert(Book book) {
                storeCalls.incrementAndGet();
                return real.insert(book);
            }

            public CompletionStage<Optional<Book>> find(String ownerId, String bookId) {
                storeCalls.incrementAndGet();
                return real.find(ownerId, bookId);
            }

            public CompletionStage<BookPage> list(ListBooksQuery query) {
                storeCalls.incrementAndGet();
                return real.list(query);
            }

            public CompletionStage<Book> replace(Book updated, long expectedVersion) {
                storeCalls.incrementAndGet();
                return real.replace(updated, expectedVersion);
            }

            public CompletionStage<Boolean> delete(String ownerId, String bookId) {
                storeCalls.incrementAndGet();
                return real.delete(ownerId, bookId);
            }

            public CompletionStage<Void> deleteAll(String ownerId) {
                storeCalls.incrementAndGet();
                return real.deleteAll(ownerId);
            }
        };
    }

    private static final class RecordingContext extends Context<Resource> {
        final List<Resource> registered = new ArrayList<>();

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
        }

        @Override
        public void register(Resource resource) {
            registered.add(resource);
        }
    }
}
