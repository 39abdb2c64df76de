package dev.bookshelf.http;

import dev.bookshelf.api.config.ConfigException;
import dev.bookshelf.api.config.EnvReader;
import dev.bookshelf.api.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's configuration: the shared {@link Settings} plus what only a server has
 * ({@code HOST}, {@code PORT}, {@code SHUTDOWN_GRACE_SECONDS}, the management port, the web
 * client's site and {@code EVENT_LOOPS}). Read once, validated together.
 *
 * @param management where {@code GET /metrics} listens; null when {@code MANAGEMENT_PORT=off}
 * @param web the web client's site; null when {@code WEB_ROOT} is not set
 * @param eventLoops how many event loops serve the API, one {@code HttpServer} each, sharing the port
 */
public record HttpConfig(String host, int port, Duration shutdownGrace, Settings settings,
                         Listen management, WebSite web, int eventLoops) {
    static final int DEFAULT_MANAGEMENT_PORT = 9000;
    static final int DEFAULT_WEB_PORT = 5173;
    static final int MAX_EVENT_LOOPS = 256;

    public HttpConfig {
        if (eventLoops < 1 || eventLoops > MAX_EVENT_LOOPS) {
            throw new IllegalArgumentException("eventLoops must be between 1 and " + MAX_EVENT_LOOPS
                    + " (got " + eventLoops + ")");
        }
    }

    /** A listen address of one of the extra servers; port 0 takes any free port. */
    public record Listen(String host, int port) {
    }

    /**
     * The web client (a directory with {@code index.html}) served on its own origin.
     *
     * @param apiUrl what the generated {@code config.js} names as the API; null: the API's own address
     */
    public record WebSite(java.nio.file.Path root, Listen listen, String apiUrl) {
    }

    /** Just the API, as before the extra ports: management off, no web site, one event loop per CPU. */
    public HttpConfig(String host, int port, Duration shutdownGrace, Settings settings) {
        this(host, port, shutdownGrace, settings, null, null);
    }

    /** One event loop per CPU, as before {@code EVENT_LOOPS}. */
    public HttpConfig(String host, int port, Duration shutdownGrace, Settings settings, Listen management,
                      WebSite web) {
        this(host, port, shutdownGrace, settings, management, web, defaultEventLoops());
    }

    /** The CPUs this JVM may use (a container's CPU limit included), at most {@value #MAX_EVENT_LOOPS}. */
    static int defaultEventLoops() {
        return Math.min(MAX_EVENT_LOOPS, Runtime.getRuntime().availableProcessors());
    }

    public static HttpConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Settings settings = null;
        try {
            settings = Settings.fromEnv(env);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        EnvReader r = new EnvReader(env);
        int port = r.integer("PORT", 8080, 0, 65535);
        int grace = r.integer("SHUTDOWN_GRACE_SECONDS", 20, 0, 300);
        int eventLoops = r.integer("EVENT_LOOPS", defaultEventLoops(), 1, MAX_EVENT_LOOPS);
        String host = env.getOrDefault("HOST", "0.0.0.0").strip();
        if (host.isEmpty()) {
            r.problem("HOST must not be empty");
        }
        ExtraPorts extra = new ExtraPorts(env, r, host, port);
        Listen management = extra.management();
        WebSite web = extra.web(management);
        try {
            r.throwIfAny();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new HttpConfig(host, port, Duration.ofSeconds(grace), settings, management, web, eventLoops);
    }
}
