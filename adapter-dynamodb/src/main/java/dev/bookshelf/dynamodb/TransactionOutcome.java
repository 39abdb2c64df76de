package dev.bookshelf.dynamodb;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/** Why the sign-up transaction (user item, email claim) was cancelled, and what to do about it. */
enum TransactionOutcome {
    /** The email claim already exists: someone else has this email. */
    EMAIL_TAKEN,
    /** The user item already exists: the id generator produced a duplicate. */
    ID_TAKEN,
    /** Another transaction was working on the same items; trying again is safe. */
    RETRY,
    /** Anything else (validation, throughput): not a domain outcome. */
    FAILED;

    static final int USER_ITEM = 0;
    static final int EMAIL_CLAIM = 1;
    private static final Set<String> TRANSIENT =
            Set.of("TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded");

    static TransactionOutcome of(List<CancellationReason> reasons) {
        if (failedCondition(reasons, EMAIL_CLAIM)) {
            return EMAIL_TAKEN;
        }
        if (failedCondition(reasons, USER_ITEM)) {
            return ID_TAKEN;
        }
        return retryable(reasons) ? RETRY : FAILED;
    }

    /** True when every failure of a cancelled transaction is one that trying again may cure. */
    static boolean retryable(List<CancellationReason> reasons) {
        boolean onlyTransient = reasons.stream().map(CancellationReason::code)
                .allMatch(code -> code == null || "None".equals(code) || TRANSIENT.contains(code));
        boolean anyTransient = reasons.stream().map(CancellationReason::code)
                .anyMatch(code -> code != null && TRANSIENT.contains(code));
        return onlyTransient && anyTransient;
    }

    static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }
}
