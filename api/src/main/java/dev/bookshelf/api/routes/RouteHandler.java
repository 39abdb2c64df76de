package dev.bookshelf.api.routes;

import dev.bookshelf.api.http.ApiResponse;
import java.util.concurrent.CompletionStage;

/** Answers one route. Failures complete the stage exceptionally and are mapped to problems. */
@FunctionalInterface
public interface RouteHandler {
    CompletionStage<ApiResponse> handle(Call call);
}
