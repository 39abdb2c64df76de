package dev.bookshelf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@code EVENT_LOOPS}: the API's connections are spread over that many event loops, all on the
 * one port. The dispatcher's listener runs on the thread that answers, so it tells which loop
 * served each connection (Vert.x hands accepted connections to the loops in turn).
 */
class EventLoopsTest {
    private static final int CONNECTIONS = 6;
    private static final String EVENT_LOOP_THREAD = "vert\\.x-eventloop-thread-\\d+";

    /** Opens {@code CONNECTIONS} connections, one {@code GET /health} each; answers the threads that answered. */
    private static List<String> answeringThreads(TestServer server) throws IOException {
        Map<String, String> threadOf = new ConcurrentHashMap<>();
        server.server().api().dispatcher().listen((request, route, status, nanos) -> request.header("X-Connection")
                .ifPresent(c -> threadOf.put(c, Thread.currentThread().getName())));
        List<RawHttp> open = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                RawHttp raw = RawHttp.connect(server.port());
                open.add(raw);
                raw.head("GET /health HTTP/1.1", "X-Connection: " + i);
                assertThat(raw.read().status()).isEqualTo(200);
            }
        } finally {
            for (RawHttp raw : open) {
                raw.close();
            }
        }
        assertThat(threadOf).as("every connection's request was seen").hasSize(CONNECTIONS);
        return List.copyOf(threadOf.values());
    }

    /** Every connection was answered on an event loop, and on {@code loops} distinct ones. */
    private static void assertAnsweredOnLoops(TestServer server, int loops) throws IOException {
        List<String> threads = answeringThreads(server);
        assertThat(threads).allSatisfy(t -> assertThat(t).matches(EVENT_LOOP_THREAD));
        assertThat(Set.copyOf(threads)).hasSize(loops);
    }

    @Test
    void twoEventLoops_onARandomPort_answerTheConnectionsOnTwoLoops_ofOnePort() throws Exception {
        try (TestServer server = TestServer.start("EVENT_LOOPS", "2")) {
            assertAnsweredOnLoops(server, 2);
            assertThat(server.log()).contains("listening on 127.0.0.1:" + server.port() + " (store memory, 2 event loops)");
        }
    }

    @Test
    void twoEventLoops_onAGivenPort_shareIt() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (TestServer server = TestServer.start("EVENT_LOOPS", "2", "PORT", Integer.toString(port))) {
            assertThat(server.port()).isEqualTo(port);
            assertAnsweredOnLoops(server, 2);
        }
    }

    @Test
    void oneEventLoop_answersEveryConnectionOnTheSameThread() throws Exception {
        try (TestServer server = TestServer.start("EVENT_LOOPS", "1")) {
            assertAnsweredOnLoops(server, 1);
            assertThat(server.log()).contains("(store memory, 1 event loop)");
        }
    }
}
