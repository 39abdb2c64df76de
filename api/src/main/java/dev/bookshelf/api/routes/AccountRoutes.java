package dev.bookshelf.api.routes;

import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Bearer;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.json.BodyFields;
import dev.bookshelf.api.json.Json;
import dev.bookshelf.api.problem.Problems;
import dev.bookshelf.api.security.LoginThrottle;
import dev.bookshelf.core.account.Accounts;
import dev.bookshelf.core.account.ChangePasswordCommand;
import dev.bookshelf.core.account.DeleteAccountCommand;
import dev.bookshelf.core.account.LogInCommand;
import dev.bookshelf.core.account.SignUpCommand;
import dev.bookshelf.core.shared.Unauthenticated;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Handlers of the account routes. */
final class AccountRoutes {
    private static final ApiResponse NO_CONTENT = new ApiResponse(204, Headers.empty(), null);
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
            throttle.check(source);
            return accounts.logIn().logIn(command).whenComplete((session, failure) -> {
                if (session == null && Problems.unwrap(failure) instanceof Unauthenticated) {
                    throttle.failed(source);
                }
            }).thenApply(s -> out.ok(200, out.session(s), Headers.builder()));
        });
        table.put(Routes.ME, call ->
                CompletableFuture.completedFuture(out.ok(200, out.account(call.account()), Headers.builder())));
        table.put(Routes.LOG_OUT, call -> accounts.logOut().logOut(Bearer.token(call.request()))
                .thenApply(done -> NO_CONTENT));
        table.put(Routes.CHANGE_PASSWORD, call -> {
            BodyFields f = new BodyFields(json.readObject(call.request().bodyUnsafe()),
                    Set.of("currentPassword", "newPassword"));
            String current = f.text("currentPassword");
            String next = f.text("newPassword");
            f.done();
            return accounts.changePassword().changePassword(new ChangePasswordCommand(call.ownerId(), current, next))
                    .thenApply(done -> NO_CONTENT);
        });
        table.put(Routes.DELETE_ACCOUNT, call -> {
            BodyFields f = new BodyFields(json.readObject(call.request().bodyUnsafe()), Set.of("password"));
            String password = f.text("password");
            f.done();
            return accounts.deleteAccount().deleteAccount(new DeleteAccountCommand(call.ownerId(), password))
                    .thenApply(done -> NO_CONTENT);
        });
    }
}
