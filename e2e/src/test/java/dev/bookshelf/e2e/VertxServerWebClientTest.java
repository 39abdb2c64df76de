package dev.bookshelf.e2e;

import dev.bookshelf.http.BookshelfHttpServer;
import dev.bookshelf.http.HttpConfig;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The web client against the standalone Vert.x server (adapter-http). */
class VertxServerWebClientTest extends WebClientScenario {

    @Override
    protected String runName() {
        return "vertx-server";
    }

    @Override
    protected ApiUnderTest startApi(String webOrigin) throws Exception {
        Map<String, String> env = Map.of(
                "HOST", "127.0.0.1",
                "PORT", "0",
                "MANAGEMENT_PORT", "0",
                "BCRYPT_COST", "4",
                "SHUTDOWN_GRACE_SECONDS", "1",
                "CORS_ALLOWED_ORIGINS", webOrigin);
        BookshelfHttpServer server = BookshelfHttpServer.start(HttpConfig.fromEnv(env), System.out)
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        String baseUrl = "http://127.0.0.1:" + server.port();
        return new ApiUnderTest() {
            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public void close() throws Exception {
                server.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        };
    }
}
