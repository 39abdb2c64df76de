package dev.bookshelf.api;

import dev.bookshelf.api.http.ApiRequest;

/**
 * Told of every request the {@link Dispatcher} answered, once, after its log line: the hook for
 * metrics on each transport (Prometheus on the server, Embedded Metric Format on Lambda). The
 * route is the route table's template ({@code /books/{id}}), or {@code "-"} when no route matched,
 * so a listener never sees a raw path. Runs on the answering thread (an event loop on the server):
 * it must be quick, must not block, and should not throw (what it throws is logged and dropped).
 */
@FunctionalInterface
public interface RequestListener {
    /** Listens to nothing. */
    RequestListener NONE = (request, route, status, durationNanos) -> { };

    void answered(ApiRequest request, String route, int status, long durationNanos);

    /** Both this listener and {@code next}, in that order. */
    default RequestListener andThen(RequestListener next) {
        if (this == NONE) {
            return next;
        }
        return next == NONE ? this : (request, route, status, nanos) -> {
            answered(request, route, status, nanos);
            next.answered(request, route, status, nanos);
        };
    }
}
