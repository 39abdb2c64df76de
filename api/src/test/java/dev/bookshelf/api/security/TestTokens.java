package dev.bookshelf.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Crafts tokens, good and bad, the way an attacker or another service might. */
public final class TestTokens {
    public static final String ISSUER = JwtTokens.ISSUER;
    public static final String AUDIENCE = JwtTokens.AUDIENCE;

    private TestTokens() {
    }

    /** Claims exactly like ours: issued now, valid for an hour. */
    public static JWTClaimsSet.Builder claims(String subject, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID("test-jti");
    }

    public static String hmac(JWSAlgorithm alg, String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hs256(String secret, JWTClaimsSet claims) {
        return hmac(JWSAlgorithm.HS256, secret, claims);
    }

    /** RS256 with a freshly generated key: a valid JWS, just not ours. */
    public static String rs256(JWTClaimsSet claims) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            RSAPrivateKey key = (RSAPrivateKey) gen.generateKeyPair().getPrivate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, built by hand: header and payload, empty signature. */
    public static String unsigned(JWTClaimsSet claims) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims.toString()) + ".";
    }

    /** Our header and signature around a different payload. */
    public static String withPayload(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + b64(claims.toString()) + "." + parts[2];
    }

    /** The token with the first character of its signature changed (all 6 bits of it are significant). */
    public static String badSignature(String token) {
        int at = token.lastIndexOf('.') + 1;
        char first = token.charAt(at);
        return token.substring(0, at) + (first == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    public static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
