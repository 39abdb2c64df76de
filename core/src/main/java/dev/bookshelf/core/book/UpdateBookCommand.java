package dev.bookshelf.core.book;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.Validator;

/**
 * A partial update of one book, applied only if the book is still at {@code expectedVersion}.
 * Each field is a {@link Change}: null = unchanged.
 */
public record UpdateBookCommand(String ownerId, String bookId, long expectedVersion, Change<String> title,
                                Change<String> author, Change<String> isbn, Change<String> status,
                                Change<Integer> rating, Change<String> note) {

    public UpdateBookCommand {
        Validator v = new Validator();
        boolean any = false;
        for (Change<?> c : new Change<?>[] {title, author, isbn, status, rating, note}) {
            any |= c != null;
        }
        v.check(any, "body", FieldError.Code.NO_CHANGES);
        if (title != null) {
            BookRules.title(v, title.value());
        }
        if (author != null) {
            BookRules.author(v, author.value());
        }
        if (isbn != null) {
            Isbn.normalize(v, "isbn", isbn.value());
        }
        if (status != null) {
            ReadingStatus.parse(v, "status", status.value(), true);
        }
        if (rating != null) {
            BookRules.rating(v, rating.value());
        }
        if (note != null) {
            BookRules.note(v, note.value());
        }
        v.done();
    }

    /** The book after this change; the caller has checked the version. */
    Book applyTo(Book current, java.time.Instant now) {
        Validator unused = new Validator();
        return new Book(current.id(), current.ownerId(),
                title == null ? current.title() : BookRules.title(unused, title.value()),
                author == null ? current.author() : BookRules.author(unused, author.value()),
                isbn == null ? current.isbn() : Isbn.normalize(unused, "isbn", isbn.value()),
                status == null ? current.status() : ReadingStatus.parse(unused, "status", status.value(), true),
                rating == null ? current.rating() : rating.value(),
                note == null ? current.note() : note.value(),
                current.version() + 1, current.createdAt(), now);
    }
}
