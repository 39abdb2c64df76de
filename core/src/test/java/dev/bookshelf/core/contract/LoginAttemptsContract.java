package dev.bookshelf.core.contract;

import static dev.bookshelf.core.contract.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.account.LoginAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LoginAttempts} must do; fresh keys, so repositories may share a store. */
public abstract class LoginAttemptsContract {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    protected LoginAttempts attempts;

    protected abstract LoginAttempts newRepository();

    @BeforeEach
    void createRepository() {
        attempts = newRepository();
    }

    private static String freshKey() {
        return "reader-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void theLimitIsTaken_thenTheNextAttemptWaitsUntilTheWindowEnds() {
        String key = freshKey();
        for (int i = 0; i < 3; i++) {
            assertThat(result(attempts.take(key, 3, WINDOW, T0.plusSeconds(i)))).isEmpty();
        }

        Optional<Duration> refused = result(attempts.take(key, 3, WINDOW, T0.plusSeconds(60)));

        assertThat(refused).contains(WINDOW.minusSeconds(60));
        assertThat(result(attempts.take(freshKey(), 3, WINDOW, T0))).isEmpty();
    }

    @Test
    void afterTheWindow_aNewWindowOpens() {
        String key = freshKey();
        result(attempts.take(key, 1, WINDOW, T0));
        assertThat(result(attempts.take(key, 1, WINDOW, T0.plus(WINDOW).minusMillis(1)))).isPresent();

        assertThat(result(attempts.take(key, 1, WINDOW, T0.plus(WINDOW)))).isEmpty();
        assertThat(result(attempts.take(key, 1, WINDOW, T0.plus(WINDOW).plusSeconds(1)))).isPresent();
    }

    @Test
    void clear_forgetsTheAttempts() {
        String key = freshKey();
        result(attempts.take(key, 1, WINDOW, T0));

        result(attempts.clear(key));

        assertThat(result(attempts.take(key, 1, WINDOW, T0.plusSeconds(1)))).isEmpty();
    }

    @Test
    void sixteenConcurrentAttempts_takeExactlyTheLimit() {
        String key = freshKey();

        List<Race.Outcome<Optional<Duration>>> outcomes = Race.run(16, i -> attempts.take(key, 5, WINDOW, T0));

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        assertThat(outcomes).filteredOn(o -> o.value().isEmpty()).hasSize(5);
    }
}
