package dev.bookshelf.api;

import dev.bookshelf.api.cors.CorsPolicy;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Bearer;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.problem.Messages;
import dev.bookshelf.api.problem.ProblemKind;
import dev.bookshelf.api.problem.Problems;
import dev.bookshelf.api.routes.Call;
import dev.bookshelf.api.routes.RouteTable;
import dev.bookshelf.core.account.AuthenticateUseCase;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The single entry point of every transport: routes a neutral request, authenticates, runs the
 * handler, and turns any outcome (including failures of ours) into a complete response with
 * CORS, security headers and the request id. The returned stage never fails.
 */
public final class Dispatcher {
    /** The security headers of every answer, after its request id. */
    private static final Headers EVERY_ANSWER = Headers.builder()
            .set("X-Content-Type-Options", "nosniff")
            .set("Cache-Control", "no-store")
            .build();

    private final RouteTable routes;
    private final CorsPolicy cors;
    private final Problems problems;
    private final AuthenticateUseCase auth;
    private final RequestLog log;
    private final int bodyLimit;
    private final String basePath;
    private volatile RequestListener listener = RequestListener.NONE;

    Dispatcher(RouteTable routes, CorsPolicy cors, Problems problems, AuthenticateUseCase auth, RequestLog log,
               int bodyLimit, String basePath) {
        this.routes = routes;
        this.cors = cors;
        this.problems = problems;
        this.auth = auth;
        this.log = log;
        this.bodyLimit = bodyLimit;
        this.basePath = basePath;
    }

    /**
     * Adds a listener told of every answered request (see {@link RequestListener}); meant for
     * start-up, before the first request.
     */
    public void listen(RequestListener added) {
        listener = listener.andThen(java.util.Objects.requireNonNull(added, "listener"));
    }

    public int bodyLimit() {
        return bodyLimit;
    }

    public CompletionStage<ApiResponse> dispatch(ApiRequest request) {
        return dispatch(request, null);
    }

    /**
     * As {@link #dispatch(ApiRequest)}, for a request whose body could not be read in transit
     * (e.g. a Lambda event's body marked base64 that is not): {@code unreadableBody} is answered
     * where bodies are judged, after routing and authentication and only on routes that take a
     * body; the others ignore the body, as they would any body. Null: the body is as received.
     */
    public CompletionStage<ApiResponse> dispatch(ApiRequest request, ApiProblem unreadableBody) {
        long start = System.nanoTime();
        String[] routeName = {"-"};
        CompletionStage<ApiResponse> answer;
        try {
            answer = route(request, routeName, unreadableBody);
        } catch (RuntimeException | Error e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((response, failure) -> finish(request, routeName[0], response, failure, start));
    }

    /** Answers a failure that happened before a request could be built (e.g. in a transport). */
    public ApiResponse failure(ApiRequest request, Throwable failure) {
        return finish(request, "-", null, failure, System.nanoTime());
    }

    private CompletionStage<ApiResponse> route(ApiRequest req, String[] routeName, ApiProblem unreadableBody) {
        String path = relativePath(req.path());
        if (req.method().equals("OPTIONS")) {
            return CompletableFuture.completedFuture(options(req, path));
        }
        RouteTable.Match match = routes.match(req.method(), path);
        if (match instanceof RouteTable.NoRoute) {
            throw new ApiProblem(ProblemKind.NOT_FOUND, "No route for " + req.method() + " " + req.path() + ".");
        }
        if (match instanceof RouteTable.WrongMethod wrong) {
            throw new ApiProblem(ProblemKind.METHOD_NOT_ALLOWED, "Method " + req.method() + " is not allowed here.",
                    java.util.List.of(), Map.of("Allow", String.join(", ", wrong.allowed())));
        }
        RouteTable.Found found = (RouteTable.Found) match;
        routeName[0] = found.spec().path();
        if (!found.spec().authenticated()) {
            checkBody(found, req, unreadableBody);
            return found.handler().handle(new Call(req, found.pathParams(), null));
        }
        return auth.authenticate(Bearer.token(req)).thenCompose(account -> {
            checkBody(found, req, unreadableBody);
            return found.handler().handle(new Call(req, found.pathParams(), account));
        });
    }

    /** Readability, size, media type and presence of a JSON route's body; after authentication. */
    private void checkBody(RouteTable.Found found, ApiRequest req, ApiProblem unreadableBody) {
        if (found.spec().jsonBody()) {
            if (unreadableBody != null) {
                throw unreadableBody;
            }
            BodyRules.check(req, bodyLimit);
        }
    }

    private String relativePath(String path) {
        if (basePath.isEmpty()) {
            return path;
        }
        if (path.equals(basePath)) {
            return "/";
        }
        return path.startsWith(basePath + "/") ? path.substring(basePath.length()) : "\u0000not-under-base-path";
    }

    private ApiResponse options(ApiRequest req, String path) {
        var allowed = routes.allowedMethods(path);
        if (allowed.isEmpty()) {
            throw new ApiProblem(ProblemKind.NOT_FOUND, "No route for " + req.path() + ".");
        }
        Optional<String> origin = req.header("Origin");
        Optional<String> requestMethod = req.header("Access-Control-Request-Method");
        if (origin.isEmpty() || requestMethod.isEmpty()) {
            return new ApiResponse(204, Headers.builder().set("Allow", String.join(", ", allowed)).build(), null);
        }
        CorsPolicy.Preflight p = cors.preflight(origin.get(), requestMethod.get(),
                req.header("Access-Control-Request-Headers").orElse(null), allowed);
        if (p instanceof CorsPolicy.Refused refused) {
            // A refused preflight grants nothing: no Access-Control-Allow-* headers, even for a listed origin.
            throw new ApiProblem(ProblemKind.FORBIDDEN_ORIGIN, refused.reason(), java.util.List.of(),
                    Map.of("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
        }
        return new ApiResponse(204, ((CorsPolicy.Allowed) p).headers(), null);
    }

    private ApiResponse finish(ApiRequest req, String route, ApiResponse response, Throwable failure, long start) {
        ApiResponse r = response;
        try {
            if (failure != null || r == null) {
                r = problemFor(req, route, failure == null ? new IllegalStateException("no response") : failure);
            }
            r = decorate(req, r);
        } catch (RuntimeException e) {
            log.failure(req, route, e);
            r = decorate(req, problemFor(req, route, e));
        }
        long nanos = System.nanoTime() - start;
        log.request(req, route, r.status(), nanos, r.bodyUnsafe().length);
        tell(req, route, r.status(), nanos);
        return req.method().equals("HEAD") ? r.withoutBody() : r;
    }

    private void tell(ApiRequest req, String route, int status, long nanos) {
        try {
            listener.answered(req, route, status, nanos);
        } catch (RuntimeException e) {
            log.failure(req, route, e);
        }
    }

    private ApiResponse problemFor(ApiRequest req, String route, Throwable failure) {
        Problems.Resolved resolved = problems.resolve(failure);
        if (resolved.unexpected()) {
            log.failure(req, route, Problems.unwrap(failure));
        }
        Messages.Language lang = Messages.negotiate(req.header("Accept-Language").orElse(null));
        return problems.response(resolved, lang, req.requestId());
    }

    private ApiResponse decorate(ApiRequest req, ApiResponse r) {
        Headers.Builder h = r.headers().toBuilder();
        if (!r.headers().contains("Vary")) {
            cors.decorate(h, req.header("Origin"));
        }
        h.set("X-Request-Id", req.requestId());
        h.setAll(EVERY_ANSWER);
        return r.withHeaders(h.build());
    }
}
