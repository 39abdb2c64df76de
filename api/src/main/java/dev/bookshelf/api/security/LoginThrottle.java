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
 * Slows credential stuffing: after too many failed log-ins for one account, or from one source
 * address, within a sliding window, further attempts get 429 with {@code Retry-After} until the
 * oldest failure leaves the window. Unknown emails count like known ones (no enumeration). Memory
 * is bounded: at most {@code maxKeys} accounts and sources are tracked. Per process: on Lambda
 * each container has its own, which is why the template adds a WAF rate rule in front.
 */
public final class LoginThrottle {
    private final Clock clock;
    private final Duration window;
    private final int perAccount;
    private final int perSource;
    private final int maxKeys;
    private final Map<String, Deque<Instant>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> sources = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Duration window, int perAccount, int perSource, int maxKeys) {
        this.clock = clock;
        this.window = window;
        this.perAccount = perAccount;
        this.perSource = perSource;
        this.maxKeys = maxKeys;
    }

    /** Throws a 429 problem when the account or the source has used up its failures. */
    public void check(String normalizedEmail, String sourceIp) {
        Instant now = clock.instant();
        long wait = Math.max(waitSeconds(accounts.get(normalizedEmail), perAccount, now),
                sourceIp == null ? 0 : waitSeconds(sources.get(sourceIp), perSource, now));
        if (wait > 0) {
            throw new ApiProblem(ProblemKind.TOO_MANY_REQUESTS,
                    "Too many failed log-ins. Try again in " + wait + " seconds.", List.of(),
                    Map.of("Retry-After", Long.toString(wait)));
        }
    }

    public void failed(String normalizedEmail, String sourceIp) {
        Instant now = clock.instant();
        record(accounts, normalizedEmail, perAccount, now);
        if (sourceIp != null) {
            record(sources, sourceIp, perSource, now);
        }
    }

    public void succeeded(String normalizedEmail) {
        accounts.remove(normalizedEmail);
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
        return accounts.size() + sources.size();
    }
}
