package dev.bookshelf.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.core.account.RevokedTokens;
import dev.bookshelf.core.account.User;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookPage;
import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.memory.InMemoryBookRepository;
import dev.bookshelf.core.memory.InMemoryLoginAttempts;
import dev.bookshelf.core.memory.InMemoryRevokedTokens;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming runs representative events before the checkpoint, reads the store the way a
 * request does (for a user that cannot exist), writes nothing, and renews what a restored copy must
 * not share.
 */
class PrimingTest {
    private final List<String> reads = new ArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final BookshelfApi api = BookshelfApi.create(
            Settings.fromEnv(Map.of("BCRYPT_COST", "4", "TOKEN_SECRET", "priming-test-secret-0123456789-abcdefghijklmnop")),
            new Store("counting", countingUsers(), countingBooks(), countingRevocations(), new InMemoryLoginAttempts(),
                    () -> { }), Runnable::run, Clock.systemUTC(),
            new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    private final ProxyAdapter adapter = new ProxyAdapter(api, ResponseLimits.AWS);

    @Test
    void registering_addsTheHookToTheCracContext() {
        RecordingContext context = new RecordingContext();
        Priming priming = Priming.register(adapter, adapter.log(), context);
        assertThat(context.registered).containsExactly(priming);
    }

    @Test
    void beforeCheckpoint_runsEveryPrimingEventThroughTheWholePath_andReadsTheStoreAsARequestDoes_withoutWriting() {
        Priming priming = new Priming(adapter, adapter.log());

        priming.beforeCheckpoint(null);

        assertThat(priming.primed()).isEqualTo(Priming.EVENTS.size() + 1);
        assertThat(reads).as("the user and the token's revocation, as every authenticated request reads them")
                .containsExactlyInAnyOrder("findById " + Priming.USER, "isRevoked");
        assertThat(writes).as("nothing written").hasValue(0);
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("\"route\":\"/health\",\"status\":200")
                .contains("\"route\":\"/auth/signup\",\"status\":400")
                .contains("\"route\":\"/books/{id}\",\"status\":401")
                .contains("SnapStart priming: ran " + (Priming.EVENTS.size() + 1) + " events")
                .doesNotContain("Bearer ");
    }

    @Test
    void storeRead_isARequestWithAProperlySignedToken_thatTheServiceAccepts() {
        String event = new Priming(adapter, adapter.log()).storeRead();

        String answer = new String(adapter.handle(event.getBytes(StandardCharsets.UTF_8), null), StandardCharsets.UTF_8);

        assertThat(answer).contains("\"statusCode\":401");
        assertThat(reads).as("the signature held, so the user was looked up").contains("findById " + Priming.USER);
    }

    @Test
    void unreachableStore_doesNotFailPriming() {
        BookshelfApi failing = BookshelfApi.create(
                Settings.fromEnv(Map.of("BCRYPT_COST", "4", "TOKEN_SECRET", "priming-test-secret-0123456789-abcdefghijklmnop")),
                new Store("unreachable", unreachableUsers(), new InMemoryBookRepository(), () -> { }), Runnable::run,
                Clock.systemUTC(), new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        ProxyAdapter failingAdapter = new ProxyAdapter(failing, ResponseLimits.AWS);
        Priming priming = new Priming(failingAdapter, failingAdapter.log());

        priming.beforeCheckpoint(null);

        assertThat(priming.primed()).isEqualTo(Priming.EVENTS.size() + 1);
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("\"route\":\"/books/{id}\",\"status\":5");
    }

    @Test
    void afterRestore_reseedsTheRequestIds_andLogsTheRestore() {
        AtomicInteger reseeded = new AtomicInteger();
        Priming priming = new Priming(adapter, adapter.log(), reseeded::incrementAndGet);
        priming.beforeCheckpoint(null);
        assertThat(reseeded).hasValue(0);

        priming.afterRestore(null);

        assertThat(reseeded).hasValue(1);
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("restored from a SnapStart snapshot");
    }

    @Test
    void afterPriming_theServiceStillAnswersNormally_andNoLoginWasThrottled() throws Exception {
        new Priming(adapter, adapter.log()).beforeCheckpoint(null);
        new Priming(adapter, adapter.log(), () -> { }).afterRestore(null);

        String signUp = "{\"httpMethod\":\"POST\",\"path\":\"/auth/signup\",\"multiValueHeaders\":{\"Content-Type\":"
                + "[\"application/json\"]},\"body\":\"{\\\"email\\\":\\\"a@example.com\\\",\\\"password\\\":"
                + "\\\"password123\\\",\\\"displayName\\\":\\\"A\\\"}\",\"isBase64Encoded\":false,"
                + "\"requestContext\":{\"requestId\":\"r1\",\"identity\":{\"sourceIp\":\"127.0.0.1\"}}}";
        String answer = new String(adapter.handle(signUp.getBytes(StandardCharsets.UTF_8), null), StandardCharsets.UTF_8);
        assertThat(answer).contains("\"statusCode\":201");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("restored from a SnapStart snapshot");
    }

    private UserRepository unreachableUsers() {
        InMemoryUserRepository real = new InMemoryUserRepository();
        return new UserRepository() {
            public CompletionStage<Void> insert(User user) {
                return real.insert(user);
            }

            public CompletionStage<Optional<User>> findByEmail(String email) {
                return real.findByEmail(email);
            }

            public CompletionStage<Optional<User>> findById(String id) {
                return CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
            }

            public CompletionStage<Boolean> changePassword(User user, String newPasswordHash) {
                return real.changePassword(user, newPasswordHash);
            }

            public CompletionStage<Boolean> beginClosing(User user) {
                return real.beginClosing(user);
            }

            public CompletionStage<Void> delete(User user) {
                return real.delete(user);
            }
        };
    }

    private RevokedTokens countingRevocations() {
        InMemoryRevokedTokens real = new InMemoryRevokedTokens();
        return new RevokedTokens() {
            public CompletionStage<Void> revoke(String tokenId, java.time.Instant expiresAt) {
                writes.incrementAndGet();
                return real.revoke(tokenId, expiresAt);
            }

            public CompletionStage<Boolean> isRevoked(String tokenId) {
                reads.add("isRevoked");
                return real.isRevoked(tokenId);
            }
        };
    }

    private UserRepository countingUsers() {
        InMemoryUserRepository real = new InMemoryUserRepository();
        return new UserRepository() {
            public CompletionStage<Void> insert(User user) {
                writes.incrementAndGet();
                return real.insert(user);
            }

            public CompletionStage<Optional<User>> findByEmail(String email) {
                reads.add("findByEmail " + email);
                return real.findByEmail(email);
            }

            public CompletionStage<Optional<User>> findById(String id) {
                reads.add("findById " + id);
                return real.findById(id);
            }

            public CompletionStage<Boolean> changePassword(User user, String newPasswordHash) {
                writes.incrementAndGet();
                return real.changePassword(user, newPasswordHash);
            }

            public CompletionStage<Boolean> beginClosing(User user) {
                writes.incrementAndGet();
                return real.beginClosing(user);
            }

            public CompletionStage<Void> delete(User user) {
                writes.incrementAndGet();
                return real.delete(user);
            }
        };
    }

    private BookRepository countingBooks() {
        InMemoryBookRepository real = new InMemoryBookRepository();
        return new BookRepository() {
            public CompletionStage<Void> insert(Book book) {
                writes.incrementAndGet();
                return real.insert(book);
            }

            public CompletionStage<Optional<Book>> find(String ownerId, String bookId) {
                reads.add("find " + bookId);
                return real.find(ownerId, bookId);
            }

            public CompletionStage<BookPage> list(ListBooksQuery query) {
                reads.add("list");
                return real.list(query);
            }

            public CompletionStage<Book> replace(Book updated, long expectedVersion) {
                writes.incrementAndGet();
                return real.replace(updated, expectedVersion);
            }

            public CompletionStage<Boolean> delete(String ownerId, String bookId) {
                writes.incrementAndGet();
                return real.delete(ownerId, bookId);
            }

            public CompletionStage<Void> deleteAll(String ownerId) {
                writes.incrementAndGet();
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
