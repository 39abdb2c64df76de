package dev.bookshelf.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.bookshelf.core.account.TokenIssuer;
import dev.bookshelf.core.account.TokenVerifier;
import dev.bookshelf.core.shared.Unauthenticated;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * HS256 JSON Web Tokens via Nimbus JOSE+JWT. Verification accepts exactly HS256 with our issuer
 * and audience, a valid signature, and a current {@code exp}/{@code nbf}; {@code alg: none} and
 * algorithm switches are refused, and so is any spelling of a token other than the one issued.
 */
public final class JwtTokens implements TokenIssuer, TokenVerifier {
    static final String ISSUER = "bookshelf";
    static final String AUDIENCE = "bookshelf-api";

    /** Three unpadded base64url parts: the only spelling of a token we issue. */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    /** Ours are about 300 characters; anything far longer is not worth parsing. */
    private static final int MAX_TOKEN_LENGTH = 4096;
    /** Verified tokens remembered; a few hundred kilobytes at most. */
    static final int VERIFIED_CAPACITY = 1024;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    private final Duration ttl;
    private final VerifiedTokens verified = new VerifiedTokens(VERIFIED_CAPACITY);

    public JwtTokens(String secret, Duration ttl, Clock clock) {
        try {
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("token secret must be at least 32 bytes", e);
        }
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The claim carrying the account's token generation (see {@code User.tokenGeneration}). */
    static final String GENERATION = "gen";

    @Override
    public IssuedToken issue(String userId, long generation) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim(GENERATION, generation)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign token", e);
        }
        return new IssuedToken(jwt.serialize(), expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /**
     * Signature, claims and times; the remembered result of an earlier full check stands in for
     * the first two, never for the times. Whether the token was revoked is not decided here: the
     * core asks the store on every request, so remembering a token never lets a revoked one in.
     */
    @Override
    public VerifiedToken check(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        VerifiedTokens.Claims claims = verified.get(token);
        if (claims == null) {
            claims = verifySignatureAndClaims(token);
            verified.put(token, claims);
        }
        // The claims' times are whole milliseconds (they were Dates), so comparing the clock's
        // milliseconds decides as comparing instants would, without making one per request.
        long now = clock.millis();
        if (now >= claims.expiresAt().toEpochMilli()) {
            throw new Unauthenticated(Unauthenticated.Reason.EXPIRED_TOKEN);
        }
        if (claims.notBefore() != null && now < claims.notBefore().toEpochMilli()) {
            throw invalid();
        }
        return new VerifiedToken(claims.subject(), claims.tokenId(), claims.generation(), claims.expiresAt());
    }

    /** Number of verified tokens remembered (tests). */
    int rememberedTokens() {
        return verified.size();
    }

    /** The full check of a token not seen before; its times are checked by the caller. */
    private VerifiedTokens.Claims verifySignatureAndClaims(String token) {
        if (!COMPACT_JWS.matcher(token).matches()) {
            throw invalid();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!canonical(jwt.getParsedParts()) || !JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(verifier)) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
                    || !claims.getAudience().contains(AUDIENCE) || claims.getSubject() == null
                    || claims.getExpirationTime() == null || claims.getJWTID() == null) {
                throw invalid();
            }
            Long generation = claims.getLongClaim(GENERATION);
            Date notBefore = claims.getNotBeforeTime();
            return new VerifiedTokens.Claims(claims.getSubject(), claims.getJWTID(), generation == null ? 0 : generation,
                    notBefore == null ? null : notBefore.toInstant(), claims.getExpirationTime().toInstant());
        } catch (ParseException | JOSEException | RuntimeException e) {
            throw invalid();
        }
    }

    /**
     * True when each part is spelled exactly as base64url encodes its bytes: a lenient decoder
     * would otherwise accept other spellings (unused low bits in the last character) of one token.
     */
    private static boolean canonical(Base64URL[] parts) {
        for (Base64URL part : parts) {
            if (!Base64URL.encode(part.decode()).toString().equals(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static Unauthenticated invalid() {
        return new Unauthenticated(Unauthenticated.Reason.INVALID_TOKEN);
    }
}
