package dev.bookshelf.conformance;

import static dev.bookshelf.conformance.Flows.addBook;
import static dev.bookshelf.conformance.Flows.reader;
import static dev.bookshelf.conformance.Step.delete;
import static dev.bookshelf.conformance.Step.get;
import static dev.bookshelf.conformance.Step.head;
import static dev.bookshelf.conformance.Step.patch;
import static dev.bookshelf.conformance.Step.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The bookshelf routes: one book's life, input problems, listing and paging, owners. */
final class BookCases {
    static final String VEGETARIAN = "{\"title\":\"채식주의자\",\"author\":\"한강\",\"isbn\":\"9788936433598\","
            + "\"status\":\"READING\",\"rating\":5,\"note\":\"세 개의 이야기 — 🙂\"}";

    private BookCases() {
    }

    static List<Scenario> all() {
        return List.of(bookLife(), bookInputProblems(), listing(), otherOwner());
    }

    static Scenario bookLife() {
        return Scenario.of("a book: add, get, HEAD, patch with If-Match, conflicts, delete",
                reader("reader@example.com", "Reader", "token"),
                addBook("token", "book", VEGETARIAN).shows("\"title\":\"채식주의자\"", "세 개의 이야기 — 🙂"),
                get("/books/{{book}}").bearer("token").expect(200).shows("etag: \"1\"\n", "\"version\":1"),
                head("/books/{{book}}").bearer("token").expect(200).shows("etag: \"1\"\n"),
                patch("/books/{{book}}").note("no If-Match").bearer("token").json("{\"status\":\"READ\"}")
                        .expect(428).shows("/problems/precondition-required"),
                patch("/books/{{book}}").bearer("token").ifMatch("\"1\"").json("{\"status\":\"READ\",\"rating\":4}")
                        .expect(200).shows("etag: \"2\"\n", "\"status\":\"READ\",\"rating\":4")
                        .captureHeader("etag", "ETag"),
                patch("/books/{{book}}").note("stale If-Match").bearer("token").ifMatch("\"1\"")
                        .json("{\"rating\":3}").expect(412).shows("/problems/version-conflict"),
                patch("/books/{{book}}").note("weak ETag").bearer("token").ifMatch("W/\"2\"")
                        .json("{\"rating\":3}").expect(400).shows("\"field\":\"If-Match\""),
                patch("/books/{{book}}").note("If-Match twice").bearer("token").ifMatch("{{etag}}").ifMatch("{{etag}}")
                        .json("{\"rating\":3}").expect(400),
                patch("/books/{{book}}").note("no changes").bearer("token").ifMatch("{{etag}}").json("{}")
                        .expect(400).shows("\"code\":\"NO_CHANGES\""),
                patch("/books/{{book}}").note("unknown field").bearer("token").ifMatch("{{etag}}")
                        .json("{\"colour\":\"red\"}").expect(400).shows("\"code\":\"UNKNOWN_FIELD\""),
                patch("/books/{{book}}").note("text/plain").bearer("token").ifMatch("{{etag}}")
                        .text("text/plain", "{\"rating\":3}").expect(415),
                patch("/books/{{book}}").note("null clears").bearer("token").ifMatch("{{etag}}")
                        .json("{\"isbn\":null,\"rating\":null,\"note\":null}")
                        .expect(200).shows("etag: \"3\"\n", "\"isbn\":null", "\"rating\":null", "\"note\":null"),
                delete("/books/{{book}}").bearer("token").expect(204),
                get("/books/{{book}}").bearer("token").expect(404).shows("/problems/not-found"),
                delete("/books/{{book}}").note("again").bearer("token").expect(404),
                patch("/books/{{book}}").note("deleted").bearer("token").ifMatch("\"3\"").json("{\"rating\":1}")
                        .expect(404));
    }

    static Scenario bookInputProblems() {
        String fiveBad = "{\"title\":\"\",\"author\":\"" + "a".repeat(201) + "\",\"isbn\":\"978-0-306-40615-8\","
                + "\"status\":\"FINISHED\",\"rating\":6}";
        return Scenario.of("book validation and body rules behind a token",
                reader("val@example.com", "Val", "token"),
                post("/books").note("five invalid fields").bearer("token").json(fiveBad)
                        .expect(400).shows("\"field\":\"title\"", "\"field\":\"author\"", "\"field\":\"isbn\"",
                                "\"field\":\"status\"", "\"field\":\"rating\""),
                post("/books").note("five invalid fields, Korean").bearer("token").lang("ko-KR,ko;q=0.9,en;q=0.8")
                        .json(fiveBad).expect(400).shows("200자 이하여야 합니다.", "1에서 5 사이여야 합니다."),
                post("/books").note("note too long").bearer("token")
                        .json("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\",\"note\":\"" + "n".repeat(2001) + "\"}")
                        .expect(400).shows("\"field\":\"note\",\"code\":\"TOO_LONG\""),
                post("/books").note("rating as text and as a fraction").bearer("token")
                        .json("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\",\"rating\":\"five\"}")
                        .expect(400).shows("\"code\":\"WRONG_TYPE\""),
                post("/books").bearer("token")
                        .json("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\",\"rating\":4.5}").expect(400),
                post("/books").note("over BODY_LIMIT_BYTES").bearer("token")
                        .json("{\"title\":\"" + "제".repeat(1400) + "\"}").expect(413),
                post("/books").note("empty body").bearer("token").json("").expect(400),
                post("/books").note("form body").bearer("token")
                        .text("application/x-www-form-urlencoded", "title=t&author=a").expect(415),
                post("/books").note("not UTF-8").bearer("token")
                        .bytes("application/json", new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xff, '"', '}'})
                        .expect(400),
                post("/books").note("UTF-8 with a byte order mark").bearer("token")
                        .bytes("application/json", ("\uFEFF{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\"}")
                                .getBytes(StandardCharsets.UTF_8))
                        .expect(201).captureId("bom", "/id"));
    }

    static Scenario listing() {
        return Scenario.of("listing: newest first, status filter, limit, cursor paging, query problems",
                reader("lister@example.com", "Lister", "token"),
                addBook("token", "a", "{\"title\":\"A\",\"author\":\"가\",\"status\":\"READ\"}"),
                addBook("token", "b", "{\"title\":\"B\",\"author\":\"나\",\"status\":\"READING\"}"),
                addBook("token", "c", "{\"title\":\"C\",\"author\":\"다\",\"status\":\"READ\"}"),
                get("/books").bearer("token").expect(200)
                        .shows("{\"items\":[{\"id\":\"{{c}}\"", "{\"id\":\"{{b}}\"", "\"nextCursor\":null}"),
                get("/books?limit=2").bearer("token").expect(200).captureId("cursor", "/nextCursor")
                        .shows("\"nextCursor\":\"{{cursor}}\""),
                get("/books?limit=2&cursor={{cursor}}").bearer("token").expect(200)
                        .shows("{\"items\":[{\"id\":\"{{a}}\"", "\"nextCursor\":null}"),
                get("/books?status=READ").bearer("token").expect(200)
                        .shows("{\"items\":[{\"id\":\"{{c}}\"", "{\"id\":\"{{a}}\""),
                get("/books?status=READ&limit=1").bearer("token").expect(200).captureId("readCursor", "/nextCursor"),
                get("/books?limit=1&status=READ&cursor={{readCursor}}").bearer("token").expect(200)
                        .shows("{\"items\":[{\"id\":\"{{a}}\""),
                head("/books?status=READING").bearer("token").expect(200),
                get("/books?status=READ&status=READING").note("repeated key").bearer("token")
                        .expect(400).shows("\"field\":\"status\",\"code\":\"INVALID_FORMAT\""),
                get("/books?limit=1&limit=1").note("repeated key").bearer("token").expect(400),
                get("/books?limit=0").bearer("token").expect(400).shows("\"code\":\"OUT_OF_RANGE\""),
                get("/books?limit=abc").bearer("token").expect(400).shows("\"code\":\"WRONG_TYPE\""),
                get("/books?limit=%201%20").note("encoded spaces around the number").bearer("token").expect(200),
                get("/books?cursor=not-a-cursor").bearer("token").expect(400).shows("\"field\":\"cursor\""),
                get("/books?status=").bearer("token").expect(400).shows("\"code\":\"UNKNOWN_VALUE\""),
                get("/books?status=WANT+TO+READ").note("plus is a space").bearer("token").expect(400),
                get("/books?status=%EC%9D%BD%EC%9D%8C").note("Korean value").bearer("token").lang("ko")
                        .expect(400).shows("허용되지 않은 값입니다."),
                get("/books?st%61tus=READ&limit").note("encoded key, key without value").bearer("token")
                        .expect(400).shows("\"field\":\"limit\""),
                get("/books?unknown=1&&status=READING").note("unknown key, empty pair").bearer("token").expect(200)
                        .shows("{\"items\":[{\"id\":\"{{b}}\""));
    }

    static Scenario otherOwner() {
        return Scenario.of("another reader's book is not found, and their shelf is theirs",
                reader("ana@example.com", "Ana", "ana"),
                reader("ben@example.com", "Ben", "ben"),
                addBook("ana", "book", VEGETARIAN),
                get("/books/{{book}}").bearer("ben").expect(404).shows("/problems/not-found"),
                patch("/books/{{book}}").bearer("ben").ifMatch("\"1\"").json("{\"rating\":1}").expect(404),
                delete("/books/{{book}}").bearer("ben").expect(404),
                get("/books").bearer("ben").expect(200).shows("{\"items\":[],\"nextCursor\":null}"),
                get("/books/{{book}}").bearer("ana").expect(200).shows("\"version\":1"));
    }
}
