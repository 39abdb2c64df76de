package dev.bookshelf.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.routes.RouteSpec;
import dev.bookshelf.api.routes.Routes;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the management port, scraped and parsed as the Prometheus text format:
 * HTTP server metrics by route template (never a raw path), JVM and event-loop metrics.
 */
class MetricsOverTheWireTest extends OverTheWire {
    static final String REQUESTS = "http_server_requests_seconds";

    static PrometheusText scrape() throws Exception {
        HttpResponse<String> r = PortClient.get(server.server().managementPort(), "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return PrometheusText.parse(r.body());
    }

    static Set<String> routeLabels(PrometheusText metrics) {
        return metrics.samples(REQUESTS + "_count").stream().map(s -> s.label("route")).collect(Collectors.toSet());
    }

    @Test
    void answeredRequests_areCountedByRouteTemplateMethodAndStatusClass_neverByTheirPath() throws Exception {
        String bearer = client.bearerFor(Client.uniqueEmail("metrics"));
        String id = client.addBook(bearer, "{\"title\":\"소년이 온다\",\"author\":\"한강\",\"status\":\"READ\"}");
        assertThat(client.get("/books/" + id, "Authorization", bearer).statusCode()).isEqualTo(200);
        assertThat(client.get("/books/" + UUID.randomUUID(), "Authorization", bearer).statusCode()).isEqualTo(404);

        PrometheusText metrics = scrape();

        assertThat(metrics.type(REQUESTS)).isEqualTo("histogram");
        var found = metrics.find(REQUESTS + "_count", Map.of("route", "/books/{id}", "method", "GET", "status", "2xx"));
        assertThat(found).isNotNull();
        assertThat(found.value()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.find(REQUESTS + "_count", Map.of("route", "/books/{id}", "method", "GET", "status", "4xx")))
                .isNotNull();
        assertThat(metrics.find(REQUESTS + "_count", Map.of("route", "/books", "method", "POST", "status", "2xx")))
                .isNotNull();
        assertThat(metrics.find(REQUESTS + "_bucket", Map.of("route", "/books/{id}", "method", "GET", "status", "2xx",
                "le", "+Inf")).value()).isEqualTo(found.value());
        Set<String> templates = Routes.ALL.stream().map(RouteSpec::path).collect(Collectors.toSet());
        templates.add("-");
        assertThat(routeLabels(metrics)).isSubsetOf(templates).doesNotContain("/books/" + id);
        assertThat(metrics.samples(REQUESTS + "_count")).allSatisfy(s -> {
            assertThat(s.labels().keySet()).containsExactlyInAnyOrder("route", "method", "status");
            assertThat(s.label("status")).matches("[1-5]xx");
        });
    }

    @Test
    void aFloodOfRandomPathsAndMethods_addsNoLabelValue_onlyCounts() throws Exception {
        assertThat(client.get("/warm-up-" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(client.send("BREW", "/coffee", (byte[]) null).statusCode()).isIn(404, 405);
        PrometheusText before = scrape();
        Set<Map<String, String>> seriesBefore = series(before);
        double notFoundBefore = before.find(REQUESTS + "_count", Map.of("route", "-", "method", "GET", "status", "4xx"))
                .value();

        for (int i = 0; i < 300; i++) {
            String path = "/" + UUID.randomUUID() + "/" + i + "?q=" + i;
            assertThat(client.get(path).statusCode()).isEqualTo(404);
            assertThat(client.send("X-" + i, "/" + UUID.randomUUID(), (byte[]) null).statusCode()).isIn(404, 405);
        }

        PrometheusText after = scrape();
        assertThat(series(after)).isEqualTo(seriesBefore);
        assertThat(after.find(REQUESTS + "_count", Map.of("route", "-", "method", "GET", "status", "4xx")).value())
                .isGreaterThanOrEqualTo(notFoundBefore + 300);
        assertThat(after.samples(REQUESTS + "_count")).extracting(s -> s.label("method"))
                .isSubsetOf(ServerMetrics.METHODS);
    }

    private static Set<Map<String, String>> series(PrometheusText metrics) {
        return new HashSet<>(metrics.samples(REQUESTS + "_count").stream().map(PrometheusText.Sample::labels).toList());
    }

    @Test
    void scrape_hasJvmAndEventLoopMetrics() throws Exception {
        PrometheusText metrics = scrape();

        assertThat(metrics.samples("jvm_memory_used_bytes")).extracting(s -> s.label("area")).contains("heap", "nonheap");
        assertThat(metrics.samples("jvm_threads_live_threads")).singleElement()
                .satisfies(s -> assertThat(s.value()).isPositive());
        assertThat(metrics.samples("jvm_classes_loaded_classes")).singleElement()
                .satisfies(s -> assertThat(s.value()).isPositive());
        assertThat(metrics.type("jvm_gc_memory_allocated_bytes_total")).isEqualTo("counter");
        assertThat(metrics.samples("process_uptime_seconds")).hasSize(1);
        assertThat(metrics.samples("netty_eventexecutor_tasks_pending"))
                .isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.label("name")).startsWith("vert.x-eventloop-thread-");
                    assertThat(s.value()).isGreaterThanOrEqualTo(0);
                });
    }

    @Test
    void aScraperThatAsksForOpenMetrics_getsOpenMetrics() throws Exception {
        HttpResponse<String> r = PortClient.get(server.server().managementPort(), "/metrics",
                "Accept", "application/openmetrics-text; version=1.0.0, text/plain; version=0.0.4; q=0.5");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(r.body()).endsWith("# EOF\n").contains("# TYPE " + REQUESTS + " histogram");
    }
}
