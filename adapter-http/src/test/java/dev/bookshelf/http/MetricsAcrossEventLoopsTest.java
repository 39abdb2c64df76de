package dev.bookshelf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Each event loop holds its request durations and records them into the shared timers in
 * batches ({@link ServerMetrics}): a scrape still counts every answered request, whichever loop
 * answered it and however few it answered.
 */
class MetricsAcrossEventLoopsTest {
    private static final int CONNECTIONS = 6;

    private static double healthCount(TestServer server) throws Exception {
        HttpResponse<String> r = PortClient.get(server.server().managementPort(), "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        PrometheusText.Sample s = PrometheusText.parse(r.body()).find(MetricsOverTheWireTest.REQUESTS + "_count",
                Map.of("route", "/health", "method", "GET", "status", "2xx"));
        return s == null ? 0 : s.value();
    }

    /** {@code perConnection} requests on each of {@code CONNECTIONS} connections, in turn. */
    private static void load(TestServer server, int perConnection) throws Exception {
        List<RawHttp> open = new ArrayList<>();
        try {
            for (int c = 0; c < CONNECTIONS; c++) {
                open.add(RawHttp.connect(server.port()));
            }
            for (int i = 0; i < perConnection; i++) {
                for (RawHttp raw : open) {
                    raw.head("GET /health HTTP/1.1");
                    assertThat(raw.read().status()).isEqualTo(200);
                }
            }
        } finally {
            for (RawHttp raw : open) {
                raw.close();
            }
        }
    }

    @Test
    void everyRequestOfEveryLoopIsCounted_atEachScrape_batchFullOrNot() throws Exception {
        try (TestServer server = TestServer.start("EVENT_LOOPS", "2")) {
            Set<String> loops = ConcurrentHashMap.newKeySet();
            server.server().api().dispatcher().listen((request, route, status, nanos) ->
                    loops.add(Thread.currentThread().getName()));
            double before = healthCount(server);

            load(server, 1);
            assertThat(healthCount(server)).as("a few requests, far from a full batch").isEqualTo(before + CONNECTIONS);

            int many = ServerMetrics.BATCH + 7;
            load(server, many);
            assertThat(healthCount(server)).as("full batches and a partial one")
                    .isEqualTo(before + CONNECTIONS + (double) CONNECTIONS * many);
            assertThat(loops).as("both loops answered").hasSize(2);
        }
    }
}
