package dev.bookshelf.dynamodb;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Small helpers for the SDK's futures: unwrapping failures and waiting without a thread. */
final class Async {
    private Async() {
    }

    /** The failure an SDK future really failed with, without completion wrappers. */
    static Throwable cause(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Continues {@code stage} with {@code onFailure} when it fails (with the unwrapped cause); a
     * success passes through unchanged.
     */
    static <T> CompletionStage<T> recover(CompletionStage<T> stage,
                                          Function<Throwable, CompletionStage<T>> onFailure) {
        return stage.handle((value, failure) -> failure == null
                        ? CompletableFuture.completedFuture(value)
                        : onFailure.apply(cause(failure)))
                .thenCompose(Function.identity());
    }

    /** Completes after {@code millis}, holding no thread while it waits. */
    static CompletionStage<Void> delay(long millis) {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }
}
