package dev.bookshelf.http;

import static dev.bookshelf.http.Client.json;
import static dev.bookshelf.http.TestServer.WAIT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link BookshelfHttpServer#stop()}: in-flight requests finish, new connections are refused,
 * and the stop completes. {@code Expect: 100-continue} tells the test, without any timing, that
 * the server holds the request.
 */
class GracefulShutdownTest {

    private static byte[] signUp(String email) {
        return ("{\"email\":\"" + email + "\",\"password\":\"" + Client.PASSWORD + "\",\"displayName\":\"한강\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sends a sign-up's head and waits for 100 Continue: from then on the request is in flight. */
    private static RawHttp inFlightSignUp(TestServer server, byte[] body) throws IOException {
        return inFlightSignUp(RawHttp.connect(server.port()), body);
    }

    /** As {@link #inFlightSignUp(TestServer, byte[])}, on a connection already open. */
    private static RawHttp inFlightSignUp(RawHttp raw, byte[] body) throws IOException {
        raw.head("POST /auth/signup HTTP/1.1", "Content-Type: application/json",
                "Content-Length: " + body.length, "Expect: 100-continue");
        assertThat(raw.read().status()).isEqualTo(100);
        return raw;
    }

    private static boolean refusesConnections(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls (at most ~10 s) until the port refuses connections. */
    private static boolean eventuallyRefusesConnections(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (refusesConnections(port)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void stop_whileARequestBodyIsStillArriving_refusesNewConnections_finishesTheRequest_thenCompletes()
            throws Exception {
        TestServer server = TestServer.start();
        int port = server.port();
        String email = Client.uniqueEmail("draining");
        byte[] body = signUp(email);
        try (RawHttp raw = inFlightSignUp(server, body)) {
            raw.write(Arrays.copyOfRange(body, 0, body.length / 2));

            CompletableFuture<Void> stopping = server.server().stop().toCompletableFuture();

            assertThat(eventuallyRefusesConnections(port)).as("new connections refused while draining").isTrue();
            assertThat(stopping).as("the stop waits for the request in flight").isNotDone();
            raw.write(Arrays.copyOfRange(body, body.length / 2, body.length));
            RawHttp.Response answer = raw.read();
            assertThat(answer.status()).isEqualTo(201);
            assertThat(json(answer.body()).get("email").asText()).isEqualTo(email);
            stopping.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(refusesConnections(port)).isTrue();
        assertThat(server.log()).contains("\"msg\":\"stopping").contains("\"msg\":\"stopped\"");
    }

    @Test
    void stop_withTwoEventLoops_finishesTheRequestsInFlightOnBothLoops_thenCompletes() throws Exception {
        TestServer server = TestServer.start("EVENT_LOOPS", "2");
        int port = server.port();
        Map<String, String> loopOf = new ConcurrentHashMap<>();
        server.server().api().dispatcher().listen((request, route, status, nanos) -> request.header("X-Connection")
                .ifPresent(c -> loopOf.putIfAbsent(c, Thread.currentThread().getName())));
        String[] emails = {Client.uniqueEmail("loop-a"), Client.uniqueEmail("loop-b")};
        try (RawHttp a = RawHttp.connect(port); RawHttp b = RawHttp.connect(port)) {
            RawHttp[] connections = {a, b};
            for (int i = 0; i < 2; i++) {
                connections[i].head("GET /health HTTP/1.1", "X-Connection: " + i);
                assertThat(connections[i].read().status()).isEqualTo(200);
            }
            assertThat(Set.copyOf(loopOf.values())).as("the two connections' event loops").hasSize(2);
            byte[][] bodies = {signUp(emails[0]), signUp(emails[1])};
            for (int i = 0; i < 2; i++) {
                inFlightSignUp(connections[i], bodies[i]).write(Arrays.copyOfRange(bodies[i], 0, bodies[i].length / 2));
            }

            CompletableFuture<Void> stopping = server.server().stop().toCompletableFuture();

            assertThat(eventuallyRefusesConnections(port)).as("new connections refused while draining").isTrue();
            assertThat(stopping).as("the stop waits for both requests in flight").isNotDone();
            for (int i = 0; i < 2; i++) {
                connections[i].write(Arrays.copyOfRange(bodies[i], bodies[i].length / 2, bodies[i].length));
                RawHttp.Response answer = connections[i].read();
                assertThat(answer.status()).isEqualTo(201);
                assertThat(json(answer.body()).get("email").asText()).isEqualTo(emails[i]);
            }
            stopping.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(refusesConnections(port)).isTrue();
        assertThat(server.log()).contains("\"msg\":\"stopped\"");
    }

    @Test
    void stop_whileBcryptHashesASignUp_answersTheSignUp_thenCompletes() throws Exception {
        TestServer server = TestServer.start("BCRYPT_COST", "10");
        int port = server.port();
        byte[] body = signUp(Client.uniqueEmail("hashing"));
        try (RawHttp raw = inFlightSignUp(server, body)) {
            raw.write(body);

            CompletableFuture<Void> stopping = server.server().stop().toCompletableFuture();

            RawHttp.Response answer = raw.read();
            assertThat(answer.status()).isEqualTo(201);
            stopping.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(refusesConnections(port)).isTrue();
    }

    @Test
    void stop_withAnIdleKeepAliveConnection_closesItAndCompletes() throws Exception {
        TestServer server = TestServer.start();
        try (RawHttp idle = RawHttp.connect(server.port())) {
            idle.head("GET /health HTTP/1.1");
            assertThat(idle.read().status()).isEqualTo(200);

            server.stop();

            assertThat(idle.closedByServer()).isTrue();
        }
    }

    @Test
    void stop_calledTwice_completesForBothCallers() throws Exception {
        TestServer server = TestServer.start();

        CompletableFuture<Void> first = server.server().stop().toCompletableFuture();
        CompletableFuture<Void> second = server.server().stop().toCompletableFuture();

        first.get(WAIT_SECONDS, TimeUnit.SECONDS);
        second.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(server.log().split("\"msg\":\"stopped\"", -1)).as("stopped once").hasSize(2);
    }

    @Test
    void start_onAPortAlreadyInUse_failsWithTheBindError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HttpConfig config = HttpConfig.fromEnv(TestServer.env("PORT", Integer.toString(taken.getLocalPort())));

            CompletableFuture<BookshelfHttpServer> start =
                    BookshelfHttpServer.start(config, new PrintStream(OutputStream.nullOutputStream())).toCompletableFuture();

            assertThatThrownBy(() -> start.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(BindException.class);
        }
    }
}
