package dev.bookshelf.api.routes;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.core.account.Account;
import java.util.Map;

/** A matched request: the request, its path variables, and the caller when authenticated. */
public record Call(ApiRequest request, Map<String, String> pathParams, Account account) {
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The authenticated caller's id; only on routes that require authentication. */
    public String ownerId() {
        return account.id();
    }
}
