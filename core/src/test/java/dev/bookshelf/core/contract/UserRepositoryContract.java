package dev.bookshelf.core.contract;

import static dev.bookshelf.core.contract.Await.failure;
import static dev.bookshelf.core.contract.Await.result;
import static dev.bookshelf.core.contract.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.account.User;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.shared.EmailAlreadyTaken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} must do. Extend it with a factory for a fresh repository;
 * the tests use fresh ids and emails, so repositories may share one store.
 */
public abstract class UserRepositoryContract {
    private static final int CONTENDERS = 16;

    protected UserRepository users;

    /** A repository ready for use; called before every test. */
    protected abstract UserRepository newRepository();

    @BeforeEach
    void createRepository() {
        users = newRepository();
    }

    @Test
    void insert_thenFindById_returnsTheSameUser() {
        User user = aUser().build();

        result(users.insert(user));

        assertThat(result(users.findById(user.id()))).contains(user);
    }

    @Test
    void insert_thenFindByEmail_returnsTheSameUser() {
        User user = aUser().build();

        result(users.insert(user));

        assertThat(result(users.findByEmail(user.email()))).contains(user);
    }

    @Test
    void find_ofUnknownUser_isEmpty() {
        assertThat(result(users.findById("no-such-user-" + java.util.UUID.randomUUID()))).isEmpty();
        assertThat(result(users.findByEmail(TestUsers.freshEmail()))).isEmpty();
    }

    @Test
    void insert_ofSeveralUsers_keepsEachOneApart() {
        User first = aUser().displayName("First").build();
        User second = aUser().displayName("Second").build();

        result(users.insert(first));
        result(users.insert(second));

        assertThat(result(users.findById(first.id()))).contains(first);
        assertThat(result(users.findById(second.id()))).contains(second);
        assertThat(result(users.findByEmail(second.email()))).contains(second);
    }

    @Test
    void insert_withAnEmailAlreadyTaken_failsWithEmailAlreadyTaken_andKeepsTheFirstUser() {
        User first = aUser().build();
        User second = aUser().email(first.email()).displayName("Impostor").build();
        result(users.insert(first));

        Throwable failure = failure(users.insert(second));

        assertThat(failure).isInstanceOf(EmailAlreadyTaken.class);
        assertThat(result(users.findByEmail(first.email()))).contains(first);
        assertThat(result(users.findById(second.id()))).isEmpty();
    }

    @Test
    void insert_sameEmailFromSixteenParallelInserts_exactlyOneWins_andTheOthersFailWithEmailAlreadyTaken() {
        String email = TestUsers.freshEmail();
        List<User> contenders = java.util.stream.IntStream.range(0, CONTENDERS)
                .mapToObj(i -> aUser().email(email).displayName("Contender " + i).build())
                .collect(Collectors.toList());

        List<Race.Outcome<Void>> outcomes = Race.run(CONTENDERS, i -> users.insert(contenders.get(i)));

        List<Race.Outcome<Void>> winners = outcomes.stream().filter(Race.Outcome::succeeded)
                .collect(Collectors.toList());
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .hasSize(CONTENDERS - 1)
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(EmailAlreadyTaken.class));
        User winner = contenders.get(winners.get(0).contender());
        assertThat(result(users.findByEmail(email))).contains(winner);
        for (User contender : contenders) {
            Optional<User> stored = result(users.findById(contender.id()));
            assertThat(stored).isEqualTo(contender == winner ? Optional.of(winner) : Optional.empty());
        }
    }

    @Test
    void koreanAndEmojiDisplayName_roundTripsExactly() {
        String name = "김지영 \uD83D\uDCDA 책벌레 \u1100\u1161\u11A8 \uD83D\uDC69\u200D\uD83D\uDC67";
        User user = aUser().displayName(name).build();

        result(users.insert(user));

        User stored = result(users.findById(user.id())).orElseThrow();
        assertThat(stored.displayName()).isEqualTo(name);
        assertThat(stored.displayName().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(name.getBytes(StandardCharsets.UTF_8));
        assertThat(result(users.findByEmail(user.email())).orElseThrow().displayName()).isEqualTo(name);
    }

    @Test
    void creationTime_roundTripsToTheNanosecond() {
        Instant createdAt = Instant.parse("2031-02-03T04:05:06.000000789Z");
        User user = aUser().createdAt(createdAt).build();

        result(users.insert(user));

        assertThat(result(users.findById(user.id())).orElseThrow().createdAt()).isEqualTo(createdAt);
    }

    @Test
    void changePassword_setsTheHashAndTheNextGeneration_seenByIdAndByEmail() {
        User user = aUser().build();
        result(users.insert(user));

        assertThat(result(users.changePassword(user, "new-hash"))).isTrue();
        assertThat(result(users.changePassword(user, "newer-hash"))).isTrue();

        User byId = result(users.findById(user.id())).orElseThrow();
        assertThat(byId.passwordHash()).isEqualTo("newer-hash");
        assertThat(byId.tokenGeneration()).isEqualTo(2);
        assertThat(result(users.findByEmail(user.email()))).contains(byId);
    }

    @Test
    void changePassword_ofAnUnknownOrClosingUser_changesNothing() {
        User unknown = aUser().build();
        User closing = aUser().build();
        result(users.insert(closing));
        result(users.beginClosing(closing));

        assertThat(result(users.changePassword(unknown, "h"))).isFalse();
        assertThat(result(users.changePassword(closing, "h"))).isFalse();
        assertThat(result(users.findById(closing.id())).orElseThrow().passwordHash()).isEqualTo(closing.passwordHash());
    }

    @Test
    void beginClosing_marksTheUserClosingWithTheNextGeneration_andIsHarmlessTwice() {
        User user = aUser().build();
        result(users.insert(user));

        assertThat(result(users.beginClosing(user))).isTrue();
        assertThat(result(users.beginClosing(user))).isTrue();

        User stored = result(users.findById(user.id())).orElseThrow();
        assertThat(stored.closing()).isTrue();
        assertThat(stored.tokenGeneration()).isGreaterThanOrEqualTo(1);
        assertThat(result(users.findByEmail(user.email())).orElseThrow().closing()).isTrue();
        assertThat(result(users.beginClosing(aUser().build()))).isFalse();
    }

    @Test
    void delete_erasesTheUserAndFreesItsEmail_andIsHarmlessTwice() {
        User user = aUser().build();
        result(users.insert(user));
        result(users.beginClosing(user));

        result(users.delete(user));
        result(users.delete(user));

        assertThat(result(users.findById(user.id()))).isEmpty();
        assertThat(result(users.findByEmail(user.email()))).isEmpty();
        User again = aUser().email(user.email()).build();
        result(users.insert(again));
        assertThat(result(users.findByEmail(user.email()))).contains(again);
    }

    @Test
    void delete_ofAnOldAccount_neverTouchesTheNewAccountOfTheSameEmail() {
        User old = aUser().build();
        result(users.insert(old));
        result(users.delete(old));
        User current = aUser().email(old.email()).build();
        result(users.insert(current));

        result(users.delete(old));

        assertThat(result(users.findByEmail(old.email()))).contains(current);
    }
}
