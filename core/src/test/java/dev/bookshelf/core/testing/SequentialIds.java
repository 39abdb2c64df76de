package dev.bookshelf.core.testing;

import dev.bookshelf.core.shared.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable identifiers: "id-1", "id-2", ... (or another prefix). Thread-safe. */
public final class SequentialIds implements IdGenerator {
    private final String prefix;
    private final AtomicLong next = new AtomicLong();

    public SequentialIds() {
        this("id-");
    }

    public SequentialIds(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String newId() {
        return prefix + next.incrementAndGet();
    }

    /** How many identifiers were handed out so far. */
    public long issued() {
        return next.get();
    }
}
