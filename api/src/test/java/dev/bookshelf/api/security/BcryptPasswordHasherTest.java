package dev.bookshelf.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void hash_verifiesWithTheSamePasswordOnly() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void hash_isSaltedBcrypt2bOfTheConfiguredCost() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");

        assertThat(first).startsWith("$2b$04$").hasSize(60).isNotEqualTo(second);
        assertThat(hasher.cost()).isEqualTo(4);
        assertThat(hasher.verify("same password", second)).isTrue();
    }

    @Test
    void nullHash_ofAnUnknownAccount_isNeverVerified() {
        assertThat(hasher.verify("anything", null)).isFalse();
        assertThat(hasher.verify("dummy password for unknown accounts", null)).isFalse();
    }

    @Test
    void unknownAccount_isVerifiedAgainstAWellFormedHashOfTheConfiguredCost() {
        for (int cost : new int[] {4, 10, 12}) {
            String dummy = new BcryptPasswordHasher(cost).dummyHash();

            assertThat(dummy).hasSize(60).startsWith(String.format("$2b$%02d$", cost));
            BCrypt.Result result = BCrypt.verifyer().verify("dummy password for unknown accounts".toCharArray(),
                    dummy.toCharArray());
            assertThat(result.validFormat).isTrue();
            assertThat(result.details.cost).isEqualTo(cost);
        }
    }

    @Test
    void dummyHash_isTheSameShapeAsARealHash_soBothVerificationsCostOneBcryptOfTheCost() {
        BcryptPasswordHasher standard = new BcryptPasswordHasher(BcryptPasswordHasher.DEFAULT_COST);
        String real = standard.hash("some password");

        assertThat(standard.dummyHash()).hasSameSizeAs(real).startsWith(real.substring(0, 7));
        assertThat(BCrypt.verifyer().verify("x".toCharArray(), standard.dummyHash().toCharArray()).details.cost)
                .isEqualTo(BCrypt.verifyer().verify("x".toCharArray(), real.toCharArray()).details.cost);
    }

    @Test
    void costOutsideBcryptsRange_isRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BcryptPasswordHasher(3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hundredCharacterKoreanPassword_worksBeyondBcrypts72Bytes() {
        String password = "한강의채식주의자읽기".repeat(10);
        String sameFirst72Bytes = password.substring(0, 99) + "가";
        assertThat(password).hasSize(100);
        assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(300);

        String hash = hasher.hash(password);

        assertThat(hasher.verify(password, hash)).isTrue();
        assertThat(hasher.verify(sameFirst72Bytes, hash)).isFalse();
        assertThat(hasher.verify(password.substring(0, 24), hash)).isFalse();
    }

    @Test
    void longAsciiPasswords_differingOnlyAfterByte72_areDifferent() {
        String base = "a".repeat(80);

        String hash = hasher.hash(base + "1");

        assertThat(hasher.verify(base + "1", hash)).isTrue();
        assertThat(hasher.verify(base + "2", hash)).isFalse();
    }

    @Test
    void hashOfTheDefaultCost_isAccepted() {
        BcryptPasswordHasher standard = new BcryptPasswordHasher(BcryptPasswordHasher.DEFAULT_COST);

        assertThat(standard.hash("pw-12345")).startsWith("$2b$10$");
    }
}
