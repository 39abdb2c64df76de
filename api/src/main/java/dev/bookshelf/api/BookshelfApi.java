package dev.bookshelf.api;

import dev.bookshelf.api.config.ConfigException;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.api.cors.CorsPolicy;
import dev.bookshelf.api.json.Json;
import dev.bookshelf.api.problem.Messages;
import dev.bookshelf.api.problem.Problems;
import dev.bookshelf.api.routes.Handlers;
import dev.bookshelf.api.security.BcryptPasswordHasher;
import dev.bookshelf.api.security.JwtTokens;
import dev.bookshelf.api.security.LoginThrottle;
import dev.bookshelf.core.account.AccountPorts;
import dev.bookshelf.core.account.Accounts;
import dev.bookshelf.core.account.LoginPolicy;
import dev.bookshelf.core.book.Bookshelf;
import dev.bookshelf.core.book.BookshelfUseCases;
import dev.bookshelf.core.shared.IdGenerator;
import dev.bookshelf.core.store.Store;
import dev.bookshelf.core.store.StoreProvider;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;

/**
 * The whole service behind one {@link Dispatcher}, wired once per process from {@link Settings}:
 * the store chosen by {@code STORE}, bcrypt, JWT, the route table, CORS, JSON and problems.
 * Transports build one of these at startup and only translate requests and responses.
 */
public final class BookshelfApi implements AutoCloseable {
    private final Settings settings;
    private final Store store;
    private final Json json;
    private final RequestLog log;
    private final Dispatcher dispatcher;

    private BookshelfApi(Settings settings, Store store, Json json, RequestLog log, Dispatcher dispatcher) {
        this.settings = settings;
        this.store = store;
        this.json = json;
        this.log = log;
        this.dispatcher = dispatcher;
    }

    /** Wires everything from validated settings; {@code hashing} runs bcrypt. */
    public static BookshelfApi create(Settings settings, Executor hashing, Clock clock, PrintStream logOut) {
        return create(settings, openStore(settings), hashing, clock, logOut);
    }

    /** As {@link #create(Settings, Executor, Clock, PrintStream)} with an already opened store. */
    public static BookshelfApi create(Settings settings, Store store, Executor hashing, Clock clock,
                                      PrintStream logOut) {
        Json json = new Json();
        RequestLog log = new RequestLog(logOut, settings.telemetry(), RequestLog.RANDOM);
        if (settings.tokenSecretGenerated()) {
            log.event("WARN", "TOKEN_SECRET is not set: using a random secret for this process only."
                    + " Tokens will not survive a restart. Set TOKEN_SECRET (and BOOKSHELF_ENV=production) in production.");
        }
        CorsPolicy cors = CorsPolicy.of(settings.corsOrigins(), settings.corsCredentials(), settings.corsMaxAge());
        JwtTokens tokens = new JwtTokens(settings.tokenSecret(), settings.tokenTtl(), clock);
        Settings.LoginLimits limits = settings.loginLimits();
        Accounts accounts = Accounts.create(new AccountPorts(store.users(), store.books(), store.revoked(),
                        store.attempts(), new BcryptPasswordHasher(settings.passwordCost()), tokens, tokens),
                new LoginPolicy(limits.perAccount(), limits.window()), clock, IdGenerator.randomUuids(), hashing);
        BookshelfUseCases shelf = Bookshelf.create(store.books(), clock, IdGenerator.randomUuids());
        Problems problems = new Problems(json, new Messages());
        Dispatcher dispatcher = new Dispatcher(
                Handlers.table(accounts, shelf, json, clock, settings.basePath(), store.name(), throttle(settings, clock)),
                cors, problems, accounts.authenticate(), log, settings.bodyLimitBytes(), settings.basePath());
        return new BookshelfApi(settings, store, json, log, dispatcher);
    }

    private static LoginThrottle throttle(Settings settings, Clock clock) {
        Settings.LoginLimits l = settings.loginLimits();
        return new LoginThrottle(clock, l.window(), l.perSource(), 100_000);
    }

    /** Finds the {@link StoreProvider} named by {@code STORE} and opens it. */
    public static Store openStore(Settings settings) {
        List<String> names = new ArrayList<>();
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class)) {
            if (p.name().equals(settings.store())) {
                try {
                    return p.open(settings.raw());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(List.of(e.getMessage()));
                }
            }
            names.add(p.name());
        }
        throw new ConfigException(List.of("STORE must be one of " + names + " (got '" + settings.store() + "')"));
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public Settings settings() {
        return settings;
    }

    public Json json() {
        return json;
    }

    public RequestLog log() {
        return log;
    }

    @Override
    public void close() throws Exception {
        store.resources().close();
    }
}
