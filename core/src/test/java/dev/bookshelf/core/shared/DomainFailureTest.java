package dev.bookshelf.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainFailureTest {

    @Test
    void everyDomainFailure_isCreatedWithoutAStackTrace() {
        List<DomainFailure> failures = List.of(new EmailAlreadyTaken(), NotFound.book(),
                new VersionConflict(1, 2), new Unauthenticated(Unauthenticated.Reason.MISSING_TOKEN),
                InvalidInput.of("title", FieldError.Code.REQUIRED));

        assertThat(failures).allSatisfy(f -> assertThat(f.getStackTrace()).isEmpty());
    }

    @Test
    void invalidInput_keepsAnImmutableCopyOfItsErrors() {
        List<FieldError> errors = new ArrayList<>(List.of(FieldError.of("title", FieldError.Code.REQUIRED)));
        InvalidInput failure = new InvalidInput(errors);
        errors.add(FieldError.of("author", FieldError.Code.REQUIRED));

        assertThat(failure.errors()).containsExactly(FieldError.of("title", FieldError.Code.REQUIRED));
        assertThatThrownBy(() -> failure.errors().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void versionConflict_carriesTheExpectedAndTheCurrentVersion() {
        VersionConflict conflict = new VersionConflict(3, 5);

        assertThat(conflict.expected()).isEqualTo(3);
        assertThat(conflict.current()).isEqualTo(5);
        assertThat(conflict).hasMessageContaining("3").hasMessageContaining("5");
    }

    @Test
    void notFoundBook_namesItsKind() {
        assertThat(NotFound.book().kind()).isEqualTo("book");
    }

    @Test
    void unauthenticated_keepsItsReasonForTheLogs() {
        assertThat(new Unauthenticated(Unauthenticated.Reason.EXPIRED_TOKEN).reason())
                .isEqualTo(Unauthenticated.Reason.EXPIRED_TOKEN);
    }

    @Test
    void fieldErrorOf_hasNoBounds_andBounded_carriesThem() {
        assertThat(FieldError.of("isbn", FieldError.Code.INVALID_CHECKSUM))
                .isEqualTo(new FieldError("isbn", FieldError.Code.INVALID_CHECKSUM, null, null));
        assertThat(FieldError.bounded("title", FieldError.Code.TOO_LONG, 1, 200))
                .isEqualTo(new FieldError("title", FieldError.Code.TOO_LONG, 1, 200));
    }
}
