package dev.bookshelf.conformance;

import static dev.bookshelf.conformance.Flows.ALLOWED_ORIGIN;
import static dev.bookshelf.conformance.Flows.PASSWORD;
import static dev.bookshelf.conformance.Flows.addBook;
import static dev.bookshelf.conformance.Flows.logIn;
import static dev.bookshelf.conformance.Flows.reader;
import static dev.bookshelf.conformance.Flows.signUp;
import static dev.bookshelf.conformance.Step.call;
import static dev.bookshelf.conformance.Step.delete;
import static dev.bookshelf.conformance.Step.get;
import static dev.bookshelf.conformance.Step.options;
import static dev.bookshelf.conformance.Step.post;

import java.util.ArrayList;
import java.util.List;

/** Ending sessions: log-out, password change, account deletion. */
final class SessionCases {
    private static final String NEW_PASSWORD = "an entirely new passphrase";

    private SessionCases() {
    }

    static List<Scenario> all() {
        return List.of(logOut(), passwordChange(), accountDeletion());
    }

    private static List<Step> steps(List<Step> first, Step... more) {
        List<Step> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    static Scenario logOut() {
        return Scenario.of("log-out: 204, that token refused, another session still valid", steps(
                reader("lou@example.com", "Lou", "lou"),
                logIn("lou@example.com", "lou2"),
                post("/auth/logout").note("no token").expect(401).shows("/problems/unauthenticated"),
                post("/auth/logout").bearer("lou").origin(ALLOWED_ORIGIN).expect(204)
                        .shows("access-control-allow-origin: " + ALLOWED_ORIGIN + "\n"),
                get("/me").note("logged-out token").bearer("lou").expect(401)
                        .shows("error=\"invalid_token\"", "/problems/unauthenticated"),
                post("/auth/logout").note("twice").bearer("lou").expect(401),
                get("/me").note("the other session").bearer("lou2").expect(200),
                options("/auth/logout").note("preflight").origin(ALLOWED_ORIGIN)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization").expect(204)
                        .shows("access-control-allow-methods: POST")).toArray(Step[]::new));
    }

    static Scenario passwordChange() {
        return Scenario.of("password change: 204, earlier tokens refused, wrong current password 401, validation",
                steps(reader("pia@example.com", "Pia", "pia"),
                call("PUT", "/me/password").note("wrong current password, Korean").bearer("pia").lang("ko")
                        .json("{\"currentPassword\":\"not it at all\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")
                        .expect(401).shows("/problems/unauthenticated", "비밀번호가 올바르지 않습니다."),
                call("PUT", "/me/password").note("new password too short").bearer("pia")
                        .json("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}")
                        .expect(400).shows("\"field\":\"newPassword\",\"code\":\"TOO_SHORT\""),
                call("PUT", "/me/password").note("unknown field").bearer("pia")
                        .json("{\"currentPassword\":\"x\",\"newPassword\":\"" + NEW_PASSWORD + "\",\"x\":1}")
                        .expect(400).shows("\"code\":\"UNKNOWN_FIELD\""),
                call("PUT", "/me/password").note("no token").json("{}").expect(401),
                call("PUT", "/me/password").bearer("pia")
                        .json("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")
                        .expect(204),
                get("/me").note("token from before the change").bearer("pia").expect(401)
                        .shows("error=\"invalid_token\""),
                post("/auth/login").note("old password")
                        .json("{\"email\":\"pia@example.com\",\"password\":\"" + PASSWORD + "\"}").expect(401),
                post("/auth/login").note("new password")
                        .json("{\"email\":\"pia@example.com\",\"password\":\"" + NEW_PASSWORD + "\"}").expect(200)
                        .captureId("pia2", "/token"),
                get("/me").note("token from after the change").bearer("pia2").expect(200),
                get("/me/password").note("other method").bearer("pia2").expect(405)
                        .shows("allow: PUT, OPTIONS\n")).toArray(Step[]::new));
    }

    static Scenario accountDeletion() {
        return Scenario.of("account deletion: password required, 204, books and tokens gone, email free again",
                steps(reader("del@example.com", "Del", "del"),
                addBook("del", "delBook", "{\"title\":\"채식주의자\",\"author\":\"한강\",\"status\":\"READ\"}"),
                delete("/me").note("wrong password").bearer("del").json("{\"password\":\"not it at all\"}")
                        .expect(401).shows("/problems/unauthenticated"),
                delete("/me").note("no body").bearer("del").expect(400).shows("\"field\":\"body\""),
                delete("/me").note("missing password").bearer("del").json("{}").expect(400)
                        .shows("\"field\":\"password\",\"code\":\"REQUIRED\""),
                delete("/me").bearer("del").origin(ALLOWED_ORIGIN).json("{\"password\":\"" + PASSWORD + "\"}")
                        .expect(204).shows("access-control-allow-origin: " + ALLOWED_ORIGIN + "\n"),
                get("/me").note("token of the deleted account").bearer("del").expect(401),
                get("/books/{{delBook}}").note("its book").bearer("del").expect(401),
                post("/auth/login").note("deleted account")
                        .json("{\"email\":\"del@example.com\",\"password\":\"" + PASSWORD + "\"}").expect(401),
                signUp("del@example.com", "Del again", "del2"),
                logIn("del@example.com", "del3"),
                get("/books").note("the new account's shelf is empty").bearer("del3").expect(200)
                        .shows("{\"items\":[],\"nextCursor\":null}")).toArray(Step[]::new));
    }
}
