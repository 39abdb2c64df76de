package dev.bookshelf.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health probe: {@code GET http://127.0.0.1:$PORT/health}, exit 0 on 200 and 1
 * otherwise. Needs nothing but the JRE, so the image does not have to ship curl.
 */
public final class HealthCheck {
    private HealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        int status;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            System.err.println("health check failed: " + e);
            System.exit(1);
            return;
        }
        System.exit(status == 200 ? 0 : 1);
    }
}
