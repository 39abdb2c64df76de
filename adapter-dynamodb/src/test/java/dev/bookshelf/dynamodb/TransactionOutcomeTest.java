package dev.bookshelf.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

class TransactionOutcomeTest {
    @Test
    void failedEmailClaim_meansTheEmailIsTaken() {
        assertThat(TransactionOutcome.of(reasons("None", "ConditionalCheckFailed")))
                .isEqualTo(TransactionOutcome.EMAIL_TAKEN);
        assertThat(TransactionOutcome.of(reasons("ConditionalCheckFailed", "ConditionalCheckFailed")))
                .isEqualTo(TransactionOutcome.EMAIL_TAKEN);
    }

    @Test
    void failedUserItemAlone_meansTheIdIsTaken() {
        assertThat(TransactionOutcome.of(reasons("ConditionalCheckFailed", "None")))
                .isEqualTo(TransactionOutcome.ID_TAKEN);
    }

    @Test
    void conflictsAndThrottling_areRetried() {
        assertThat(TransactionOutcome.of(reasons("None", "TransactionConflict"))).isEqualTo(TransactionOutcome.RETRY);
        assertThat(TransactionOutcome.of(reasons("ThrottlingError", null))).isEqualTo(TransactionOutcome.RETRY);
    }

    @Test
    void anythingElse_fails() {
        assertThat(TransactionOutcome.of(reasons("ValidationError", "None"))).isEqualTo(TransactionOutcome.FAILED);
        assertThat(TransactionOutcome.of(reasons("TransactionConflict", "ItemCollectionSizeLimitExceeded")))
                .isEqualTo(TransactionOutcome.FAILED);
        assertThat(TransactionOutcome.of(reasons("None", "None"))).isEqualTo(TransactionOutcome.FAILED);
        assertThat(TransactionOutcome.of(List.of())).isEqualTo(TransactionOutcome.FAILED);
    }

    private static List<CancellationReason> reasons(String... codes) {
        return Arrays.stream(codes).map(code -> CancellationReason.builder().code(code).build())
                .collect(Collectors.toList());
    }
}
