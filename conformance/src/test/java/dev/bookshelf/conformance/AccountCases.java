package dev.bookshelf.conformance;

import static dev.bookshelf.conformance.Flows.ALLOWED_ORIGIN;
import static dev.bookshelf.conformance.Flows.PASSWORD;
import static dev.bookshelf.conformance.Flows.logIn;
import static dev.bookshelf.conformance.Flows.reader;
import static dev.bookshelf.conformance.Flows.signUp;
import static dev.bookshelf.conformance.Step.get;
import static dev.bookshelf.conformance.Step.head;
import static dev.bookshelf.conformance.Step.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sign-up, log-in, the current account, tokens, throttling, and what a body must look like. */
final class AccountCases {
    private AccountCases() {
    }

    static List<Scenario> all() {
        return List.of(accountFlow(), signUpInputProblems(), bodyRules(), tokenProblems(), loginThrottling());
    }

    static Scenario accountFlow() {
        return Scenario.of("account: sign up, log in, me, duplicate email, wrong credentials",
                signUp("ana@example.com", "Ana", "ana"),
                post("/auth/signup").note("same email again")
                        .json("{\"email\":\"ana@example.com\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Ana\"}")
                        .expect(409).shows("/problems/email-taken"),
                post("/auth/signup").note("same email, other case and spaces")
                        .json("{\"email\":\"  ANA@Example.COM \",\"password\":\"" + PASSWORD + "\",\"displayName\":\"A\"}")
                        .expect(409).shows("/problems/email-taken"),
                logIn("ana@example.com", "ana").shows("\"account\":{\"id\":\"{{anaId}}\""),
                get("/me").bearer("ana").expect(200)
                        .shows("{\"id\":\"{{anaId}}\",\"email\":\"ana@example.com\",\"displayName\":\"Ana\""),
                head("/me").bearer("ana").expect(200).shows("content-type: application/json; charset=utf-8\n"),
                post("/auth/login").note("wrong password")
                        .json("{\"email\":\"ana@example.com\",\"password\":\"not the password\"}")
                        .expect(401).shows("www-authenticate: Bearer realm=\"bookshelf\"\n", "/problems/unauthenticated"),
                post("/auth/login").note("unknown email")
                        .json("{\"email\":\"nobody@example.com\",\"password\":\"" + PASSWORD + "\"}")
                        .expect(401).shows("www-authenticate: Bearer realm=\"bookshelf\"\n"));
    }

    static Scenario signUpInputProblems() {
        return Scenario.of("sign-up validation: several fields at once, English and Korean",
                post("/auth/signup").note("three invalid fields")
                        .json("{\"email\":\"not-an-email\",\"password\":\"short\",\"displayName\":\"\"}")
                        .expect(400).shows("/problems/invalid-input", "\"field\":\"email\"", "\"field\":\"password\"",
                                "\"field\":\"displayName\""),
                post("/auth/signup").note("three invalid fields, Korean").lang("ko")
                        .json("{\"email\":\"not-an-email\",\"password\":\"short\",\"displayName\":\"" + "가".repeat(51) + "\"}")
                        .expect(400).shows("입력값이 올바르지 않습니다", "\"field\":\"displayName\""),
                post("/auth/signup").note("missing fields").json("{}")
                        .expect(400).shows("\"code\":\"REQUIRED\""),
                post("/auth/signup").note("wrong types")
                        .json("{\"email\":5,\"password\":true,\"displayName\":[\"x\"]}")
                        .expect(400).shows("\"code\":\"WRONG_TYPE\""),
                post("/auth/signup").note("unknown field")
                        .json("{\"email\":\"u@example.com\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"U\",\"admin\":true}")
                        .expect(400).shows("\"code\":\"UNKNOWN_FIELD\""),
                post("/auth/login").note("wrong types on log-in").json("{\"email\":null,\"password\":12345678}")
                        .expect(400).shows("/problems/invalid-input"));
    }

    /** Size, media type, presence and syntax of JSON bodies, on routes without a token. */
    static Scenario bodyRules() {
        String padded = "{\"email\":\"pad@example.com\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"";
        String atLimit = padded + "x".repeat(4096 - padded.length() - 2) + "\"}";
        return Scenario.of("JSON bodies: malformed, empty, media types, non-UTF-8, size limit",
                post("/auth/signup").note("malformed JSON").json("{\"email\": \"a@example.com\",")
                        .expect(400).shows("/problems/invalid-input"),
                post("/auth/signup").note("an array, not an object").json("[]").expect(400),
                post("/auth/signup").note("trailing garbage").json("{} {}").expect(400),
                post("/auth/signup").note("duplicate key")
                        .json("{\"email\":\"d@example.com\",\"email\":\"e@example.com\"}").expect(400),
                post("/auth/signup").note("nested too deep").json("[".repeat(40) + "]".repeat(40)).expect(400),
                post("/auth/signup").note("empty body with a JSON type").json("")
                        .expect(400).shows("\"field\":\"body\",\"code\":\"REQUIRED\""),
                post("/auth/signup").note("no body, no Content-Type")
                        .expect(400).shows("\"field\":\"body\",\"code\":\"REQUIRED\""),
                post("/auth/signup").note("text/plain").text("text/plain; charset=utf-8", "{}")
                        .expect(415).shows("/problems/unsupported-media-type"),
                post("/auth/signup").note("JSON but no Content-Type").text(null, "{}").expect(415),
                post("/auth/signup").note("JSON in ISO-8859-1 declared")
                        .bytes("application/json; charset=iso-8859-1",
                                "{\"displayName\":\"Zoé\"}".getBytes(StandardCharsets.ISO_8859_1))
                        .expect(415),
                post("/auth/signup").note("ISO-8859-1 bytes declared as UTF-8 (base64 in the event)")
                        .bytes("application/json; charset=utf-8",
                                "{\"displayName\":\"Zoé\"}".getBytes(StandardCharsets.ISO_8859_1))
                        .expect(400).shows("/problems/invalid-input"),
                post("/auth/signup").note("quoted charset, lower-case header name").text(null, "{}")
                        .header("content-type", "application/json;charset=\"UTF-8\"")
                        .expect(400).shows("\"code\":\"REQUIRED\""),
                post("/auth/signup").note("Expect: 100-continue").header("Expect", "100-continue").json("{}")
                        .expect(400).shows("\"code\":\"REQUIRED\""),
                post("/auth/signup").note("Expect: 100-continue, announced body over the limit")
                        .header("Expect", "100-continue").json("{\"x\":\"" + "y".repeat(20_000) + "\"}")
                        .expect(413),
                post("/auth/signup").note("+json media type").text("application/vnd.bookshelf+json", "{}")
                        .expect(400).shows("\"code\":\"REQUIRED\""),
                post("/auth/signup").note("exactly BODY_LIMIT_BYTES").json(atLimit)
                        .expect(400).shows("\"field\":\"displayName\",\"code\":\"TOO_LONG\""),
                post("/auth/signup").note("one byte over BODY_LIMIT_BYTES").json(atLimit + " ")
                        .expect(413).shows("/problems/payload-too-large"),
                post("/auth/signup").note("far over BODY_LIMIT_BYTES").json("{\"x\":\"" + "y".repeat(20_000) + "\"}")
                        .expect(413));
    }

    static Scenario tokenProblems() {
        String foreignJwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzb21lb25lIiwiZXhwIjo0MTAyNDQ0ODAwfQ"
                + ".c2lnbmVkLXdpdGgtYW5vdGhlci1zZWNyZXQtMDEyMzQ1Njc4OQ";
        return Scenario.of("bearer tokens: missing, garbage, other scheme, foreign, with CORS and Korean",
                reader("tia@example.com", "Tia", "tia"),
                get("/me").note("no token").expect(401)
                        .shows("www-authenticate: Bearer realm=\"bookshelf\"\n", "/problems/unauthenticated"),
                get("/me").note("garbage token").header("Authorization", "Bearer garbage").expect(401)
                        .shows("www-authenticate: Bearer realm=\"bookshelf\", error=\"invalid_token\"\n"),
                get("/me").note("Basic scheme").header("Authorization", "Basic dGlhOnBhc3N3b3Jk").expect(401),
                get("/me").note("bearer in lower case").header("Authorization", "bearer {{tia}}").expect(200),
                get("/me").note("JWT signed with another secret").header("Authorization", "Bearer " + foreignJwt)
                        .expect(401).shows("error=\"invalid_token\""),
                head("/me").note("no token").expect(401).shows("www-authenticate: Bearer realm=\"bookshelf\"\n"),
                get("/books").note("no token, allowed origin, Korean").origin(ALLOWED_ORIGIN).lang("ko").expect(401)
                        .shows("access-control-allow-origin: " + ALLOWED_ORIGIN + "\n", "다시 로그인해 주세요."),
                post("/books").note("no token and a body over the limit: authentication first")
                        .json("{\"title\":\"" + "t".repeat(5000) + "\"}").expect(401));
    }

    static Scenario loginThrottling() {
        return Scenario.of("log-in throttling: 429 with Retry-After after LOGIN_MAX_FAILURES_PER_ACCOUNT",
                signUp("max@example.com", "Max", "max"),
                post("/auth/login").note("failure 1").json("{\"email\":\"max@example.com\",\"password\":\"wrong-1\"}")
                        .expect(401),
                post("/auth/login").note("failure 2").json("{\"email\":\"max@example.com\",\"password\":\"wrong-2\"}")
                        .expect(401),
                post("/auth/login").note("right password, too late").origin(ALLOWED_ORIGIN)
                        .json("{\"email\":\"MAX@example.com\",\"password\":\"" + PASSWORD + "\"}")
                        .expect(429).shows("retry-after: <retry-after>\n", "/problems/too-many-requests",
                                "Try again in <retry-after> seconds.", "access-control-allow-origin: "),
                post("/auth/login").note("Korean").lang("ko")
                        .json("{\"email\":\"max@example.com\",\"password\":\"" + PASSWORD + "\"}")
                        .expect(429).shows("시도가 너무 많습니다"),
                post("/auth/login").note("unknown email, failure 1")
                        .json("{\"email\":\"ghost@example.com\",\"password\":\"wrong\"}").expect(401),
                post("/auth/login").note("unknown email, failure 2")
                        .json("{\"email\":\"ghost@example.com\",\"password\":\"wrong\"}").expect(401),
                post("/auth/login").note("unknown email, throttled like a known one")
                        .json("{\"email\":\"ghost@example.com\",\"password\":\"wrong\"}").expect(429));
    }
}
