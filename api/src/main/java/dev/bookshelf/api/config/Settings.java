package dev.bookshelf.api.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Settings shared by every transport, read once from environment variables and validated with
 * clear messages. Unsafe defaults are refused when {@code BOOKSHELF_ENV=production}. Logging and
 * metrics settings: see {@link Telemetry}.
 */
public record Settings(boolean production, String tokenSecret, boolean tokenSecretGenerated, Duration tokenTtl,
                       List<String> corsOrigins, boolean corsCredentials, Duration corsMaxAge, int bodyLimitBytes,
                       String basePath, String store, int passwordCost, LoginLimits loginLimits,
                       Telemetry telemetry, Map<String, String> raw) {

    public static final String DEV_ORIGINS = "http://localhost:5173,http://127.0.0.1:5173";
    public static final int MIN_SECRET_BYTES = 32;

    /** Reads and validates; throws {@link ConfigException} listing every problem at once. */
    public static Settings fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        boolean production = r.oneOf("BOOKSHELF_ENV", "development", List.of("development", "production"))
                .equals("production");
        String secret = env.get("TOKEN_SECRET");
        boolean generated = false;
        if (secret == null || secret.isBlank()) {
            if (production) {
                r.problem("TOKEN_SECRET is required when BOOKSHELF_ENV=production"
                        + " (at least " + MIN_SECRET_BYTES + " bytes, e.g. `openssl rand -base64 48`)");
            }
            secret = DevSecret.generate();
            generated = true;
        } else if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            r.problem("TOKEN_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        Duration ttl = Duration.ofSeconds(r.integer("TOKEN_TTL_SECONDS", 3600, 60, 7 * 24 * 3600));
        String originsRaw = env.getOrDefault("CORS_ALLOWED_ORIGINS", production ? "" : DEV_ORIGINS);
        List<String> origins = Arrays.stream(originsRaw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        boolean credentials = r.bool("CORS_ALLOW_CREDENTIALS", false);
        Duration maxAge = Duration.ofSeconds(r.integer("CORS_MAX_AGE_SECONDS", 600, 0, 86400));
        try {
            dev.bookshelf.api.cors.CorsPolicy.of(origins, credentials, maxAge);
        } catch (IllegalArgumentException e) {
            r.problem("CORS_ALLOWED_ORIGINS / CORS_ALLOW_CREDENTIALS: " + e.getMessage());
        }
        int bodyLimit = r.integer("BODY_LIMIT_BYTES", 64 * 1024, 1024, 6 * 1024 * 1024);
        String basePath = basePath(r, env.getOrDefault("BASE_PATH", ""));
        String store = env.getOrDefault("STORE", "memory").strip().toLowerCase(java.util.Locale.ROOT);
        int cost = r.integer("BCRYPT_COST", 10, production ? 10 : 4, 16);
        LoginLimits limits = new LoginLimits(Duration.ofSeconds(r.integer("LOGIN_WINDOW_SECONDS", 900, 1, 86400)),
                r.integer("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5, 1, 1000),
                r.integer("LOGIN_MAX_FAILURES_PER_SOURCE", 20, 1, 100000));
        Telemetry telemetry = Telemetry.read(r, env);
        r.throwIfAny();
        return new Settings(production, secret, generated, ttl, origins, credentials, maxAge, bodyLimit, basePath,
                store, cost, limits, telemetry, Map.copyOf(env));
    }

    private static String basePath(EnvReader r, String raw) {
        String p = raw.strip();
        if (p.isEmpty() || p.equals("/")) {
            return "";
        }
        if (!p.matches("(/[A-Za-z0-9._~-]+)+/?")) {
            r.problem("BASE_PATH must look like /segment[/segment...] (got '" + raw + "')");
            return "";
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Failed log-ins allowed per account and per source address within a sliding window. */
    public record LoginLimits(Duration window, int perAccount, int perSource) {
    }

    @Override
    public String toString() {
        return "Settings[production=" + production + ", tokenSecret=***, tokenTtl=" + tokenTtl + ", corsOrigins="
                + corsOrigins + ", corsCredentials=" + corsCredentials + ", bodyLimitBytes=" + bodyLimitBytes
                + ", basePath=" + basePath + ", store=" + store + ", telemetry=" + telemetry + "]";
    }
}
