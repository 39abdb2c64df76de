package dev.bookshelf.api.security;

import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.problem.ProblemKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows one address trying many accounts: after too many failed log-ins from one source address
 * within a sliding window, further attempts from it get 429 with {@code Retry-After} until the
 * oldest failure leaves the window. Memory is bounded: at most {@code maxKeys} sources are tracked.
 *
 * <p>Per process on purpose. The per-account limit, which guards one account's password, is
 * counted in the store (core's {@code LoginAttempts}) so that it holds across every instance.
 * This one is a flood guard: on Lambda the template's WAF rate rule counts per address for the
 * whole API at the edge, before any container runs, and in front of a container deployment the
 * same belongs in the load balancer; a store write per failure and address would put the flood's
 * cost on the table instead of stopping it.
 */
public final class LoginThrottle {
    private final Clock clock;
    private final Duration window;
    private final int perSource;
    private final int maxKeys;
    private final Map<String, Deque<Instant>> sources = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Duration window, int perSource, int maxKeys) {
        this.clock = clock;
        this.window = window;
        this.perSource = perSource;
        this.maxKeys = maxKeys;
    }

    /** Throws a 429 problem when the source has used up its failures. */
    public void check(String sourceIp) {
        Instant now = clock.instant();
        long wait = sourceIp == null ? 0 : waitSeconds(sources.get(sourceIp), perSource, now);
        if (wait > 0) {
            throw new ApiProblem(ProblemKind.TOO_MANY_REQUESTS,
                    "Too many failed log-ins. Try again in " + wait + " seconds.", List.of(),
                    Map.of("Retry-After", Long.toString(wait)));
        }
    }

    public void failed(String sourceIp) {
        if (sourceIp != null) {
            record(sources, sourceIp, perSource, clock.instant());
        }
    }

    private long waitSeconds(Deque<Instant> failures, int limit, Instant now) {
        if (failures == null) {
            return 0;
        }
        synchronized (failures) {
            prune(failures, now);
            if (failures.size() < limit) {
                return 0;
            }
            Instant free = failures.peekFirst().plus(window);
            return Math.max(1, Duration.between(now, free).toSeconds() + 1);
        }
    }

    private void record(Map<String, Deque<Instant>> map, String key, int limit, Instant now) {
        if (map.size() >= maxKeys && !map.containsKey(key)) {
            evict(map, now);
        }
        Deque<Instant> failures = map.computeIfAbsent(key, k -> new ArrayDeque<>(limit));
        synchronized (failures) {
            prune(failures, now);
            failures.addLast(now);
            while (failures.size() > limit) {
                failures.removeFirst();
            }
        }
    }

    private void prune(Deque<Instant> failures, Instant now) {
        Instant cutoff = now.minus(window);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(cutoff)) {
            failures.removeFirst();
        }
    }

    /** Drops expired entries; if the map is still full, drops arbitrary ones to stay bounded. */
    private void evict(Map<String, Deque<Instant>> map, Instant now) {
        map.values().removeIf(d -> {
            synchronized (d) {
                prune(d, now);
                return d.isEmpty();
            }
        });
        Iterator<String> it = map.keySet().iterator();
        while (map.size() >= maxKeys && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    int trackedKeys() {
        return sources.size();
    }
}
