package dev.bookshelf.core.account;

import static dev.bookshelf.core.shared.FieldError.Code.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import dev.bookshelf.core.shared.Unauthenticated;
import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.FakeTokens;
import dev.bookshelf.core.testing.TestCore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogInUseCaseTest {
    private static final String EMAIL = "reader@example.com";
    private static final String PASSWORD = "correct horse";

    private final TestCore core = TestCore.inMemory();
    private Account account;

    @BeforeEach
    void signUpOneReader() {
        account = Await.result(core.accounts.signUp().signUp(new SignUpCommand(EMAIL, PASSWORD, "Reader")));
        core.hasher.resetCounts();
    }

    private Session logIn(String email, String password) {
        return Await.result(core.accounts.logIn().logIn(new LogInCommand(email, password)));
    }

    private Unauthenticated logInFails(String email, String password) {
        return Await.failure(core.accounts.logIn().logIn(new LogInCommand(email, password)), Unauthenticated.class);
    }

    @Test
    void logIn_withTheRightPassword_returnsTokenExpiryAndAccount() {
        Session session = logIn(EMAIL, PASSWORD);

        assertThat(session.account()).isEqualTo(account);
        assertThat(session.token()).isNotBlank();
        assertThat(session.expiresAt()).isEqualTo(core.clock.instant().plus(FakeTokens.DEFAULT_TTL));
        assertThat(core.tokens.verify(session.token())).isEqualTo(account.id());
    }

    @Test
    void logIn_withTheRightPassword_verifiesOnce() {
        logIn(EMAIL, PASSWORD);

        assertThat(core.hasher.verifyCalls()).isEqualTo(1);
    }

    @Test
    void logIn_withEmailInAnotherCaseAndSurroundingSpaces_succeeds() {
        assertThat(logIn("  Reader@EXAMPLE.com ", PASSWORD).account()).isEqualTo(account);
    }

    @Test
    void logIn_withWrongPassword_failsWithBadCredentials_afterExactlyOneVerify() {
        Unauthenticated failure = logInFails(EMAIL, "wrong horse");

        assertThat(failure.reason()).isEqualTo(Unauthenticated.Reason.BAD_CREDENTIALS);
        assertThat(core.hasher.verifyCalls()).isEqualTo(1);
        assertThat(core.tokens.issuedCount()).isZero();
    }

    @Test
    void logIn_withUnknownEmail_failsWithBadCredentials_afterExactlyOneVerify_likeAWrongPassword() {
        Unauthenticated failure = logInFails("nobody@example.com", PASSWORD);

        assertThat(failure.reason()).isEqualTo(Unauthenticated.Reason.BAD_CREDENTIALS);
        assertThat(core.hasher.verifyCalls()).isEqualTo(1);
        assertThat(core.tokens.issuedCount()).isZero();
    }

    @Test
    void logIn_withWrongPasswordAndWithUnknownEmail_failAlike() {
        Unauthenticated wrongPassword = logInFails(EMAIL, "wrong horse");
        Unauthenticated unknownEmail = logInFails("nobody@example.com", "wrong horse");

        assertThat(unknownEmail.getClass()).isEqualTo(wrongPassword.getClass());
        assertThat(unknownEmail.reason()).isEqualTo(wrongPassword.reason());
        assertThat(unknownEmail.getMessage()).isEqualTo(wrongPassword.getMessage());
    }

    @Test
    void logIn_withAPasswordShorterThanTheSignUpMinimum_isBadCredentials_notInvalidInput() {
        assertThat(logInFails(EMAIL, "x").reason()).isEqualTo(Unauthenticated.Reason.BAD_CREDENTIALS);
    }

    @Test
    void logIn_withAnEmailThatIsNotAnEmail_isBadCredentials_notInvalidInput() {
        assertThat(logInFails("not-an-email", PASSWORD).reason())
                .isEqualTo(Unauthenticated.Reason.BAD_CREDENTIALS);
    }

    @Test
    void logInCommand_withMissingEmailAndPassword_reportsBothAsRequired() {
        InvalidInput failure = catchThrowableOfType(InvalidInput.class, () -> new LogInCommand(null, null));

        assertThat(failure.errors())
                .containsExactly(FieldError.of("email", REQUIRED), FieldError.of("password", REQUIRED));
    }

    @Test
    void logInCommandAndSession_toString_neverShowPasswordOrToken() {
        Session session = logIn(EMAIL, PASSWORD);

        assertThat(new LogInCommand(EMAIL, PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(session.toString()).doesNotContain(session.token());
    }
}
