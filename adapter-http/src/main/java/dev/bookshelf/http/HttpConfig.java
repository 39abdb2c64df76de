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
 * ({@code HOST}, {@code PORT}, {@code SHUTDOWN_GRACE_SECONDS}). Read once, validated together.
 */
public record HttpConfig(String host, int port, Duration shutdownGrace, Settings settings) {

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
        String host = env.getOrDefault("HOST", "0.0.0.0").strip();
        if (host.isEmpty()) {
            r.problem("HOST must not be empty");
        }
        try {
            r.throwIfAny();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new HttpConfig(host, port, Duration.ofSeconds(grace), settings);
    }
}
