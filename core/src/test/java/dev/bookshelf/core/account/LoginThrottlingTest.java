package dev.bookshelf.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.shared.TooManyAttempts;
import dev.bookshelf.core.shared.Unauthenticated;
import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.TestCore;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failed log-ins per account, counted in the store's {@link LoginAttempts}. */
class LoginThrottlingTest {
    private static final String EMAIL = "reader@example.com";
    private static final String PASSWORD = "correct horse";
    private static final int LIMIT = LoginPolicy.DEFAULT.maxAttempts();

    private final TestCore core = TestCore.inMemory();

    @BeforeEach
    void signUp() {
        Await.result(core.accounts.signUp().signUp(new SignUpCommand(EMAIL, PASSWORD, "Reader")));
    }

    private Throwable logInFailure(String email, String password) {
        return Await.failure(core.accounts.logIn().logIn(new LogInCommand(email, password)));
    }

    @Test
    void afterTheLimitOfWrongPasswords_evenTheRightOneIsRefused_untilTheWindowEnds() {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(logInFailure(EMAIL, "wrong")).isInstanceOf(Unauthenticated.class);
        }
        core.hasher.resetCounts();

        TooManyAttempts refused = (TooManyAttempts) logInFailure(EMAIL, PASSWORD);

        assertThat(refused.retryAfter()).isEqualTo(LoginPolicy.DEFAULT.window());
        assertThat(core.hasher.verifyCalls()).isZero();
        core.clock.advance(LoginPolicy.DEFAULT.window());
        assertThat(Await.result(core.accounts.logIn().logIn(new LogInCommand(EMAIL, PASSWORD)))).isNotNull();
    }

    @Test
    void anUnknownEmail_isThrottledExactlyLikeAKnownOne() {
        String unknown = "nobody@example.com";
        for (int i = 0; i < LIMIT; i++) {
            Unauthenticated known = (Unauthenticated) logInFailure(EMAIL, "wrong");
            Unauthenticated absent = (Unauthenticated) logInFailure(unknown, "wrong");
            assertThat(absent.reason()).isEqualTo(known.reason());
        }
        core.clock.advance(Duration.ofSeconds(10));

        TooManyAttempts known = (TooManyAttempts) logInFailure(EMAIL, "wrong");
        TooManyAttempts absent = (TooManyAttempts) logInFailure(unknown, "wrong");

        assertThat(absent.retryAfter()).isEqualTo(known.retryAfter());
    }

    @Test
    void aRightPassword_clearsTheCount() {
        for (int i = 0; i < LIMIT - 1; i++) {
            logInFailure(EMAIL, "wrong");
        }
        Await.result(core.accounts.logIn().logIn(new LogInCommand(EMAIL, PASSWORD)));

        for (int i = 0; i < LIMIT; i++) {
            assertThat(logInFailure(EMAIL, "wrong")).isInstanceOf(Unauthenticated.class);
        }
    }
}
