package dev.bookshelf.lambda;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.problem.ApiProblem;

/** What {@link ProxyEventReader} made of one Lambda event. */
sealed interface ProxyEvent permits ProxyEvent.Request, ProxyEvent.NotProxy {

    /**
     * A Lambda proxy integration event, translated. {@code problem} is set (and answered instead
     * of dispatching) when part of the event was unusable, e.g. a body marked base64 that is not.
     */
    record Request(ApiRequest request, ApiProblem problem) implements ProxyEvent {
    }

    /** Anything else: a mapping-template payload, another event source, or not JSON at all. */
    record NotProxy(String detail) implements ProxyEvent {
    }
}
