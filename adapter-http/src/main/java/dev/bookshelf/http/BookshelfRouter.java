package dev.bookshelf.http;

import dev.bookshelf.api.BookshelfApi;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Executor;

/**
 * The API as a vertx-web {@link Router}, for a Vert.x application to mount beside its own routes:
 *
 * <pre>{@code
 * BookshelfApi api = BookshelfApi.create(Settings.fromEnv(System.getenv()),
 *         BookshelfRouter.hashingPool(vertx), Clock.systemUTC(), System.out);
 * router.route("/bookshelf/*").subRouter(BookshelfRouter.create(vertx, api));
 * }</pre>
 *
 * One catch-all route hands every request to the api's dispatcher, exactly as the standalone
 * server does: routing, CORS, JSON, errors, 404/405 and the body limit are the dispatcher's, and
 * vertx-web adds nothing of its own (use no {@code BodyHandler} in front of it; if one has read
 * the body already, that body is used, capped at the api's limit). A {@code Location} the api
 * answers is put under the mount point. The application owns {@code api} and closes it.
 */
public final class BookshelfRouter {
    private BookshelfRouter() {
    }

    /** A router that answers every request under its mount point through {@code api}. */
    public static Router create(Vertx vertx, BookshelfApi api) {
        ApiBridge bridge = new ApiBridge(api.dispatcher());
        Router router = Router.router(vertx);
        router.route().handler(ctx -> handle(bridge, ctx));
        return router;
    }

    private static void handle(ApiBridge bridge, RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String mount = mountPoint(ctx);
        String path = apiPath(req.path(), ctx.normalizedPath(), mount);
        if (req.isEnded()) {
            bridge.handleRead(req, ctx.body().buffer(), path, mount);
            return;
        }
        bridge.handle(req, path, mount);
        req.resume(); // an application's handler in front may have paused it
    }

    /** The mount point without its trailing slash: {@code /bookshelf}, or {@code ""} at the root. */
    static String mountPoint(RoutingContext ctx) {
        String mount = ctx.mountPoint();
        if (mount == null) {
            return "";
        }
        return mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount;
    }

    /**
     * What follows the mount point, still percent-encoded, as the dispatcher reads a path: from
     * the raw path when it starts with the mount point, else (the prefix was spelled with escapes
     * or dot segments vertx-web normalized away to match it) from vertx-web's normalized path.
     */
    static String apiPath(String rawPath, String normalizedPath, String mount) {
        String raw = rawPath == null ? "/" : rawPath;
        String rest = under(raw, mount);
        if (rest == null) {
            rest = under(normalizedPath, mount);
        }
        return rest == null || rest.isEmpty() ? "/" : rest;
    }

    private static String under(String path, String mount) {
        if (mount.isEmpty()) {
            return path;
        }
        if (!path.startsWith(mount) || path.length() > mount.length() && path.charAt(mount.length()) != '/') {
            return null;
        }
        return path.substring(mount.length());
    }

    /**
     * The worker pool the api hashes passwords on (bcrypt must never run on an event loop), for
     * {@link BookshelfApi#create(dev.bookshelf.api.config.Settings, Executor, java.time.Clock, java.io.PrintStream)}.
     */
    public static Executor hashingPool(Vertx vertx) {
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        WorkerExecutor pool = vertx.createSharedWorkerExecutor("bookshelf-hashing", workers);
        return task -> pool.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
    }
}
