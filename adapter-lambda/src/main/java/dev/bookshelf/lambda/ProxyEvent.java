package dev.bookshelf.lambda;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.problem.ApiProblem;

/** What {@link ProxyEventReader} made of one Lambda event. */
sealed interface ProxyEvent permits ProxyEvent.Request, ProxyEvent.NotProxy {

    /**
     * An HTTP event of one of the kinds we answer, translated. {@code problem} is set (and answered
     * instead of dispatching) when the path or query could not be decoded; {@code bodyProblem} when
     * the body could not be (marked base64 but not base64), for the dispatcher to judge.
     * {@code mapping} is the base-path mapping inferred from the event and removed from the path
     * ({@code /api}), or empty: a {@code Location} the api answers is put under it again.
     */
    record Request(ApiRequest request, ApiProblem problem, ApiProblem bodyProblem, EventKind kind, String mapping)
            implements ProxyEvent {
    }

    /** Anything else: a mapping-template payload, another event source, or not JSON at all. */
    record NotProxy(String detail) implements ProxyEvent {
    }
}
