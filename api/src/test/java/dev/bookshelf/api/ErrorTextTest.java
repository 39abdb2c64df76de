package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorTextTest {
    @Test
    void plainMessages_areKeptAsTheyAre() {
        assertThat(ErrorText.of(new IllegalStateException("a book with id 42 already exists")))
                .isEqualTo("a book with id 42 already exists");
        assertThat(ErrorText.of(new NullPointerException())).isNull();
        assertThat(ErrorText.of(new RuntimeException("  "))).isNull();
    }

    @Test
    void credentialsInAMessage_areRedacted() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        String text = ErrorText.of(new IllegalStateException("token " + jwt + " rejected; Authorization: Bearer abc.def"
                + " Basic dXNlcjpwYXNz, login password=hunter2 secret: s3cr3t api_key=AKIA123 token=\"tok-1\""));

        assertThat(text).doesNotContain("SflKxwRJ", "eyJzdWIi", "abc.def", "dXNlcjpwYXNz", "hunter2", "s3cr3t",
                "AKIA123", "tok-1").contains("[redacted]", "rejected", "login");
    }

    @Test
    void aJwtWithoutItsSignature_isStillRedacted() {
        assertThat(ErrorText.of(new IllegalStateException("unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0 refused")))
                .isEqualTo("unsigned [redacted] refused");
    }

    @Test
    void longMessages_areCut() {
        assertThat(ErrorText.of(new IllegalStateException("y".repeat(5_000))))
                .hasSize(ErrorText.MAX_CHARS + 3).endsWith("...");
    }
}
