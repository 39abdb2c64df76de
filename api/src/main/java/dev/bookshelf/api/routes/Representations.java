package dev.bookshelf.api.routes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.json.IsoTime;
import dev.bookshelf.api.json.Json;
import dev.bookshelf.api.problem.Problems;
import dev.bookshelf.core.account.Account;
import dev.bookshelf.core.account.Session;
import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.BookPage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/** The JSON shapes of the contract (see docs/API.md), written with the streaming generator. */
final class Representations {
    private final Json json;
    private final Clock clock;

    Representations(Json json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    ApiResponse ok(int status, Json.Writer body, Headers.Builder headers) {
        headers.setAll(Problems.JSON_CONTENT);
        return new ApiResponse(status, headers.build(), json.write(body));
    }

    Json.Writer account(Account a) {
        return g -> writeAccount(g, a);
    }

    Json.Writer session(Session s) {
        long expiresIn = Math.max(0, Duration.between(clock.instant(), s.expiresAt()).toSeconds());
        return g -> {
            g.writeStartObject();
            g.writeStringField("token", s.token());
            g.writeStringField("tokenType", "Bearer");
            g.writeStringField("expiresAt", IsoTime.format(s.expiresAt()));
            g.writeNumberField("expiresIn", expiresIn);
            g.writeFieldName("account");
            writeAccount(g, s.account());
            g.writeEndObject();
        };
    }

    Json.Writer book(Book b) {
        return g -> writeBook(g, b);
    }

    Json.Writer page(BookPage page) {
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (Book b : page.items()) {
                writeBook(g, b);
            }
            g.writeEndArray();
            g.writeStringField("nextCursor", page.nextCursor());
            g.writeEndObject();
        };
    }

    Json.Writer health(String store) {
        return g -> {
            g.writeStartObject();
            g.writeStringField("status", "UP");
            g.writeStringField("store", store);
            g.writeEndObject();
        };
    }

    private static void writeAccount(JsonGenerator g, Account a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("email", a.email());
        g.writeStringField("displayName", a.displayName());
        g.writeStringField("createdAt", IsoTime.format(a.createdAt()));
        g.writeEndObject();
    }

    // A book's member names, encoded once: written for every book of every answer.
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString TITLE = new SerializedString("title");
    private static final SerializedString AUTHOR = new SerializedString("author");
    private static final SerializedString ISBN = new SerializedString("isbn");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString RATING = new SerializedString("rating");
    private static final SerializedString NOTE = new SerializedString("note");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString CREATED_AT = new SerializedString("createdAt");
    private static final SerializedString UPDATED_AT = new SerializedString("updatedAt");

    private static void writeBook(JsonGenerator g, Book b) throws IOException {
        g.writeStartObject();
        string(g, ID, b.id());
        string(g, TITLE, b.title());
        string(g, AUTHOR, b.author());
        string(g, ISBN, b.isbn());
        string(g, STATUS, b.status().name());
        g.writeFieldName(RATING);
        if (b.rating() == null) {
            g.writeNull();
        } else {
            g.writeNumber(b.rating());
        }
        string(g, NOTE, b.note());
        g.writeFieldName(VERSION);
        g.writeNumber(b.version());
        time(g, CREATED_AT, b.createdAt());
        time(g, UPDATED_AT, b.updatedAt());
        g.writeEndObject();
    }

    /** Each thread's bytes for an instant, copied out by the generator at once. */
    private static final ThreadLocal<byte[]> TIME_BYTES = ThreadLocal.withInitial(() -> new byte[IsoTime.LENGTH]);

    /** An instant member ({@link IsoTime}), its ASCII bytes written as they are. */
    private static void time(JsonGenerator g, SerializedString name, java.time.Instant t) throws IOException {
        g.writeFieldName(name);
        byte[] ascii = TIME_BYTES.get();
        if (IsoTime.write(t, ascii)) {
            g.writeRawUTF8String(ascii, 0, IsoTime.LENGTH);
        } else {
            g.writeString(IsoTime.format(t));
        }
    }

    /** A string member; null is written as JSON null. */
    private static void string(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    static String etag(Book b) {
        return "\"" + b.version() + "\"";
    }
}
