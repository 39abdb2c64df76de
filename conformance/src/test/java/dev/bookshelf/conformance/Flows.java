package dev.bookshelf.conformance;

import static dev.bookshelf.conformance.Step.post;

import java.util.List;

/** Steps that many scenarios start with, and the constants of the cases. */
final class Flows {
    /** The one origin on the CORS allowlist of the suite's settings. */
    static final String ALLOWED_ORIGIN = "http://127.0.0.1:5173";
    static final String OTHER_ORIGIN = "https://evil.example";
    static final String PASSWORD = "correct horse battery staple";

    private Flows() {
    }

    /** Signs up (201, {@code Location: /me}) and remembers the account id as {@code {{<token>Id}}}. */
    static Step signUp(String email, String displayName, String tokenVariable) {
        return post("/auth/signup")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\""
                        + displayName + "\"}")
                .expect(201).shows("location: /me\n", "\"id\":\"{{" + tokenVariable + "Id}}\"")
                .captureId(tokenVariable + "Id", "/id");
    }

    /** Logs in (200) and remembers the bearer token as {@code {{<token>}}}. */
    static Step logIn(String email, String tokenVariable) {
        return post("/auth/login").json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .expect(200).shows("\"tokenType\":\"Bearer\"", "\"expiresIn\":<seconds>")
                .captureId(tokenVariable, "/token");
    }

    /** A new account with a token: sign up, then log in. */
    static List<Step> reader(String email, String displayName, String tokenVariable) {
        return List.of(signUp(email, displayName, tokenVariable), logIn(email, tokenVariable));
    }

    /** Adds a book (201 with {@code Location} and {@code ETag: "1"}) and remembers its id. */
    static Step addBook(String tokenVariable, String bookVariable, String json) {
        return post("/books").bearer(tokenVariable).json(json)
                .expect(201).shows("location: /books/{{" + bookVariable + "}}\n", "etag: \"1\"\n")
                .captureId(bookVariable, "/id");
    }
}
