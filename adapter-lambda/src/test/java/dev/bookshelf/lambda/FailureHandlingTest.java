package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.ENV;
import static dev.bookshelf.lambda.Invocations.fixture;
import static dev.bookshelf.lambda.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.config.ConfigException;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.core.account.User;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.memory.InMemoryBookRepository;
import dev.bookshelf.core.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Failures answer with a JSON problem in proxy shape; only invalid configuration stops the container. */
class FailureHandlingTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);

    @Test
    void invalidConfiguration_failsInitialisation_listingEveryProblemReadably() {
        Map<String, String> env = Map.of("BOOKSHELF_ENV", "production", "BCRYPT_COST", "3");

        assertThatThrownBy(() -> BookshelfHandler.forEnvironment(env, logStream))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid configuration")
                .hasMessageContaining("TOKEN_SECRET is required when BOOKSHELF_ENV=production")
                .hasMessageContaining("BCRYPT_COST must be between 10 and 16");
    }

    @Test
    void unknownStore_failsInitialisationNamingTheStoresThereAre() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("STORE", "cassandra");

        assertThatThrownBy(() -> BookshelfHandler.forEnvironment(env, logStream))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORE must be one of")
                .hasMessageContaining("memory");
    }

    @Test
    void unexpectedFailure_answers500ProblemWithCorsHeaders_neverAThrownError() {
        BookshelfHandler handler = BookshelfHandler.forEnvironment(ENV, logStream);

        ProxyResponse response = invoke(handler, fixture("health.json").getBytes(StandardCharsets.UTF_8),
                StubContext.broken());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyJson().get("type").textValue()).isEqualTo("/problems/internal");
        assertThat(response.body()).doesNotContain("IllegalStateException", "context is broken");
        assertThat(response.header("Access-Control-Allow-Origin")).containsExactly("http://localhost:5173");
        assertThat(response.header("Vary")).contains("Origin");
        assertThat(response.header("X-Request-Id")).containsExactly("c6af9ac6-7b61-11e6-9a41-93e8deadbe09");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"level\":\"ERROR\"").doesNotContain("\tat ");
    }

    @Test
    void answerNotReadyBeforeTheFunctionsDeadline_answers500ProblemInTime() {
        BookshelfApi api = BookshelfApi.create(Settings.fromEnv(ENV), hangingStore(), Runnable::run,
                Clock.systemUTC(), logStream);
        BookshelfHandler handler = BookshelfHandler.forApi(api);
        int remaining = (int) ProxyAdapter.DEADLINE_MARGIN_MS + 20;

        ProxyResponse response = invoke(handler, fixture("login.json").getBytes(StandardCharsets.UTF_8),
                StubContext.withRemainingMillis(remaining));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyJson().get("type").textValue()).isEqualTo("/problems/internal");
        assertThat(response.header("X-Request-Id")).containsExactly("c6af9ac6-7b61-11e6-9a41-93e8deadbe02");
    }

    /** A store whose user look-ups never complete, like a backend that does not answer. */
    private static Store hangingStore() {
        UserRepository users = new UserRepository() {
            @Override
            public CompletionStage<Void> insert(User user) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<Optional<User>> findByEmail(String normalizedEmail) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<Optional<User>> findById(String id) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<Boolean> changePassword(User user, String newPasswordHash) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<Boolean> beginClosing(User user) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<Void> delete(User user) {
                return new CompletableFuture<>();
            }
        };
        return new Store("hanging", users, new InMemoryBookRepository(), () -> { });
    }
}
