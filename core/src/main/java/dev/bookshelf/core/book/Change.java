package dev.bookshelf.core.book;

/**
 * One field of a partial update. A {@code null} Change means "leave as is"; a Change holding
 * {@code null} means "clear" (allowed only for optional fields).
 */
public record Change<T>(T value) {
    public static <T> Change<T> to(T value) {
        return new Change<>(value);
    }
}
