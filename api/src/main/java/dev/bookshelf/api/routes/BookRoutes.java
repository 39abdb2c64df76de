package dev.bookshelf.api.routes;

import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.json.BodyFields;
import dev.bookshelf.api.json.Json;
import dev.bookshelf.core.book.AddBookCommand;
import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookshelfUseCases;
import dev.bookshelf.core.book.Change;
import dev.bookshelf.core.book.ListBooksQuery;
import dev.bookshelf.core.book.UpdateBookCommand;
import java.util.Map;
import java.util.Set;

/** Handlers of the bookshelf routes. Every one is scoped to the authenticated owner. */
final class BookRoutes {
    private static final Set<String> FIELDS = Set.of("title", "author", "isbn", "status", "rating", "note");

    private final BookshelfUseCases shelf;
    private final Json json;
    private final Representations out;
    private final String basePath;

    BookRoutes(BookshelfUseCases shelf, Json json, Representations out, String basePath) {
        this.shelf = shelf;
        this.json = json;
        this.out = out;
        this.basePath = basePath;
    }

    void bind(Map<RouteSpec, RouteHandler> table) {
        table.put(Routes.LIST_BOOKS, call -> {
            ListBooksQuery q = ListBooksQuery.of(call.ownerId(), RequestParts.single(call.request(), "status"),
                    RequestParts.integer(call.request(), "limit"), RequestParts.single(call.request(), "cursor"));
            return shelf.list(q).thenApply(page -> out.ok(200, out.page(page), Headers.builder()));
        });
        table.put(Routes.ADD_BOOK, call -> {
            BodyFields f = new BodyFields(json.readObject(call.request().bodyUnsafe()), FIELDS);
            String title = f.text("title");
            String author = f.text("author");
            String isbn = f.text("isbn");
            String status = f.text("status");
            Integer rating = f.integer("rating");
            String note = f.text("note");
            f.done();
            AddBookCommand c = AddBookCommand.of(call.ownerId(), title, author, isbn, status, rating, note);
            return shelf.add(c).thenApply(b -> withBook(201, b,
                    Headers.builder().set("Location", basePath + "/books/" + b.id())));
        });
        table.put(Routes.GET_BOOK, call -> shelf.get(call.ownerId(), call.pathParam("id"))
                .thenApply(b -> withBook(200, b, Headers.builder())));
        table.put(Routes.UPDATE_BOOK, call -> {
            long version = RequestParts.ifMatchVersion(call.request());
            BodyFields f = new BodyFields(json.readObject(call.request().bodyUnsafe()), FIELDS);
            Change<String> title = textChange(f, "title");
            Change<String> author = textChange(f, "author");
            Change<String> isbn = textChange(f, "isbn");
            Change<String> status = textChange(f, "status");
            Change<Integer> rating = f.present("rating") ? Change.to(f.integer("rating")) : null;
            Change<String> note = textChange(f, "note");
            f.done();
            UpdateBookCommand c = new UpdateBookCommand(call.ownerId(), call.pathParam("id"), version, title, author,
                    isbn, status, rating, note);
            return shelf.update(c).thenApply(b -> withBook(200, b, Headers.builder()));
        });
        table.put(Routes.REMOVE_BOOK, call -> shelf.remove(call.ownerId(), call.pathParam("id"))
                .thenApply(done -> new ApiResponse(204, Headers.empty(), null)));
    }

    private static Change<String> textChange(BodyFields f, String name) {
        return f.present(name) ? Change.to(f.text(name)) : null;
    }

    private ApiResponse withBook(int status, Book b, Headers.Builder headers) {
        return out.ok(status, out.book(b), headers.set("ETag", Representations.etag(b)));
    }
}
