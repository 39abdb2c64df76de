package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final ApiFixture fx = ApiFixture.start(Map.of("LOGIN_MAX_FAILURES_PER_ACCOUNT", "3",
            "LOGIN_MAX_FAILURES_PER_SOURCE", "6", "LOGIN_WINDOW_SECONDS", "600"));

    private Answer logIn(String email, String password, String ip) {
        return fx.post("/auth/login").from(ip)
                .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").send();
    }

    @Test
    void repeatedFailuresForOneAccount_are429WithRetryAfter_evenWithTheRightPassword_untilTheWindowPasses() {
        String email = ApiFixture.newEmail();
        fx.tokenFor(email);
        for (int i = 0; i < 3; i++) {
            logIn(email, "wrong password " + i, "198.51.100." + i).assertProblem(401, "unauthenticated");
        }

        Answer throttled = logIn(email, ApiFixture.PASSWORD, "198.51.100.99");
        throttled.assertProblem(429, "too-many-requests");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 601L);

        fx.clock().advance(Duration.ofSeconds(601));
        assertThat(logIn(email, ApiFixture.PASSWORD, "198.51.100.99").status()).isEqualTo(200);
    }

    @Test
    void unknownEmails_areThrottledExactlyLikeKnownOnes() {
        String known = ApiFixture.newEmail();
        fx.tokenFor(known);
        String unknown = ApiFixture.newEmail();
        for (int i = 0; i < 3; i++) {
            logIn(known, "wrong password", "192.0.2." + i);
            logIn(unknown, "wrong password", "192.0.2." + (10 + i));
        }
        Answer a = logIn(known, "wrong password", "192.0.2.50");
        Answer b = logIn(unknown, "wrong password", "192.0.2.51");
        a.assertProblem(429, "too-many-requests");
        b.assertProblem(429, "too-many-requests");
        assertThat(a.json().path("detail")).isEqualTo(b.json().path("detail"));
    }

    @Test
    void oneSourceTryingManyAccounts_isThrottled_whileOtherSourcesStillLogIn() {
        String victim = ApiFixture.newEmail();
        fx.tokenFor(victim);
        for (int i = 0; i < 6; i++) {
            logIn(ApiFixture.newEmail(), "guess " + i, "203.0.113.66").assertProblem(401, "unauthenticated");
        }
        logIn(victim, ApiFixture.PASSWORD, "203.0.113.66").assertProblem(429, "too-many-requests");
        assertThat(logIn(victim, ApiFixture.PASSWORD, "203.0.113.67").status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLogIn_forgetsTheAccountsEarlierFailures() {
        String email = ApiFixture.newEmail();
        fx.tokenFor(email);
        logIn(email, "wrong", "198.18.0.1");
        logIn(email, "wrong", "198.18.0.2");
        assertThat(logIn(email, ApiFixture.PASSWORD, "198.18.0.3").status()).isEqualTo(200);
        logIn(email, "wrong", "198.18.0.4");
        logIn(email, "wrong", "198.18.0.5");
        assertThat(logIn(email, ApiFixture.PASSWORD, "198.18.0.6").status()).isEqualTo(200);
    }
}
