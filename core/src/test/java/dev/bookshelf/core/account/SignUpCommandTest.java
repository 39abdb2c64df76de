package dev.bookshelf.core.account;

import static dev.bookshelf.core.shared.FieldError.Code.INVALID_FORMAT;
import static dev.bookshelf.core.shared.FieldError.Code.REQUIRED;
import static dev.bookshelf.core.shared.FieldError.Code.TOO_LONG;
import static dev.bookshelf.core.shared.FieldError.Code.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignUpCommandTest {
    private static final String EMAIL = "reader@example.com";
    private static final String PASSWORD = "correct horse";
    private static final String NAME = "Reader";

    @Test
    void email_isTrimmedAndLowerCased() {
        SignUpCommand command = new SignUpCommand("  Reader@Example.COM \t", PASSWORD, NAME);

        assertThat(command.email()).isEqualTo("reader@example.com");
    }

    @Test
    void displayName_isStripped() {
        assertThat(new SignUpCommand(EMAIL, PASSWORD, "  Reader  ").displayName()).isEqualTo("Reader");
    }

    @Test
    void displayName_inKorean_isAccepted() {
        assertThat(new SignUpCommand(EMAIL, PASSWORD, "김독서").displayName()).isEqualTo("김독서");
    }

    @Test
    void displayName_ofOneAndOfFiftyCharacters_isAccepted() {
        assertThat(new SignUpCommand(EMAIL, PASSWORD, "a").displayName()).isEqualTo("a");
        assertThat(new SignUpCommand(EMAIL, PASSWORD, "가".repeat(50)).displayName()).hasSize(50);
    }

    @Test
    void displayName_ofFiftyOneCharacters_isTooLong() {
        assertThat(errors(EMAIL, PASSWORD, "가".repeat(51)))
                .containsExactly(FieldError.bounded("displayName", TOO_LONG, 1, 50));
    }

    @Test
    void displayName_blank_isTooShort_andMissing_isRequired() {
        assertThat(errors(EMAIL, PASSWORD, "   "))
                .containsExactly(FieldError.bounded("displayName", TOO_SHORT, 1, 50));
        assertThat(errors(EMAIL, PASSWORD, null)).containsExactly(FieldError.of("displayName", REQUIRED));
    }

    @Test
    void password_ofEightAndOf128CodePoints_isAccepted() {
        assertThat(new SignUpCommand(EMAIL, "12345678", NAME).password()).isEqualTo("12345678");
        assertThat(new SignUpCommand(EMAIL, "p".repeat(128), NAME).password()).hasSize(128);
        assertThat(new SignUpCommand(EMAIL, "비밀번호비밀번호", NAME).password()).isEqualTo("비밀번호비밀번호");
    }

    @Test
    void password_ofSevenCodePoints_isTooShort() {
        assertThat(errors(EMAIL, "1234567", NAME))
                .containsExactly(FieldError.bounded("password", TOO_SHORT, 8, 128));
    }

    @Test
    void password_ofFourEmoji_isTooShort_becauseLengthCountsCodePointsNotUtf16Units() {
        String fourEmoji = "😀😀😀😀";
        assertThat(fourEmoji).hasSize(8);

        assertThat(errors(EMAIL, fourEmoji, NAME))
                .containsExactly(FieldError.bounded("password", TOO_SHORT, 8, 128));
    }

    @Test
    void password_of128Emoji_isAccepted_and129_isTooLong() {
        assertThat(new SignUpCommand(EMAIL, "😀".repeat(128), NAME).password()).hasSize(256);
        assertThat(errors(EMAIL, "😀".repeat(129), NAME))
                .containsExactly(FieldError.bounded("password", TOO_LONG, 8, 128));
    }

    @Test
    void password_missing_isRequired() {
        assertThat(errors(EMAIL, null, NAME)).containsExactly(FieldError.of("password", REQUIRED));
    }

    @Test
    void password_isNotTrimmed() {
        assertThat(new SignUpCommand(EMAIL, " spaced out ", NAME).password()).isEqualTo(" spaced out ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reader", "reader@", "@example.com", "reader@example", "reader@@example.com",
        "re ader@example.com", "reader@exa mple.com", ".reader@example.com", "reader.@example.com",
        "re..ader@example.com", "reader@example..com", "reader@-example.com", "reader@example-.com",
        "reader@example.com.", "독자@example.com", "reader@예시.com", "reader@example_co.com"})
    void email_withABrokenShape_isInvalidFormat(String email) {
        assertThat(errors(email, PASSWORD, NAME)).containsExactly(FieldError.of("email", INVALID_FORMAT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reader@example.com", "first.last@example.co.kr", "reader+books@mail.example.org",
        "r@e.io", "o'brien@example.com", "12345@123.example"})
    void email_withACommonShape_isAccepted(String email) {
        assertThat(new SignUpCommand(email, PASSWORD, NAME).email()).isEqualTo(email);
    }

    @Test
    void email_missingOrBlank_isRequired() {
        assertThat(errors(null, PASSWORD, NAME)).containsExactly(FieldError.of("email", REQUIRED));
        assertThat(errors("   ", PASSWORD, NAME)).containsExactly(FieldError.of("email", REQUIRED));
    }

    @Test
    void email_longerThan254Characters_isTooLong() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";
        assertThat(email).hasSizeGreaterThan(254);

        assertThat(errors(email, PASSWORD, NAME)).containsExactly(FieldError.bounded("email", TOO_LONG, 3, 254));
    }

    @Test
    void everyBrokenField_isReportedTogether() {
        assertThat(errors("not-an-email", "short", " "))
                .containsExactly(FieldError.of("email", INVALID_FORMAT),
                        FieldError.bounded("password", TOO_SHORT, 8, 128),
                        FieldError.bounded("displayName", TOO_SHORT, 1, 50));
    }

    @Test
    void toString_neverShowsThePassword() {
        assertThat(new SignUpCommand(EMAIL, "hunter2-secret", NAME).toString())
                .doesNotContain("hunter2-secret")
                .contains(EMAIL);
    }

    private static List<FieldError> errors(String email, String password, String displayName) {
        InvalidInput failure = catchThrowableOfType(InvalidInput.class,
                () -> new SignUpCommand(email, password, displayName));
        assertThat(failure).as("validation failure").isNotNull();
        return failure.errors();
    }
}
