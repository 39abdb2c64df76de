package dev.bookshelf.api.http;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids of every transport: random version-4 UUIDs for correlating a log line with an
 * answer. They guard nothing, so they come from a generator of the calling thread instead of the
 * JDK's secure random source, which every event loop would otherwise share (and wait for) on each
 * request.
 *
 * <p>Each thread's generator is split from one root. A process restored from a snapshot
 * (SnapStart, CRaC) restores that state too, and every copy restored from the same snapshot would
 * then produce the same ids: {@link #reseed()} after a restore gives the root a fresh seed, and
 * every thread takes a new generator from it at its next id.
 */
public final class RequestIds {
    private static final Object LOCK = new Object();
    private static final ThreadLocal<Source> SOURCE = new ThreadLocal<>();
    private static SplittableRandom root = new SplittableRandom(ThreadLocalRandom.current().nextLong());
    private static volatile long generation;

    private RequestIds() {
    }

    /** A fresh request id. */
    public static String next() {
        Source source = SOURCE.get();
        if (source == null || source.generation != generation) {
            source = split();
            SOURCE.set(source);
        }
        long high = source.random.nextLong() & ~0xF000L | 0x4000L;
        long low = source.random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Seeds the root from the secure random source again (after a restore from a snapshot). */
    public static void reseed() {
        reseed(new SecureRandom().nextLong());
    }

    /** Seeds the root with {@code seed}: the same seed gives the same ids again, on one thread (tests). */
    static void reseed(long seed) {
        synchronized (LOCK) {
            root = new SplittableRandom(seed);
            generation++;
        }
    }

    private static Source split() {
        synchronized (LOCK) {
            return new Source(generation, root.split());
        }
    }

    private record Source(long generation, SplittableRandom random) {
    }
}
