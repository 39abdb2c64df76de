package dev.bookshelf.api.cors;

import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.routes.Routes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one CORS policy, immutable and validated when built: an exact allowlist of origins (or
 * {@code *} without credentials), the methods of the route table, the request headers clients may
 * send, and the response headers they may read. {@code Vary: Origin} is always sent.
 */
public final class CorsPolicy {
    public static final List<String> ALLOWED_HEADERS =
            List.of("Authorization", "Content-Type", "If-Match", "Accept-Language", "X-Request-Id");
    public static final List<String> EXPOSED_HEADERS =
            List.of("ETag", "Location", "X-Request-Id", "WWW-Authenticate", "Retry-After");
    private static final String EXPOSED = String.join(", ", EXPOSED_HEADERS);
    /** {@code Vary: Origin}, one field shared by every answer. */
    private static final Headers VARY_ORIGIN = Headers.builder().set("Vary", "Origin").build();
    /** Request headers a browser may send without asking (CORS-safelisted). */
    private static final Set<String> SAFELISTED = Set.of("accept", "accept-language", "content-language");
    private static final Pattern ORIGIN = Pattern.compile("^https?://[A-Za-z0-9.-]+(:\\d{1,5})?$");

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final boolean credentials;
    private final Duration maxAge;
    private final Set<String> allowedHeadersLower;

    private CorsPolicy(Set<String> origins, boolean anyOrigin, boolean credentials, Duration maxAge) {
        this.origins = origins;
        this.anyOrigin = anyOrigin;
        this.credentials = credentials;
        this.maxAge = maxAge;
        Set<String> lower = new LinkedHashSet<>(SAFELISTED);
        ALLOWED_HEADERS.forEach(h -> lower.add(h.toLowerCase(Locale.ROOT)));
        this.allowedHeadersLower = Set.copyOf(lower);
    }

    /**
     * Validates and builds the policy. Refuses {@code *} with credentials, the {@code null}
     * origin, and anything that is not exactly {@code scheme://host[:port]}.
     */
    public static CorsPolicy of(List<String> allowedOrigins, boolean credentials, Duration maxAge) {
        List<String> problems = new ArrayList<>();
        Set<String> exact = new LinkedHashSet<>();
        boolean any = false;
        for (String raw : allowedOrigins) {
            String o = raw.strip();
            if (o.isEmpty()) {
                continue;
            }
            if (o.equals("*")) {
                any = true;
            } else if (!ORIGIN.matcher(o).matches()) {
                problems.add("'" + o + "' is not an origin (expected scheme://host[:port], no path, no trailing slash)");
            } else {
                exact.add(o.toLowerCase(Locale.ROOT));
            }
        }
        if (any && credentials) {
            problems.add("'*' cannot be combined with CORS_ALLOW_CREDENTIALS=true; list the exact origins instead");
        }
        if (any && !exact.isEmpty()) {
            problems.add("'*' cannot be combined with exact origins");
        }
        if (maxAge.isNegative()) {
            problems.add("max age must not be negative");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid CORS policy: " + String.join("; ", problems));
        }
        return new CorsPolicy(Set.copyOf(exact), any, credentials, maxAge);
    }

    public boolean allows(String origin) {
        return origin != null && (anyOrigin || origins.contains(origin) || origins.contains(origin.toLowerCase(Locale.ROOT)));
    }

    public Set<String> origins() {
        return origins;
    }

    public boolean credentials() {
        return credentials;
    }

    /** Adds the CORS headers of an actual (non-preflight) response. */
    public void decorate(Headers.Builder headers, Optional<String> origin) {
        if (headers.contains("Vary")) {
            headers.add("Vary", "Origin");
        } else {
            headers.setAll(VARY_ORIGIN);
        }
        if (origin.isPresent() && allows(origin.get())) {
            allowOrigin(headers, origin.get());
            headers.set("Access-Control-Expose-Headers", EXPOSED);
        }
    }

    private void allowOrigin(Headers.Builder headers, String origin) {
        headers.set("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        if (credentials) {
            headers.set("Access-Control-Allow-Credentials", "true");
        }
    }

    /** The outcome of a preflight: the headers to send, or why it is refused. */
    public sealed interface Preflight permits Allowed, Refused {
    }

    public record Allowed(Headers headers) implements Preflight {
    }

    public record Refused(String reason) implements Preflight {
    }

    /**
     * Decides a preflight for a path that answers {@code pathMethods}. {@code requestHeaders} is
     * the raw {@code Access-Control-Request-Headers} value (a comma-separated list by definition).
     */
    public Preflight preflight(String origin, String requestMethod, String requestHeaders, Set<String> pathMethods) {
        if (!allows(origin)) {
            return new Refused("Origin " + origin + " is not allowed.");
        }
        String method = requestMethod.strip();
        if (!pathMethods.contains(method) || !Routes.methods().contains(method)) {
            return new Refused("Method " + method + " is not allowed here.");
        }
        if (requestHeaders != null) {
            for (String h : requestHeaders.split(",")) {
                String name = h.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !allowedHeadersLower.contains(name)) {
                    return new Refused("Request header " + h.strip() + " is not allowed.");
                }
            }
        }
        Headers.Builder b = Headers.builder();
        b.set("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        allowOrigin(b, origin);
        b.set("Access-Control-Allow-Methods", String.join(", ", pathMethods));
        b.set("Access-Control-Allow-Headers", String.join(", ", ALLOWED_HEADERS));
        b.set("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()));
        return new Allowed(b.build());
    }
}
