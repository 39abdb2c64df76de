package dev.bookshelf.api.routes;

/**
 * One route of the contract: what it answers, whether it needs a bearer token, whether it takes
 * a JSON body. Only {@link Routes} creates them.
 */
public record RouteSpec(String method, String path, boolean authenticated, boolean jsonBody, int successStatus,
                        String operationId, String summary) {
}
