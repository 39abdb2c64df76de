package dev.bookshelf.api.routes;

import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.json.BodyFields;
import dev.bookshelf.api.json.Json;
import dev.bookshelf.api.problem.Problems;
import dev.bookshelf.api.security.LoginThrottle;
import dev.bookshelf.core.account.Accounts;
import dev.bookshelf.core.account.LogInCommand;
import dev.bookshelf.core.account.SignUpCommand;
import dev.bookshelf.core.shared.Unauthenticated;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Handlers of the account routes. */
final class AccountRoutes {
    private final Accounts accounts;
    private final Json json;
    private final Representations out;
    private final String basePath;
    private final LoginThrottle throttle;

    AccountRoutes(Accounts accounts, Json json, Representations out, String basePath, LoginThrottle throttle) {
        this.accounts = accounts;
        this.json = json;
        this.out = out;
        this.basePath = basePath;
        this.throttle = throttle;
    }

    void bind(Map<RouteSpec, RouteHandler> table) {
        table.put(Routes.SIGN_UP, call -> {
            BodyFields f = new BodyFields(json.readObject(call.request().bodyUnsafe()),
                    Set.of("email", "password", "displayName"));
            String email = f.text("email");
            String password = f.text("password");
            String displayName = f.text("displayName");
            f.done();
            return accounts.signUp().signUp(new SignUpCommand(email, password, displayName))
                    .thenApply(a -> out.ok(201, out.account(a), Headers.builder().set("Location", basePath + "/me")));
        });
        table.put(Routes.LOG_IN, call -> {
            BodyFields f = new BodyFields(json.readObject(call.request().bodyUnsafe()), Set.of("email", "password"));
            String email = f.text("email");
            String password = f.text("password");
            f.done();
            LogInCommand command = new LogInCommand(email, password);
            String source = call.request().sourceIp();
            throttle.check(command.email(), source);
            return accounts.logIn().logIn(command).whenComplete((session, failure) -> {
                if (session != null) {
                    throttle.succeeded(command.email());
                } else if (Problems.unwrap(failure) instanceof Unauthenticated) {
                    throttle.failed(command.email(), source);
                }
            }).thenApply(s -> out.ok(200, out.session(s), Headers.builder()));
        });
        table.put(Routes.ME, call ->
                CompletableFuture.completedFuture(out.ok(200, out.account(call.account()), Headers.builder())));
    }
}
