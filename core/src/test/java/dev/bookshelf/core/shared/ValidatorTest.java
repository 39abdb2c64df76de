package dev.bookshelf.core.shared;

import static dev.bookshelf.core.shared.FieldError.Code.INVALID_FORMAT;
import static dev.bookshelf.core.shared.FieldError.Code.OUT_OF_RANGE;
import static dev.bookshelf.core.shared.FieldError.Code.REQUIRED;
import static dev.bookshelf.core.shared.FieldError.Code.TOO_LONG;
import static dev.bookshelf.core.shared.FieldError.Code.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    @Test
    void done_withNoBrokenRule_doesNotThrow() {
        Validator v = new Validator();
        v.text("name", "ok", 1, 5);
        v.optionalText("note", null, 0, 5);
        v.optionalRange("rating", null, 1, 5);
        v.require("status", "x");

        assertThatCode(v::done).doesNotThrowAnyException();
    }

    @Test
    void done_withSeveralBrokenRules_throwsOnceWithAllOfThemInOrder() {
        Validator v = new Validator();
        v.text("title", null, 1, 5);
        v.text("author", "toolong", 1, 5);
        v.optionalRange("rating", 9, 1, 5);
        v.require("status", null);

        assertThat(errorsOf(v)).containsExactly(
                FieldError.of("title", REQUIRED),
                FieldError.bounded("author", TOO_LONG, 1, 5),
                FieldError.bounded("rating", OUT_OF_RANGE, 1, 5),
                FieldError.of("status", REQUIRED));
    }

    @Test
    void text_returnsTheValueUnchanged() {
        Validator v = new Validator();

        assertThat(v.text("name", " padded ", 1, 10)).isEqualTo(" padded ");
    }

    @Test
    void text_countsCodePointsNotUtf16Units_soEmojiAndHangulCountOnceEach() {
        Validator v = new Validator();
        v.text("a", "😀😀😀", 3, 3);
        v.text("b", "한국어", 3, 3);

        assertThatCode(v::done).doesNotThrowAnyException();
    }

    @Test
    void text_atBothBounds_passes_andJustOutside_failsWithTheBounds() {
        Validator ok = new Validator();
        ok.text("f", "ab", 2, 4);
        ok.text("g", "abcd", 2, 4);
        assertThatCode(ok::done).doesNotThrowAnyException();

        Validator bad = new Validator();
        bad.text("f", "a", 2, 4);
        bad.text("g", "abcde", 2, 4);
        assertThat(errorsOf(bad)).containsExactly(
                FieldError.bounded("f", TOO_SHORT, 2, 4),
                FieldError.bounded("g", TOO_LONG, 2, 4));
    }

    @Test
    void text_blankWhenAtLeastOneCharacterIsRequired_isTooShort() {
        Validator v = new Validator();
        v.text("title", "   ", 1, 10);

        assertThat(errorsOf(v)).containsExactly(FieldError.bounded("title", TOO_SHORT, 1, 10));
    }

    @Test
    void optionalText_emptyWhenZeroIsAllowed_passes() {
        Validator v = new Validator();
        v.optionalText("note", "", 0, 10);

        assertThatCode(v::done).doesNotThrowAnyException();
    }

    @Test
    void optionalText_withANulCharacter_isInvalidFormat() {
        Validator v = new Validator();
        v.optionalText("note", "a\u0000b", 0, 10);

        assertThat(errorsOf(v)).containsExactly(FieldError.of("note", INVALID_FORMAT));
    }

    @Test
    void optionalRange_atBounds_passes_andOutside_isOutOfRange() {
        Validator v = new Validator();
        v.optionalRange("r", 1, 1, 5);
        v.optionalRange("r", 5, 1, 5);
        assertThatCode(v::done).doesNotThrowAnyException();

        v.optionalRange("r", 0, 1, 5);
        v.optionalRange("r", 6, 1, 5);
        assertThat(errorsOf(v)).containsExactly(
                FieldError.bounded("r", OUT_OF_RANGE, 1, 5),
                FieldError.bounded("r", OUT_OF_RANGE, 1, 5));
    }

    @Test
    void check_recordsTheCodeOnlyWhenTheConditionIsFalse() {
        Validator v = new Validator();
        v.check(true, "a", INVALID_FORMAT);
        v.check(false, "b", INVALID_FORMAT);

        assertThat(errorsOf(v)).containsExactly(FieldError.of("b", INVALID_FORMAT));
    }

    @Test
    void invalidInput_withoutAnyFieldError_isRefused() {
        assertThatThrownBy(() -> new InvalidInput(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<FieldError> errorsOf(Validator v) {
        Throwable thrown = catchThrowable(v::done);
        assertThat(thrown).isInstanceOf(InvalidInput.class);
        return ((InvalidInput) thrown).errors();
    }
}
