package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.bookshelf.api.security.TestTokens;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {
    private final ApiFixture fx = ApiFixture.start();
    private final String email = ApiFixture.newEmail();
    private final String token = fx.tokenFor(email);
    private final String userId = fx.get("/me").bearer(token).send().json().path("id").asText();

    private Answer me(String authorization) {
        return fx.get("/me").header("Authorization", authorization).send();
    }

    private static JsonNode assertUnauthenticated(Answer answer) {
        JsonNode problem = answer.assertProblem(401, "unauthenticated");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        return problem;
    }

    @Test
    void craftedTokenLikeOurs_isAccepted_soTheRefusalsBelowAreAboutTheDefectOnly() {
        String crafted = TestTokens.hs256(ApiFixture.SECRET, TestTokens.claims(userId, ApiFixture.START).build());

        assertThat(me("Bearer " + crafted).status()).isEqualTo(200);
    }

    @Test
    void bearerScheme_isCaseInsensitive() {
        assertThat(me("bearer " + token).status()).isEqualTo(200);
        assertThat(me("BEARER   " + token + "  ").status()).isEqualTo(200);
    }

    @Test
    void missingToken_answers401WithBearerChallenge() {
        Answer answer = fx.get("/me").send();

        JsonNode problem = assertUnauthenticated(answer);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"bookshelf\"");
        assertThat(problem.path("message").asText()).isEqualTo("Please log in again.");
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Bearer garbage", "Bearer a.b.c", "Bearer ", "Bearer", "Basic dXNlcjpwYXNz", "Token abc",
        "", "Bearer eyJhbGciOiJIUzI1NiJ9"})
    void garbageAuthorization_answers401InvalidToken(String authorization) {
        Answer answer = me(authorization);

        assertUnauthenticated(answer);
        assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void expiredToken_answers401() {
        fx.clock().advance(Duration.ofHours(1).plusSeconds(1));

        Answer answer = fx.get("/me").bearer(token).send();

        assertUnauthenticated(answer);
        assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void tokenStillValid_justBeforeExpiry() {
        fx.clock().advance(Duration.ofMinutes(59));

        assertThat(fx.get("/me").bearer(token).send().status()).isEqualTo(200);
    }

    @Test
    void craftedExpiredToken_answers401() {
        Instant past = ApiFixture.START.minus(Duration.ofHours(3));
        String expired = TestTokens.hs256(ApiFixture.SECRET, TestTokens.claims(userId, past).build());

        assertUnauthenticated(me("Bearer " + expired));
    }

    @Test
    void tokenNotYetValid_answers401() {
        Instant later = ApiFixture.START.plus(Duration.ofMinutes(10));
        String early = TestTokens.hs256(ApiFixture.SECRET, TestTokens.claims(userId, later).build());

        assertUnauthenticated(me("Bearer " + early));
    }

    @Test
    void tokenWithOtherHmacAlgorithmAndOurSecret_answers401() {
        String hs512 = TestTokens.hmac(JWSAlgorithm.HS512, ApiFixture.SECRET,
                TestTokens.claims(userId, ApiFixture.START).build());

        assertUnauthenticated(me("Bearer " + hs512));
    }

    @Test
    void tokenSignedWithRsa_answers401() {
        String rs256 = TestTokens.rs256(TestTokens.claims(userId, ApiFixture.START).build());

        assertUnauthenticated(me("Bearer " + rs256));
    }

    @Test
    void unsignedAlgNoneToken_answers401() {
        String none = TestTokens.unsigned(TestTokens.claims(userId, ApiFixture.START).build());

        assertUnauthenticated(me("Bearer " + none));
    }

    @Test
    void algNoneHeaderOnOurSignedToken_answers401() {
        String[] parts = token.split("\\.");
        String forged = TestTokens.b64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2];

        assertUnauthenticated(me("Bearer " + forged));
    }

    @Test
    void ourTokenWithStrippedSignature_answers401() {
        String stripped = token.substring(0, token.lastIndexOf('.') + 1);

        assertUnauthenticated(me("Bearer " + stripped));
    }

    @Test
    void tokenWithBadSignature_answers401() {
        assertUnauthenticated(me("Bearer " + TestTokens.badSignature(token)));
    }

    @Test
    void ourSignatureOverAnotherSubject_answers401() {
        Answer other = fx.signUp(ApiFixture.newEmail(), ApiFixture.PASSWORD, "Other");
        JWTClaimsSet claims = TestTokens.claims(other.json().path("id").asText(), ApiFixture.START).build();

        assertUnauthenticated(me("Bearer " + TestTokens.withPayload(token, claims)));
    }

    @Test
    void tokenOfAnotherSecret_answers401() {
        String foreign = TestTokens.hs256(ApiFixture.OTHER_SECRET, TestTokens.claims(userId, ApiFixture.START).build());

        assertUnauthenticated(me("Bearer " + foreign));
    }

    @Test
    void tokenFromAnotherDeploymentWithItsOwnSecret_answers401() {
        ApiFixture otherDeployment = ApiFixture.start(Map.of("TOKEN_SECRET", ApiFixture.OTHER_SECRET));
        String theirs = otherDeployment.newReaderToken();

        assertUnauthenticated(me("Bearer " + theirs));
    }

    @Test
    void tokenWithWrongIssuerOrAudience_answers401() {
        JWTClaimsSet issuer = TestTokens.claims(userId, ApiFixture.START).issuer("someone-else").build();
        JWTClaimsSet audience = TestTokens.claims(userId, ApiFixture.START).audience("another-api").build();

        assertUnauthenticated(me("Bearer " + TestTokens.hs256(ApiFixture.SECRET, issuer)));
        assertUnauthenticated(me("Bearer " + TestTokens.hs256(ApiFixture.SECRET, audience)));
    }

    @Test
    void validTokenForUnknownUser_answers401() {
        String ghost = TestTokens.hs256(ApiFixture.SECRET, TestTokens.claims("no-such-user", ApiFixture.START).build());

        assertUnauthenticated(me("Bearer " + ghost));
    }

    @Test
    void tokenWithoutExpiry_answers401() {
        JWTClaimsSet claims = TestTokens.claims(userId, ApiFixture.START).expirationTime(null).build();

        assertUnauthenticated(me("Bearer " + TestTokens.hs256(ApiFixture.SECRET, claims)));
    }

    @Test
    void everyAuthenticatedRoute_refusesAMissingToken() {
        String id = fx.addBook(token, "t", "READ");
        Answer[] answers = {
            fx.get("/me").send(),
            fx.get("/books").send(),
            fx.post("/books").json("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\"}").send(),
            fx.get("/books/" + id).send(),
            fx.patch("/books/" + id).ifMatch("\"1\"").json("{\"rating\":1}").send(),
            fx.delete("/books/" + id).send()};

        for (Answer answer : answers) {
            assertUnauthenticated(answer);
        }
        assertThat(fx.get("/books/" + id).bearer(token).send().header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void logIn_withWrongPasswordOrUnknownEmail_answersTheSameExceptRequestId() {
        Answer wrongPassword = fx.logIn(email, "not the password");
        Answer unknownEmail = fx.logIn("nobody@example.com", "not the password");

        JsonNode a = assertUnauthenticated(wrongPassword);
        JsonNode b = assertUnauthenticated(unknownEmail);
        assertThat(a.path("message").asText()).isEqualTo("The email or the password is wrong.");
        assertThat(withoutRequestId(a)).isEqualTo(withoutRequestId(b));
        assertThat(wrongPassword.response().headers().toBuilder().remove("X-Request-Id").build().asMap())
                .isEqualTo(unknownEmail.response().headers().toBuilder().remove("X-Request-Id").build().asMap());
        assertThat(wrongPassword.text()).doesNotContain(email);
    }

    @Test
    void logIn_isCaseInsensitiveOnEmail() {
        Answer answer = fx.logIn(email.toUpperCase(java.util.Locale.ROOT), ApiFixture.PASSWORD);

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void signUp_withTakenEmailInAnyCase_answers409() {
        Answer answer = fx.signUp(" " + email.toUpperCase(java.util.Locale.ROOT), ApiFixture.PASSWORD, "Copy");

        JsonNode problem = answer.assertProblem(409, "email-taken");
        assertThat(problem.path("message").asText()).isEqualTo("An account with this email already exists.");
        assertThat(fx.logIn(email, ApiFixture.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void signUp_withLongKoreanPassword_canLogInWithItButNotWithAVariant() {
        String password = "가나다라마바사아자차".repeat(10);
        String korean = ApiFixture.newEmail();

        assertThat(fx.signUp(korean, password, "긴 비밀번호").status()).isEqualTo(201);
        assertThat(fx.logIn(korean, password).status()).isEqualTo(200);
        assertThat(fx.logIn(korean, password.substring(0, 99) + "하").status()).isEqualTo(401);
    }

    @Test
    void session_expiresInMatchesTheTokenLifetimeSetting() {
        ApiFixture shortLived = ApiFixture.start(Map.of("TOKEN_TTL_SECONDS", "120"));
        String who = ApiFixture.newEmail();
        shortLived.signUp(who, ApiFixture.PASSWORD, "R");

        JsonNode session = shortLived.logIn(who, ApiFixture.PASSWORD).json();

        assertThat(session.path("expiresIn").asLong()).isBetween(119L, 120L);
        Instant expiresAt = Instant.parse(session.path("expiresAt").asText());
        assertThat(Date.from(expiresAt)).isEqualTo(Date.from(ApiFixture.START.plusSeconds(120).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)));
    }

    private static JsonNode withoutRequestId(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("requestId");
        return copy;
    }
}
