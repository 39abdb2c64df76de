package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.core.store.InMemoryStoreProvider;
import dev.bookshelf.core.store.Store;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Log-out, password change and account deletion through the dispatcher. */
class AccountLifecycleTest {
    private final ApiFixture fx = ApiFixture.start(Map.of("LOGIN_MAX_FAILURES_PER_ACCOUNT", "3"));

    private Answer changePassword(String token, String current, String next) {
        return fx.request("PUT", "/me/password").bearer(token)
                .json("{\"currentPassword\":" + ApiFixture.quote(current) + ",\"newPassword\":"
                        + ApiFixture.quote(next) + "}").send();
    }

    private Answer deleteAccount(String token, String password) {
        return fx.delete("/me").bearer(token).json("{\"password\":" + ApiFixture.quote(password) + "}").send();
    }

    @Test
    void logOut_answers204_andThatTokenIsRefusedFromThenOn_whileAnotherSessionStillWorks() {
        String email = ApiFixture.newEmail();
        String token = fx.tokenFor(email);
        String other = fx.logIn(email, ApiFixture.PASSWORD).json().get("token").asText();
        assertThat(fx.get("/me").bearer(token).send().status()).isEqualTo(200);

        Answer out = fx.post("/auth/logout").bearer(token).send();

        assertThat(out.status()).isEqualTo(204);
        assertThat(out.bytes()).isEmpty();
        Answer refused = fx.get("/me").bearer(token).send();
        refused.assertProblem(401, "unauthenticated");
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
        fx.post("/auth/logout").bearer(token).send().assertProblem(401, "unauthenticated");
        assertThat(fx.get("/me").bearer(other).send().status()).isEqualTo(200);
    }

    @Test
    void logOut_withoutAToken_is401() {
        fx.post("/auth/logout").send().assertProblem(401, "unauthenticated");
    }

    @Test
    void changePassword_answers204_refusesEarlierTokens_andOnlyTheNewPasswordLogsIn() {
        String email = ApiFixture.newEmail();
        String token = fx.tokenFor(email);

        assertThat(changePassword(token, ApiFixture.PASSWORD, "a brand new secret").status()).isEqualTo(204);

        fx.get("/me").bearer(token).send().assertProblem(401, "unauthenticated");
        fx.logIn(email, ApiFixture.PASSWORD).assertProblem(401, "unauthenticated");
        String fresh = fx.logIn(email, "a brand new secret").json().get("token").asText();
        assertThat(fx.get("/me").bearer(fresh).send().status()).isEqualTo(200);
    }

    @Test
    void changePassword_withTheWrongCurrentPassword_is401InTheCallersLanguage_andCountsAsAFailedLogIn() {
        String email = ApiFixture.newEmail();
        String token = fx.tokenFor(email);

        Answer wrong = fx.request("PUT", "/me/password").bearer(token).language("ko")
                .json("{\"currentPassword\":\"nope nope\",\"newPassword\":\"a brand new secret\"}").send();

        wrong.assertProblem(401, "unauthenticated");
        assertThat(wrong.json().get("message").asText()).isEqualTo("비밀번호가 올바르지 않습니다.");
        changePassword(token, "nope again", "a brand new secret").assertProblem(401, "unauthenticated");
        changePassword(token, "and again", "a brand new secret").assertProblem(401, "unauthenticated");
        Answer throttled = fx.logIn(email, ApiFixture.PASSWORD);
        throttled.assertProblem(429, "too-many-requests");
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(fx.get("/me").bearer(token).send().status()).isEqualTo(200);
    }

    @Test
    void changePassword_withBadBodies_is400WithFieldErrors() {
        String token = fx.newReaderToken();

        assertThat(changePassword(token, ApiFixture.PASSWORD, "short").fieldErrors()).containsExactly("newPassword:TOO_SHORT");
        Answer unknown = fx.request("PUT", "/me/password").bearer(token)
                .json("{\"currentPassword\":\"x\",\"newPassword\":\"long enough\",\"extra\":1}").send();
        unknown.assertProblem(400, "invalid-input");
        Answer missing = fx.request("PUT", "/me/password").bearer(token).json("{}").send();
        assertThat(missing.fieldErrors()).contains("currentPassword:REQUIRED", "newPassword:REQUIRED");
    }

    @Test
    void deleteAccount_answers204_erasesBooks_refusesTokens_andTheEmailCanSignUpAgain() {
        String email = ApiFixture.newEmail();
        String token = fx.tokenFor(email);
        String bookId = fx.addBook(token, "채식주의자", "READING");

        assertThat(deleteAccount(token, ApiFixture.PASSWORD).status()).isEqualTo(204);

        fx.get("/me").bearer(token).send().assertProblem(401, "unauthenticated");
        fx.get("/books/" + bookId).bearer(token).send().assertProblem(401, "unauthenticated");
        fx.logIn(email, ApiFixture.PASSWORD).assertProblem(401, "unauthenticated");
        assertThat(fx.signUp(email, ApiFixture.PASSWORD, "다시").status()).isEqualTo(201);
        String again = fx.logIn(email, ApiFixture.PASSWORD).json().get("token").asText();
        assertThat(fx.get("/books").bearer(again).send().json().get("items")).isEmpty();
    }

    @Test
    void deleteAccount_withTheWrongPasswordOrNoBody_keepsTheAccount() {
        String token = fx.newReaderToken();

        deleteAccount(token, "not the password").assertProblem(401, "unauthenticated");
        fx.delete("/me").bearer(token).send().assertProblem(400, "invalid-input");
        assertThat(fx.delete("/me").bearer(token).json("{}").send().fieldErrors()).contains("password:REQUIRED");
        assertThat(fx.get("/me").bearer(token).send().status()).isEqualTo(200);
    }

    @Test
    void aTokenRevokedThroughOneInstance_isRefusedByAnotherThatHadItVerifiedAndRemembered() {
        Store shared = new InMemoryStoreProvider().open(Map.of());
        ApiFixture one = ApiFixture.withStore(shared, Map.of());
        ApiFixture two = ApiFixture.withStore(shared, Map.of());
        String email = ApiFixture.newEmail();
        String token = one.tokenFor(email);
        for (int i = 0; i < 3; i++) {
            assertThat(two.get("/me").bearer(token).send().status()).isEqualTo(200);
        }

        assertThat(one.post("/auth/logout").bearer(token).send().status()).isEqualTo(204);

        two.get("/me").bearer(token).send().assertProblem(401, "unauthenticated");
        String second = two.logIn(email, ApiFixture.PASSWORD).json().get("token").asText();
        assertThat(two.get("/me").bearer(second).send().status()).isEqualTo(200);
        assertThat(one.request("PUT", "/me/password").bearer(second)
                .json("{\"currentPassword\":" + ApiFixture.quote(ApiFixture.PASSWORD)
                        + ",\"newPassword\":\"another new one\"}").send().status()).isEqualTo(204);
        two.get("/me").bearer(second).send().assertProblem(401, "unauthenticated");
    }
}
