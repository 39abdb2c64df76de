package dev.bookshelf.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BodyFieldsLimitTest {
    @Test
    void aBodyOfManyUnknownKeys_namesOnlyTheFirstFew_andLongNamesAreShortened() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 5000; i++) {
            json.append(i == 0 ? "" : ",").append("\"junk").append(i).append("\":1");
        }
        json.append(",\"").append("x".repeat(1000)).append("\":1}");
        BodyFields fields = new BodyFields(new Json().readObject(json.toString().getBytes(StandardCharsets.UTF_8)),
                Set.of("title"));

        InvalidInput e = catchThrowableOfType(InvalidInput.class, fields::done);

        assertThat(e.errors()).hasSize(BodyFields.MAX_UNKNOWN_REPORTED)
                .allMatch(err -> err.code() == FieldError.Code.UNKNOWN_FIELD && err.field().length() <= 65);
    }
}
