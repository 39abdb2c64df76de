package dev.bookshelf.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.api.support.MutableClock;
import dev.bookshelf.core.shared.Unauthenticated;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The memory of verified tokens changes nothing about which tokens are accepted, and stays bounded. */
class VerifiedTokensTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-25T15:20:00Z");
    private static final Duration TTL = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(NOW);
    private final JwtTokens tokens = new JwtTokens(SECRET, TTL, clock);

    @Test
    void rememberedToken_stillExpiresOnTime() {
        String token = tokens.issue("u").token();
        assertThat(tokens.verify(token)).isEqualTo("u");
        assertThat(tokens.rememberedTokens()).isEqualTo(1);

        clock.advance(TTL.minusSeconds(1));
        assertThat(tokens.verify(token)).isEqualTo("u");
        clock.advance(Duration.ofSeconds(1));

        assertThat(refusal(token)).isEqualTo(Unauthenticated.Reason.EXPIRED_TOKEN);
    }

    @Test
    void rememberedToken_isStillNotValidBeforeItsNotBefore() {
        String token = new JwtTokens(SECRET, TTL, new MutableClock(NOW.plusSeconds(60))).issue("u").token();

        assertThat(refusal(token)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        assertThat(refusal(token)).as("second time, remembered").isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        clock.advance(Duration.ofSeconds(60));
        assertThat(tokens.verify(token)).isEqualTo("u");
    }

    @Test
    void otherSpellingsOfARememberedToken_areStillRefused() {
        String token = tokens.issue("u").token();
        tokens.verify(token);
        char last = token.charAt(token.length() - 1);
        String otherLastChar = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(refusal(otherLastChar)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        assertThat(refusal(token + "=")).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        assertThat(refusal(" " + token)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        assertThat(tokens.rememberedTokens()).isEqualTo(1);
    }

    @Test
    void tokenWithTheSameSignatureButAnotherPayload_isRefusedThoughItHashesAlike() {
        String token = tokens.issue("u").token();
        tokens.verify(token);
        int payload = token.indexOf('.') + 1;
        char c = token.charAt(payload);
        String otherPayload = token.substring(0, payload) + (c == 'e' ? 'f' : 'e') + token.substring(payload + 1);

        assertThat(VerifiedTokens.tailHash(otherPayload)).isEqualTo(VerifiedTokens.tailHash(token));
        assertThat(refusal(otherPayload)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        assertThat(tokens.rememberedTokens()).isEqualTo(1);
    }

    @Test
    void refusedTokens_areNeverRemembered() {
        String foreign = new JwtTokens(SECRET.replace('0', 'x'), TTL, clock).issue("u").token();

        refusal(foreign);
        refusal(foreign);

        assertThat(tokens.rememberedTokens()).isZero();
    }

    @Test
    void memory_isBoundedWhateverTheNumberOfTokens() {
        for (int i = 0; i < JwtTokens.VERIFIED_CAPACITY * 3 + 7; i++) {
            String token = tokens.issue("user-" + i).token();
            assertThat(tokens.verify(token)).isEqualTo("user-" + i);
            assertThat(tokens.rememberedTokens()).isLessThanOrEqualTo(JwtTokens.VERIFIED_CAPACITY);
        }
        String first = tokens.issue("again").token();
        assertThat(tokens.verify(first)).isEqualTo("again");
    }

    private Unauthenticated.Reason refusal(String token) {
        Unauthenticated refused = catchThrowableOfType(Unauthenticated.class, () -> tokens.verify(token));
        assertThat(refused).as("token should have been refused: %s", token).isNotNull();
        return refused.reason();
    }
}
