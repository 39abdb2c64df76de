package dev.bookshelf.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bookshelf.core.account.TokenIssuer;
import dev.bookshelf.core.shared.Unauthenticated;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JwtTokensTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-25T15:20:00Z");
    private static final Duration TTL = Duration.ofHours(1);

    private static JwtTokens at(Instant instant) {
        return new JwtTokens(SECRET, TTL, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static Unauthenticated.Reason refusal(JwtTokens tokens, String token) {
        Unauthenticated refused = catchThrowableOfType(Unauthenticated.class, () -> tokens.verify(token));
        assertThat(refused).as("token should have been refused: %s", token).isNotNull();
        return refused.reason();
    }

    @Test
    void issuedToken_verifiesBackToItsSubject() {
        TokenIssuer.IssuedToken issued = at(NOW).issue("user-42");

        assertThat(at(NOW).verify(issued.token())).isEqualTo("user-42");
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void issuedToken_isHs256WithOurClaims() throws ParseException {
        SignedJWT jwt = SignedJWT.parse(at(NOW).issue("user-42").token());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(claims.getIssuer()).isEqualTo("bookshelf");
        assertThat(claims.getAudience()).containsExactly("bookshelf-api");
        assertThat(claims.getSubject()).isEqualTo("user-42");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(TTL));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void twoTokensForOneUser_differ() {
        JwtTokens tokens = at(NOW);

        assertThat(tokens.issue("u").token()).isNotEqualTo(tokens.issue("u").token());
    }

    @Test
    void token_isValidUntilJustBeforeExpiry_andExpiredFromThen() {
        String token = at(NOW).issue("u").token();

        assertThat(at(NOW.plus(TTL).minusSeconds(1)).verify(token)).isEqualTo("u");
        assertThat(refusal(at(NOW.plus(TTL)), token)).isEqualTo(Unauthenticated.Reason.EXPIRED_TOKEN);
        assertThat(refusal(at(NOW.plus(Duration.ofDays(30))), token)).isEqualTo(Unauthenticated.Reason.EXPIRED_TOKEN);
    }

    @Test
    void tokenWithNotBeforeInTheFuture_isInvalid() {
        String early = TestTokens.hs256(SECRET, TestTokens.claims("u", NOW.plus(Duration.ofMinutes(5))).build());

        assertThat(refusal(at(NOW), early)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        assertThat(at(NOW.plus(Duration.ofMinutes(5))).verify(early)).isEqualTo("u");
    }

    @Test
    void tokenIssuedByTheClockOfTheFuture_isNotYetValid() {
        String fromTheFuture = at(NOW.plus(Duration.ofMinutes(1))).issue("u").token();

        assertThat(refusal(at(NOW), fromTheFuture)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
    }

    @Test
    void tamperedPayload_isInvalid() {
        String token = at(NOW).issue("alice").token();
        String tampered = TestTokens.withPayload(token, TestTokens.claims("mallory", NOW).build());

        assertThat(refusal(at(NOW), tampered)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
    }

    @Test
    void tamperedSignature_isInvalid() {
        String token = at(NOW).issue("alice").token();

        assertThat(refusal(at(NOW), TestTokens.badSignature(token))).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
    }

    @Test
    void tokenOfAnotherSecret_isInvalid() {
        String foreign = new JwtTokens(SECRET.replace('0', 'x'), TTL, Clock.fixed(NOW, ZoneOffset.UTC)).issue("u").token();

        assertThat(refusal(at(NOW), foreign)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
    }

    @Test
    void otherAlgorithms_areRefusedEvenWithOurSecret() {
        JWTClaimsSet claims = TestTokens.claims("u", NOW).build();

        assertThat(refusal(at(NOW), TestTokens.hmac(JWSAlgorithm.HS384, SECRET, claims)))
                .isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        assertThat(refusal(at(NOW), TestTokens.hmac(JWSAlgorithm.HS512, SECRET, claims)))
                .isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        assertThat(refusal(at(NOW), TestTokens.rs256(claims))).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
    }

    @Test
    void algNone_isRefused() {
        JWTClaimsSet claims = TestTokens.claims("u", NOW).build();
        String token = at(NOW).issue("u").token();
        String noneWithOurSignature = TestTokens.b64("{\"alg\":\"none\"}") + token.substring(token.indexOf('.'));

        assertThat(refusal(at(NOW), TestTokens.unsigned(claims))).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        assertThat(refusal(at(NOW), noneWithOurSignature)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
    }

    @Test
    void missingOrForeignClaims_areInvalid() {
        JwtTokens tokens = at(NOW);

        for (JWTClaimsSet claims : new JWTClaimsSet[] {
            TestTokens.claims("u", NOW).issuer("other").build(),
            TestTokens.claims("u", NOW).issuer(null).build(),
            TestTokens.claims("u", NOW).audience("other-api").build(),
            TestTokens.claims("u", NOW).audience((String) null).build(),
            TestTokens.claims(null, NOW).build(),
            TestTokens.claims("u", NOW).expirationTime(null).build()}) {
            assertThat(refusal(tokens, TestTokens.hs256(SECRET, claims))).as("%s", claims)
                    .isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        }
    }

    @Test
    void audienceListIncludingOurs_isAccepted() {
        JWTClaimsSet claims = TestTokens.claims("u", NOW)
                .audience(java.util.List.of("other-api", "bookshelf-api")).build();

        assertThat(at(NOW).verify(TestTokens.hs256(SECRET, claims))).isEqualTo("u");
    }

    @Test
    void garbage_isInvalidNeverAnotherException() {
        JwtTokens tokens = at(NOW);

        for (String garbage : new String[] {"", "x", "a.b.c", "a.b", "....", "eyJhbGciOiJIUzI1NiJ9.e30.", "한글.토큰.값",
            "eyJ9.eyJ9.eyJ9"}) {
            assertThat(refusal(tokens, garbage)).as(garbage).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
        }
        assertThat(refusal(tokens, null)).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN);
    }

    @Test
    void secretShorterThan32Bytes_isRefused() {
        assertThatThrownBy(() -> new JwtTokens("too-short", TTL, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
