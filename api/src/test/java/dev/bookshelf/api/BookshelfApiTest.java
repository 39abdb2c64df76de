package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshelf.api.config.ConfigException;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.core.memory.InMemoryBookRepository;
import dev.bookshelf.core.memory.InMemoryUserRepository;
import dev.bookshelf.core.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BookshelfApiTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private static Settings settings(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(ApiFixture.baseEnv());
        env.putAll(extra);
        return Settings.fromEnv(env);
    }

    @Test
    void create_withStoreMemory_findsTheInMemoryProviderAndServes() throws Exception {
        BookshelfApi api = BookshelfApi.create(settings(Map.of("STORE", "Memory")), Runnable::run, Clock.systemUTC(),
                QUIET);

        var health = api.dispatcher().dispatch(new ApiRequest("GET", "/health", null, null, null, "r1", null))
                .toCompletableFuture().join();

        assertThat(health.status()).isEqualTo(200);
        assertThat(new String(health.bodyUnsafe(), StandardCharsets.UTF_8)).contains("\"store\":\"memory\"");
        assertThat(api.settings().store()).isEqualTo("memory");
        assertThat(api.json()).isNotNull();
        assertThat(api.log()).isNotNull();
        api.close();
    }

    @Test
    void create_withUnknownStore_isRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> BookshelfApi.create(settings(Map.of("STORE", "oracle")), Runnable::run,
                Clock.systemUTC(), QUIET))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STORE must be one of")
                .hasMessageContaining("memory")
                .hasMessageContaining("oracle");
    }

    @Test
    void create_withOriginThatHasATrailingSlash_isRefusedNamingIt() {
        assertThatThrownBy(() -> BookshelfApi.create(settings(Map.of("CORS_ALLOWED_ORIGINS", "https://a.example/")),
                Runnable::run, Clock.systemUTC(), QUIET))
                .hasMessageContaining("'https://a.example/'");
    }

    @Test
    void create_withWildcardOriginAndCredentials_isRefused() {
        assertThatThrownBy(() -> BookshelfApi.create(settings(Map.of("CORS_ALLOWED_ORIGINS", "*",
                "CORS_ALLOW_CREDENTIALS", "true")), Runnable::run, Clock.systemUTC(), QUIET))
                .hasMessageContaining("CORS_ALLOW_CREDENTIALS");
    }

    @Test
    void close_releasesTheStore() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        Store store = new Store("memory", new InMemoryUserRepository(), new InMemoryBookRepository(),
                () -> closed.set(true));

        BookshelfApi.create(settings(Map.of()), store, Runnable::run, Clock.systemUTC(), QUIET).close();

        assertThat(closed).isTrue();
    }
}
