package dev.bookshelf.conformance;

import static dev.bookshelf.conformance.Flows.ALLOWED_ORIGIN;
import static dev.bookshelf.conformance.Flows.OTHER_ORIGIN;
import static dev.bookshelf.conformance.Flows.addBook;
import static dev.bookshelf.conformance.Flows.reader;
import static dev.bookshelf.conformance.Step.call;
import static dev.bookshelf.conformance.Step.delete;
import static dev.bookshelf.conformance.Step.get;
import static dev.bookshelf.conformance.Step.head;
import static dev.bookshelf.conformance.Step.options;
import static dev.bookshelf.conformance.Step.patch;
import static dev.bookshelf.conformance.Step.post;

import java.util.List;

/** What every route shares: health, paths and their encoding, methods, CORS, languages. */
final class ProtocolCases {
    private static final String EXPOSE = "access-control-expose-headers: ETag, Location, X-Request-Id, "
            + "WWW-Authenticate, Retry-After\n";

    private ProtocolCases() {
    }

    static List<Scenario> all() {
        return List.of(health(), paths(), methods(), cors(), korean());
    }

    static Scenario health() {
        return Scenario.of("health, HEAD, unknown paths",
                get("/health").expect(200).shows("{\"status\":\"UP\",\"store\":",
                        "cache-control: no-store\n", "x-content-type-options: nosniff\n", "vary: Origin\n"),
                head("/health").expect(200).shows("content-type: application/json; charset=utf-8\n"),
                get("/health/").note("trailing slash").expect(404).shows("/problems/not-found"),
                get("/HEALTH").note("paths are case-sensitive").expect(404),
                get("/nope").expect(404).shows("No route for GET /nope."),
                head("/nope").expect(404),
                get("/").expect(404),
                get("/health?").note("empty query").expect(200),
                get("/health?verbose=1&verbose=2").note("a query the route ignores").expect(200),
                get("/health").note("a client X-Request-Id is not trusted").header("X-Request-Id", "client-chosen")
                        .expect(200).shows("x-request-id: <request-id>\n"),
                options("/health").note("no CORS headers").expect(204).shows("allow: GET, HEAD, OPTIONS\n"));
    }

    static Scenario paths() {
        return Scenario.of("paths: percent-encoding decoded once, trailing slashes, Korean ids",
                reader("paths@example.com", "Paths", "token"),
                addBook("token", "book", "{\"title\":\"T\",\"author\":\"A\",\"status\":\"READ\"}"),
                get("/books/%ED%95%9C%EA%B8%80").note("Korean id").bearer("token").expect(404)
                        .shows("/problems/not-found"),
                get("/books/%ed%95%9c%ea%b8%80").note("lower-case escapes").bearer("token").expect(404),
                get("/%62ooks").note("an encoded letter").bearer("token").expect(200).shows("{\"id\":\"{{book}}\""),
                get("/books/{{book}}").bearer("token").expect(200),
                get("/books/%7B%7Bbook%7D%7D").note("encoded braces").bearer("token").expect(404),
                get("/books/{{book}}/").note("trailing slash").bearer("token").expect(404)
                        .shows("No route for GET /books/{{book}}/."),
                get("/books/").note("trailing slash").bearer("token").expect(404),
                get("/books/a%2Fb").note("encoded slash").bearer("token").expect(404).shows("No route for GET /books/a/b."),
                get("/books/100%25").note("encoded percent").bearer("token").expect(404)
                        .shows("No book with this id on your shelf."),
                get("/books/a+b").note("plus stays a plus in a path").bearer("token").expect(404),
                get("/%ED%95%9C%EA%B8%80%2541").note("decoded exactly once").expect(404)
                        .shows("No route for GET /한글%41."),
                get("/books/%FF").note("an escape that is not UTF-8").bearer("token").expect(400)
                        .shows("\"field\":\"path\""),
                get("/books/%zz").note("a malformed escape").bearer("token").origin(ALLOWED_ORIGIN).lang("ko")
                        .expect(400).shows("\"field\":\"path\",\"code\":\"INVALID_FORMAT\"", EXPOSE),
                get("/books/abc%").note("a truncated escape").expect(400),
                get("/books/../health").note("dot segments are not resolved").expect(404),
                get("/books/%2E%2E/health").note("encoded dot segments").expect(404),
                get("/books/a%20b").note("encoded space").bearer("token").expect(404),
                get("//books").note("empty first segment").bearer("token").expect(404),
                delete("/books/{{book}}").note("a body where none is read").bearer("token")
                        .json("{\"ignored\":true}").expect(204));
    }

    static Scenario methods() {
        return Scenario.of("405 with Allow for every route shape",
                call("PUT", "/books").json("{}").expect(405)
                        .shows("allow: GET, POST, HEAD, OPTIONS\n", "/problems/method-not-allowed"),
                patch("/books").json("{}").expect(405),
                call("PUT", "/books/some-id").json("{}").expect(405).shows("allow: GET, PATCH, DELETE, HEAD, OPTIONS\n"),
                post("/me").json("{}").expect(405).shows("allow: GET, DELETE, HEAD, OPTIONS\n"),
                get("/auth/signup").expect(405).shows("allow: POST, OPTIONS\n"),
                head("/auth/login").expect(405).shows("allow: POST, OPTIONS\n"),
                delete("/health").expect(405).shows("allow: GET, HEAD, OPTIONS\n"),
                call("PROPFIND", "/books").expect(405),
                delete("/nope").expect(404));
    }

    static Scenario cors() {
        return Scenario.of("CORS: preflights allowed and refused, headers on answers and on errors",
                options("/books").origin(ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization, content-type")
                        .expect(204).shows("access-control-allow-origin: " + ALLOWED_ORIGIN + "\n",
                                "access-control-allow-methods: GET, POST, HEAD, OPTIONS\n",
                                "access-control-allow-headers: Authorization, Content-Type, If-Match, Accept-Language",
                                "access-control-max-age: 600\n",
                                "vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers\n"),
                options("/books/any-id").origin(ALLOWED_ORIGIN).header("Access-Control-Request-Method", "PATCH")
                        .header("Access-Control-Request-Headers", "Authorization,Content-Type,If-Match")
                        .expect(204),
                options("/books").note("origin not on the allowlist").origin(OTHER_ORIGIN)
                        .header("Access-Control-Request-Method", "POST").expect(403).shows("/problems/cors-rejected"),
                options("/books").note("null origin").origin("null")
                        .header("Access-Control-Request-Method", "GET").expect(403),
                options("/health").note("method not allowed there").origin(ALLOWED_ORIGIN)
                        .header("Access-Control-Request-Method", "DELETE").expect(403),
                options("/books").note("header not allowed").origin(ALLOWED_ORIGIN)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type, x-custom").expect(403),
                options("/nope").origin(ALLOWED_ORIGIN).header("Access-Control-Request-Method", "GET").expect(404),
                options("/books").note("origin without a requested method").origin(ALLOWED_ORIGIN)
                        .expect(204).shows("allow: GET, POST, HEAD, OPTIONS\n"),
                get("/health").origin(ALLOWED_ORIGIN).expect(200)
                        .shows("access-control-allow-origin: " + ALLOWED_ORIGIN + "\n", EXPOSE),
                get("/health").note("origin in upper case").origin("HTTP://127.0.0.1:5173").expect(200)
                        .shows("access-control-allow-origin: HTTP://127.0.0.1:5173\n"),
                get("/health").origin(OTHER_ORIGIN).expect(200).shows("vary: Origin\n"),
                get("/me").origin(ALLOWED_ORIGIN).expect(401).shows(EXPOSE),
                get("/nope").origin(ALLOWED_ORIGIN).expect(404).shows(EXPOSE),
                call("PUT", "/books").origin(ALLOWED_ORIGIN).expect(405).shows(EXPOSE),
                post("/auth/signup").origin(ALLOWED_ORIGIN).json("{\"x\":\"" + "y".repeat(5000) + "\"}")
                        .expect(413).shows(EXPOSE),
                post("/auth/signup").origin(ALLOWED_ORIGIN).text("text/plain", "{}").expect(415).shows(EXPOSE),
                post("/auth/signup").origin(ALLOWED_ORIGIN).json("{").expect(400).shows(EXPOSE));
    }

    static Scenario korean() {
        return Scenario.of("Korean text end to end, and language negotiation",
                Flows.signUp("minji@example.com", "김민지", "minji").shows("\"displayName\":\"김민지\""),
                Flows.logIn("minji@example.com", "minji").shows("\"displayName\":\"김민지\""),
                get("/me").bearer("minji").expect(200).shows("\"displayName\":\"김민지\""),
                addBook("minji", "book", "{\"title\":\"소년이 온다\",\"author\":\"한강\",\"status\":\"WANT_TO_READ\","
                        + "\"note\":\"광주, 1980년 5월 — \\\"따옴표\\\"와 줄바꿈\\n그리고 🙂\"}")
                        .shows("\"note\":\"광주, 1980년 5월 — \\\"따옴표\\\"와 줄바꿈\\n그리고 🙂\""),
                patch("/books/{{book}}").bearer("minji").ifMatch("\"1\"").json("{\"note\":\"두 번째 메모\"}")
                        .expect(200).shows("\"note\":\"두 번째 메모\""),
                get("/books").bearer("minji").expect(200).shows("\"title\":\"소년이 온다\""),
                post("/books").bearer("minji").lang("ko").json("{\"title\":\"\"}")
                        .expect(400).shows("\"message\":\"입력값이 올바르지 않습니다. 표시된 항목을 확인해 주세요.\""),
                get("/books/%ED%95%9C%EA%B8%80").bearer("minji").lang("ko")
                        .expect(404).shows("요청하신 항목을 찾을 수 없습니다."),
                call("PUT", "/me").lang("ko").expect(405).shows("이 주소는 해당 메서드를 지원하지 않습니다."),
                get("/me").note("ko preferred by weight").lang("en;q=0.5, ko;q=0.9").expect(401)
                        .shows("다시 로그인해 주세요."),
                get("/me").note("Accept-Language twice: the first counts").lang("ko").lang("en").expect(401)
                        .shows("다시 로그인해 주세요."),
                get("/me").note("unreadable Accept-Language").lang("!!!").expect(401)
                        .shows("\"message\":\"Please log in again.\""));
    }
}
