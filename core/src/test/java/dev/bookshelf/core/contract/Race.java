package dev.bookshelf.core.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Starts {@code n} calls at the same moment from {@code n} threads and collects how each ended,
 * so that a contract can count winners and losers.
 */
public final class Race {
    private Race() {
    }

    /** How one contender's call ended: a value or a failure (unwrapped). */
    public record Outcome<T>(int contender, T value, Throwable failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    public static <T> List<Outcome<T>> run(int n, IntFunction<CompletionStage<T>> call) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CompletableFuture<T>>> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int contender = i;
                started.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(contender).toCompletableFuture();
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                outcomes.add(outcome(i, started.get(i).get()));
            }
            return outcomes;
        } catch (Exception e) {
            throw new IllegalStateException("race could not be run", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Outcome<T> outcome(int contender, CompletableFuture<T> call) {
        try {
            return new Outcome<>(contender, Await.result(call), null);
        } catch (RuntimeException e) {
            return new Outcome<>(contender, null, Await.unwrap(e));
        }
    }
}
