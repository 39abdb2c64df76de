package dev.bookshelf.api;

import dev.bookshelf.api.http.ApiRequest;
import java.util.List;

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

    /** The status classes a metric is labelled with, in order: {@link #statusClass} indexes them. */
    List<String> STATUS_CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx");

    void answered(ApiRequest request, String route, int status, long durationNanos);

    /**
     * The index in {@link #STATUS_CLASSES} of a status's class: {@code 404} is {@code 4xx}. A
     * status outside 100–599 (which no answer has) counts as {@code 5xx}, so a label stays bounded.
     */
    static int statusClass(int status) {
        return status >= 100 && status <= 599 ? status / 100 - 1 : STATUS_CLASSES.size() - 1;
    }

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
