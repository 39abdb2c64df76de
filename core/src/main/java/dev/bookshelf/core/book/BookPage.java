package dev.bookshelf.core.book;

import java.util.List;

/** A page of books and the opaque cursor of the next page ({@code null} on the last page). */
public record BookPage(List<Book> items, String nextCursor) {
    public BookPage {
        items = List.copyOf(items);
    }
}
