package dev.bookshelf.http;

import static dev.bookshelf.http.Client.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.api.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code MANAGEMENT_PORT}: read and refused like every setting; {@code /metrics} only there, never on the API. */
class ManagementPortTest {

    @Test
    void unset_isPort9000OnTheApisHost() {
        HttpConfig config = HttpConfig.fromEnv(Map.of("HOST", "127.0.0.1"));

        assertThat(config.management()).isEqualTo(new HttpConfig.Listen("127.0.0.1", 9000));
    }

    @Test
    void zero_isAnyFreePort_andManagementHostOverridesHost() {
        HttpConfig config = HttpConfig.fromEnv(Map.of("MANAGEMENT_PORT", " 0 ", "MANAGEMENT_HOST", "127.0.0.2"));

        assertThat(config.management()).isEqualTo(new HttpConfig.Listen("127.0.0.2", 0));
    }

    @Test
    void off_inAnyCase_isNoManagementServer() {
        assertThat(HttpConfig.fromEnv(Map.of("MANAGEMENT_PORT", "off")).management()).isNull();
        assertThat(HttpConfig.fromEnv(Map.of("MANAGEMENT_PORT", " OFF")).management()).isNull();
    }

    @Test
    void invalidValues_areListedWithWhatIsAllowed() {
        for (String bad : new String[] {"ninety", "-1", "65536", "9000x", "no"}) {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> HttpConfig.fromEnv(Map.of("MANAGEMENT_PORT", bad)));

            assertThat(e.problems()).as(bad).singleElement().asString()
                    .contains("MANAGEMENT_PORT must be a port number between 0 and 65535")
                    .contains("'off'").contains("'" + bad + "'");
        }
    }

    @Test
    void theApisOwnPort_orAnEmptyHost_isRefusedWithTheOtherProblems() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HttpConfig.fromEnv(Map.of(
                "PORT", "8080", "MANAGEMENT_PORT", "8080", "MANAGEMENT_HOST", " ", "BCRYPT_COST", "99")));

        assertThat(e.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("MANAGEMENT_PORT must differ from PORT"))
                .anySatisfy(p -> assertThat(p).contains("MANAGEMENT_HOST must not be empty"))
                .anySatisfy(p -> assertThat(p).contains("BCRYPT_COST"));
    }

    @Test
    void metrics_areOnTheManagementPortOnly_theApiAnswersItsOwn404() throws Exception {
        try (TestServer server = TestServer.start()) {
            int management = server.server().managementPort();
            assertThat(management).isPositive().isNotEqualTo(server.port());
            assertThat(server.server().metricsUrl()).isEqualTo("http://127.0.0.1:" + management + "/metrics");

            HttpResponse<byte[]> onApi = server.client().get("/metrics");
            assertThat(onApi.statusCode()).isEqualTo(404);
            assertThat(onApi.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(json(onApi).get("status").asInt()).isEqualTo(404);

            assertThat(PortClient.get(management, "/metrics").statusCode()).isEqualTo(200);
            assertThat(PortClient.send(management, "HEAD", "/metrics").statusCode()).isEqualTo(200);
            assertThat(PortClient.send(management, "POST", "/metrics").statusCode()).isEqualTo(405);
            assertThat(PortClient.get(management, "/health").statusCode()).isEqualTo(404);
            assertThat(PortClient.get(management, "/books").statusCode()).isEqualTo(404);
            assertThat(server.log()).contains("\"msg\":\"metrics on http://127.0.0.1:" + management + "/metrics\"");
        }
    }

    @Test
    void off_startsNoManagementServer_andTheApiStillServes() throws Exception {
        try (TestServer server = TestServer.start("MANAGEMENT_PORT", "off")) {
            assertThat(server.server().managementPort()).isEqualTo(-1);
            assertThat(server.server().metricsUrl()).isNull();
            assertThat(server.client().get("/health").statusCode()).isEqualTo(200);
            assertThat(server.log()).doesNotContain("metrics on");
        }
    }

    @Test
    void aManagementPortInUse_failsTheStart_namingTheSetting_andReleasesTheApiPort() throws Exception {
        int apiPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            apiPort = free.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            HttpConfig config = HttpConfig.fromEnv(TestServer.env("PORT", Integer.toString(apiPort),
                    "MANAGEMENT_PORT", Integer.toString(taken.getLocalPort())));
            PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> BookshelfHttpServer.start(config, log).toCompletableFuture().get(30, TimeUnit.SECONDS));

            assertThat(e.getCause()).hasMessageContaining("management port 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("MANAGEMENT_PORT");
        }
        try (ServerSocket again = new ServerSocket(apiPort, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(apiPort);
        }
    }
}
