package dev.bookshelf.core.book;

import static dev.bookshelf.core.shared.FieldError.Code.INVALID_CHECKSUM;
import static dev.bookshelf.core.shared.FieldError.Code.INVALID_FORMAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import dev.bookshelf.core.shared.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsbnTest {

    @ParameterizedTest
    @CsvSource({
        "0306406152, 0306406152",
        "0-306-40615-2, 0306406152",
        "0 306 40615 2, 0306406152",
        "080442957X, 080442957X",
        "0-8044-2957-x, 080442957X",
        "9780306406157, 9780306406157",
        "978-0-306-40615-7, 9780306406157",
        "978 0 306 40615 7, 9780306406157",
        "979-10-90636-07-1, 9791090636071"
    })
    void normalize_withAValidIsbn_returnsItsDigitsOnly(String raw, String normalized) {
        Validator v = new Validator();

        assertThat(Isbn.normalize(v, "isbn", raw)).isEqualTo(normalized);
        assertThatCode(v::done).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0306406153", "0-306-40615-3", "0804429571", "9780306406158", "978-0-306-40615-0",
        "9791090636072"})
    void normalize_withAWrongCheckDigit_isInvalidChecksum(String raw) {
        assertThat(errorOf(raw)).isEqualTo(FieldError.of("isbn", INVALID_CHECKSUM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "12345", "030640615", "03064061521", "978030640615", "97803064061570",
        "9770306406157", "1230306406157", "X306406152", "03064061X2", "abcdefghij", "ISBN 0306406152",
        "0306406152\t", "٠٣٠٦٤٠٦١٥٢", "0306406152 9780306406157"})
    void normalize_withoutTheShapeOfAnIsbn_isInvalidFormat(String raw) {
        assertThat(errorOf(raw)).isEqualTo(FieldError.of("isbn", INVALID_FORMAT));
    }

    @Test
    void normalize_ofNull_isNullWithoutError() {
        Validator v = new Validator();

        assertThat(Isbn.normalize(v, "isbn", null)).isNull();
        assertThatCode(v::done).doesNotThrowAnyException();
    }

    @Test
    void normalize_reportsUnderTheGivenFieldName() {
        Validator v = new Validator();
        Isbn.normalize(v, "books[0].isbn", "0306406153");

        assertThat(catchThrowableOfType(InvalidInput.class, v::done).errors())
                .containsExactly(FieldError.of("books[0].isbn", INVALID_CHECKSUM));
    }

    private static FieldError errorOf(String raw) {
        Validator v = new Validator();
        assertThat(Isbn.normalize(v, "isbn", raw)).isNull();
        InvalidInput failure = catchThrowableOfType(InvalidInput.class, v::done);
        assertThat(failure).as("validation failure for %s", raw).isNotNull();
        assertThat(failure.errors()).hasSize(1);
        return failure.errors().get(0);
    }
}
