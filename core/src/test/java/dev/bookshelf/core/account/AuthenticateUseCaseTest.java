package dev.bookshelf.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.shared.Unauthenticated;
import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.FakeTokens;
import dev.bookshelf.core.testing.TestCore;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticateUseCaseTest {
    private final TestCore core = TestCore.inMemory();
    private Account account;
    private Session session;

    @BeforeEach
    void signUpAndLogIn() {
        account = Await.result(core.accounts.signUp().signUp(
                new SignUpCommand("reader@example.com", "correct horse", "Reader")));
        session = Await.result(core.accounts.logIn().logIn(new LogInCommand("reader@example.com", "correct horse")));
    }

    private Unauthenticated.Reason failureReason(String token) {
        return Await.failure(core.accounts.authenticate().authenticate(token), Unauthenticated.class).reason();
    }

    @Test
    void authenticate_withAFreshToken_returnsTheAccount() {
        assertThat(Await.result(core.accounts.authenticate().authenticate(session.token()))).isEqualTo(account);
    }

    @Test
    void authenticate_justBeforeExpiry_stillSucceeds() {
        core.clock.advance(FakeTokens.DEFAULT_TTL.minusMillis(1));

        assertThat(Await.result(core.accounts.authenticate().authenticate(session.token()))).isEqualTo(account);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "   \n"})
    void authenticate_withoutAToken_failsWithMissingToken(String token) {
        assertThat(failureReason(token)).isEqualTo(Unauthenticated.Reason.MISSING_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "Bearer", "fake.", "fake.notanumber.aWQtMQ", "fake.123", "fake.123.",
        "eyJhbGciOi.x.y"})
    void authenticate_withAMalformedToken_failsWithInvalidToken(String token) {
        assertThat(failureReason(token)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
    }

    @Test
    void authenticate_atOrAfterExpiry_failsWithExpiredToken() {
        core.clock.advance(FakeTokens.DEFAULT_TTL);
        assertThat(failureReason(session.token())).isEqualTo(Unauthenticated.Reason.EXPIRED_TOKEN);

        core.clock.advance(Duration.ofDays(30));
        assertThat(failureReason(session.token())).isEqualTo(Unauthenticated.Reason.EXPIRED_TOKEN);
    }

    @Test
    void authenticate_withAValidTokenForAUserThatNoLongerExists_failsWithUnknownUser() {
        String tokenOfAGone = core.tokens.issue("id-of-a-deleted-user").token();

        assertThat(failureReason(tokenOfAGone)).isEqualTo(Unauthenticated.Reason.UNKNOWN_USER);
    }
}
