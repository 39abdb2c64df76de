package dev.bookshelf.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.core.account.TokenIssuer;
import dev.bookshelf.core.shared.Unauthenticated;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestFakesTest {

    @Test
    void fakeTokens_issuedToken_verifiesToTheSameUserId_evenWithDotsAndColonsInIt() {
        FakeTokens tokens = new FakeTokens(MutableClock.startingAtDefault());

        assertThat(tokens.verify(tokens.issue("user.with:odd/chars").token())).isEqualTo("user.with:odd/chars");
    }

    @Test
    void fakeTokens_expiresAfterItsTtlOnItsClock() {
        MutableClock clock = MutableClock.startingAtDefault();
        FakeTokens tokens = new FakeTokens(clock, Duration.ofMinutes(10));
        TokenIssuer.IssuedToken issued = tokens.issue("id-1");

        assertThat(issued.expiresAt()).isEqualTo(MutableClock.DEFAULT_START.plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(10));
        assertThat(catchThrowableOfType(Unauthenticated.class, () -> tokens.verify(issued.token())).reason())
                .isEqualTo(Unauthenticated.Reason.EXPIRED_TOKEN);
    }

    @Test
    void fakeTokens_withGarbage_failsWithInvalidToken() {
        FakeTokens tokens = new FakeTokens(MutableClock.startingAtDefault());

        assertThat(catchThrowableOfType(Unauthenticated.class, () -> tokens.verify("garbage")).reason())
                .isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        assertThat(catchThrowableOfType(Unauthenticated.class, () -> tokens.verify("fake.1.%%")).reason())
                .isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
    }

    @Test
    void fakePasswordHasher_verifiesItsOwnHash_refusesOthersAndNull_andCountsEveryCall() {
        FakePasswordHasher hasher = new FakePasswordHasher();
        String hash = hasher.hash("secret password");

        assertThat(hash).isEqualTo("fake$drowssap terces");
        assertThat(hasher.verify("secret password", hash)).isTrue();
        assertThat(hasher.verify("other password", hash)).isFalse();
        assertThat(hasher.verify("fake$dummy-hash-for-unknown-accounts", null)).isFalse();
        assertThat(hasher.hashCalls()).isEqualTo(1);
        assertThat(hasher.verifyCalls()).isEqualTo(3);
    }

    @Test
    void mutableClock_movesOnlyWhenTold_andZonedCopiesShareItsTime() {
        MutableClock clock = MutableClock.startingAtDefault();
        var seoul = clock.withZone(ZoneId.of("Asia/Seoul"));

        assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START);
        clock.advance(Duration.ofSeconds(90));
        assertThat(seoul.instant()).isEqualTo(MutableClock.DEFAULT_START.plusSeconds(90));
        assertThat(seoul.getZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
    }

    @Test
    void sequentialIds_countUpFromOne() {
        SequentialIds ids = new SequentialIds();

        assertThat(ids.newId()).isEqualTo("id-1");
        assertThat(ids.newId()).isEqualTo("id-2");
        assertThat(new SequentialIds("book-").newId()).isEqualTo("book-1");
    }
}
