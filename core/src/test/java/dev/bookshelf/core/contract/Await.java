package dev.bookshelf.core.contract;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the asynchronous results of a repository. The bound only keeps a broken
 * implementation from hanging the build; it is not a performance assertion.
 */
public final class Await {
    private static final long BOUND_SECONDS = 60;

    private Await() {
    }

    /** The value of a stage that must succeed; its failure is rethrown unwrapped. */
    public static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw asUnchecked(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + BOUND_SECONDS + " s", e);
        }
    }

    /** The failure of a stage that must fail, unwrapped from completion wrappers. */
    public static Throwable failure(CompletionStage<?> stage) {
        try {
            Object value = result(stage);
            throw new AssertionError("expected a failure but the result was " + value);
        } catch (RuntimeException e) {
            return unwrap(e);
        }
    }

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static RuntimeException asUnchecked(Throwable cause) {
        Throwable unwrapped = unwrap(cause);
        if (unwrapped instanceof RuntimeException) {
            return (RuntimeException) unwrapped;
        }
        if (unwrapped instanceof Error) {
            throw (Error) unwrapped;
        }
        return new CompletionException(unwrapped);
    }
}
