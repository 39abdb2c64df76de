package dev.bookshelf.api.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids of every transport: random version-4 UUIDs for correlating a log line with an
 * answer. They guard nothing, so they come from the thread's own generator instead of the JDK's
 * secure random source, which every event loop would otherwise share (and wait for) on each request.
 */
public final class RequestIds {
    private RequestIds() {
    }

    /** A fresh request id. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
