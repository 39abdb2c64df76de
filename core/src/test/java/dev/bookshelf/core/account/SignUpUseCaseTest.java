package dev.bookshelf.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.shared.EmailAlreadyTaken;
import dev.bookshelf.core.testing.Await;
import dev.bookshelf.core.testing.FakePasswordHasher;
import dev.bookshelf.core.testing.MutableClock;
import dev.bookshelf.core.testing.TestCore;
import org.junit.jupiter.api.Test;

class SignUpUseCaseTest {
    private final TestCore core = TestCore.inMemory();

    private Account signUp(String email, String password, String displayName) {
        return Await.result(core.accounts.signUp().signUp(new SignUpCommand(email, password, displayName)));
    }

    @Test
    void signUp_withValidInput_returnsTheNewAccountWithNormalizedEmail() {
        Account account = signUp("  Reader@Example.COM ", "correct horse", "  Reader ");

        assertThat(account).isEqualTo(new Account("id-1", "reader@example.com", "Reader", MutableClock.DEFAULT_START));
    }

    @Test
    void signUp_withAKoreanDisplayName_keepsItAsGiven() {
        Account account = signUp("dokseo@example.kr", "비밀번호는아주길게", "김독서");

        assertThat(account.displayName()).isEqualTo("김독서");
        assertThat(Await.result(core.users.findById(account.id()))).get()
                .extracting(User::displayName).isEqualTo("김독서");
    }

    @Test
    void signUp_storesOnlyTheHashOfThePassword() {
        Account account = signUp("reader@example.com", "correct horse", "Reader");

        User stored = Await.result(core.users.findByEmail("reader@example.com")).orElseThrow();
        assertThat(stored.id()).isEqualTo(account.id());
        assertThat(stored.passwordHash())
                .isEqualTo(FakePasswordHasher.hashOf("correct horse"))
                .doesNotContain("correct horse");
        assertThat(core.hasher.hashCalls()).isEqualTo(1);
    }

    @Test
    void signUp_withAnEmailAlreadyInUse_failsWithEmailAlreadyTaken() {
        signUp("reader@example.com", "correct horse", "Reader");

        Await.failure(core.accounts.signUp().signUp(
                new SignUpCommand("reader@example.com", "another password", "Someone else")),
                EmailAlreadyTaken.class);
    }

    @Test
    void signUp_withTheSameEmailInAnotherCaseOrWithSpaces_failsWithEmailAlreadyTaken() {
        signUp("reader@example.com", "correct horse", "Reader");

        Await.failure(core.accounts.signUp().signUp(
                new SignUpCommand(" READER@example.com ", "another password", "Someone else")),
                EmailAlreadyTaken.class);
    }

    @Test
    void signUp_withADuplicateEmail_keepsTheFirstAccountUntouched() {
        Account first = signUp("reader@example.com", "correct horse", "Reader");
        core.accounts.signUp().signUp(new SignUpCommand("reader@example.com", "another password", "Impostor"))
                .toCompletableFuture().exceptionally(e -> null).join();

        User stored = Await.result(core.users.findByEmail("reader@example.com")).orElseThrow();
        assertThat(stored.toAccount()).isEqualTo(first);
        assertThat(stored.passwordHash()).isEqualTo(FakePasswordHasher.hashOf("correct horse"));
    }

    @Test
    void signUp_twoDifferentEmails_getDifferentIds() {
        Account a = signUp("a@example.com", "correct horse", "A");
        Account b = signUp("b@example.com", "correct horse", "B");

        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void signUp_thenLogIn_withTheSamePassword_succeeds() {
        Account account = signUp("Reader@Example.com", "correct horse", "Reader");

        Session session = Await.result(
                core.accounts.logIn().logIn(new LogInCommand("reader@example.com", "correct horse")));

        assertThat(session.account()).isEqualTo(account);
    }
}
