package dev.bookshelf.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Waits for a use case's result, the way the Lambda handler does. */
public final class Await {
    private Await() {
    }

    public static <T> T result(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** Asserts the stage failed and returns why, unwrapped from its {@link CompletionException}. */
    public static Throwable failure(CompletionStage<?> stage) {
        Throwable thrown = catchThrowable(() -> stage.toCompletableFuture().join());
        assertThat(thrown).as("outcome of the stage").isInstanceOf(CompletionException.class);
        assertThat(thrown.getCause()).as("cause of the failure").isNotNull();
        return thrown.getCause();
    }

    /** Asserts the stage failed with {@code type} and returns the failure. */
    public static <F extends Throwable> F failure(CompletionStage<?> stage, Class<F> type) {
        Throwable cause = failure(stage);
        assertThat(cause).as("cause of the failure").isInstanceOf(type);
        return type.cast(cause);
    }
}
