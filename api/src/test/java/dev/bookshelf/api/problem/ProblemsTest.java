package dev.bookshelf.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.json.Json;
import dev.bookshelf.core.shared.EmailAlreadyTaken;
import dev.bookshelf.core.shared.InvalidInput;
import dev.bookshelf.core.shared.NotFound;
import dev.bookshelf.core.shared.Unauthenticated;
import dev.bookshelf.core.shared.VersionConflict;
import dev.bookshelf.core.shared.FieldError;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    private final Problems problems = new Problems(new Json(), new Messages());

    @Test
    void domainFailures_mapToTheirStatuses() {
        assertThat(problems.resolve(InvalidInput.of("x", FieldError.Code.REQUIRED)).kind())
                .isEqualTo(ProblemKind.INVALID_INPUT);
        assertThat(problems.resolve(new Unauthenticated(Unauthenticated.Reason.EXPIRED_TOKEN)).kind())
                .isEqualTo(ProblemKind.UNAUTHENTICATED);
        assertThat(problems.resolve(NotFound.book()).kind()).isEqualTo(ProblemKind.NOT_FOUND);
        assertThat(problems.resolve(new VersionConflict(1, 2)).kind()).isEqualTo(ProblemKind.VERSION_CONFLICT);
        assertThat(problems.resolve(new EmailAlreadyTaken()).kind()).isEqualTo(ProblemKind.EMAIL_TAKEN);
    }

    @Test
    void wrappedFailures_areUnwrapped() {
        Throwable wrapped = new CompletionException(new ExecutionException(NotFound.book()));

        assertThat(problems.resolve(wrapped).kind()).isEqualTo(ProblemKind.NOT_FOUND);
        assertThat(problems.resolve(wrapped).unexpected()).isFalse();
    }

    @Test
    void anythingElse_isAnUnexpectedInternalProblemWithAGenericDetail() {
        Problems.Resolved r = problems.resolve(new CompletionException(new IllegalStateException("secret")));

        assertThat(r.kind()).isEqualTo(ProblemKind.INTERNAL);
        assertThat(r.unexpected()).isTrue();
        assertThat(r.detail()).doesNotContain("secret");
    }

    @Test
    void unauthenticatedChallenges_sayInvalidTokenOnlyForPresentedTokens() {
        assertThat(problems.resolve(new Unauthenticated(Unauthenticated.Reason.MISSING_TOKEN)).headers())
                .containsEntry("WWW-Authenticate", "Bearer realm=\"bookshelf\"");
        assertThat(problems.resolve(new Unauthenticated(Unauthenticated.Reason.BAD_CREDENTIALS)).headers())
                .containsEntry("WWW-Authenticate", "Bearer realm=\"bookshelf\"");
        for (Unauthenticated.Reason reason : new Unauthenticated.Reason[] {Unauthenticated.Reason.INVALID_TOKEN,
            Unauthenticated.Reason.EXPIRED_TOKEN, Unauthenticated.Reason.UNKNOWN_USER}) {
            assertThat(problems.resolve(new Unauthenticated(reason)).headers())
                    .containsEntry("WWW-Authenticate", "Bearer realm=\"bookshelf\", error=\"invalid_token\"");
        }
    }

    @Test
    void everyProblemKind_rendersInBothLanguages() {
        for (ProblemKind kind : ProblemKind.values()) {
            for (Messages.Language lang : Messages.Language.values()) {
                var resolved = problems.resolve(new ApiProblem(kind, "detail"));
                var response = problems.response(resolved, lang, "rid");
                assertThat(response.status()).isEqualTo(kind.status());
                assertThat(response.headers().first("Content-Type")).contains(Problems.JSON_TYPE);
                assertThat(new String(response.bodyUnsafe(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("\"type\":\"" + kind.type() + "\"").contains("\"requestId\":\"rid\"");
            }
        }
    }
}
