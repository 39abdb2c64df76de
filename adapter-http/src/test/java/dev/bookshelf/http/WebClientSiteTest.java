package dev.bookshelf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.config.ConfigException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code WEB_ROOT}: the web client on its own origin, with a generated {@code config.js} naming
 * the API; static files with their content types, nothing else (no listings, hidden files or
 * paths outside the root).
 */
class WebClientSiteTest {
    static final Path DEPLOY_WEB = Path.of("..", "deploy", "web");

    @TempDir
    Path root;

    private static String configJsValue(String body) {
        String prefix = "window.BOOKSHELF_CONFIG = ";
        String line = body.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        assertThat(line).endsWith(";");
        return line.substring(prefix.length(), line.length() - 1);
    }

    private static JsonNode config(int webPort) throws Exception {
        HttpResponse<String> r = PortClient.get(webPort, "/config.js");
        assertThat(r.statusCode()).isEqualTo(200);
        return Client.json(configJsValue(r.body()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deployWeb_isServedWithItsContentTypes_andAConfigJsNamingTheApi() throws Exception {
        try (TestServer server = TestServer.start("WEB_ROOT", DEPLOY_WEB.toString(), "WEB_PORT", "0")) {
            int web = server.server().webPort();
            assertThat(web).isPositive().isNotEqualTo(server.port());
            assertThat(server.server().webUrl()).isEqualTo("http://127.0.0.1:" + web + "/");

            HttpResponse<String> page = PortClient.get(web, "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
            assertThat(page.body()).isEqualTo(Files.readString(DEPLOY_WEB.resolve("index.html")));
            assertThat(PortClient.get(web, "/index.html").body()).isEqualTo(page.body());

            HttpResponse<String> configJs = PortClient.get(web, "/config.js");
            assertThat(configJs.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
            assertThat(configJs.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(config(web).get("apiBaseUrl").asText()).isEqualTo("http://127.0.0.1:" + server.port());

            HttpResponse<String> app = PortClient.get(web, "/js/app.js");
            assertThat(app.statusCode()).isEqualTo(200);
            assertThat(app.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");
            assertThat(app.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(app.body()).isEqualTo(Files.readString(DEPLOY_WEB.resolve("js/app.js")));
            assertThat(PortClient.get(web, "/styles.css").headers().firstValue("Content-Type"))
                    .hasValue("text/css;charset=utf-8");
            assertThat(server.log()).contains("web client on http://127.0.0.1:" + web + "/");
        }
    }

    @Test
    void onlyFilesUnderTheRoot_byGetOrHead_noListingsNoHiddenFiles_andNoApi() throws Exception {
        Files.writeString(root.resolve("index.html"), "<!doctype html><title>t</title>");
        Files.writeString(root.resolve(".env"), "SECRET=1");
        Files.createDirectories(root.resolve("js"));
        Files.writeString(root.resolve("js").resolve("a.js"), "export const a = 1;");
        Files.writeString(root.getParent().resolve("outside-" + root.getFileName() + ".txt"), "outside");
        try (TestServer server = TestServer.start("WEB_ROOT", root.toString(), "WEB_PORT", "0")) {
            int web = server.server().webPort();

            assertThat(PortClient.get(web, "/js/a.js").statusCode()).isEqualTo(200);
            assertThat(PortClient.send(web, "HEAD", "/js/a.js").statusCode()).isEqualTo(200);
            assertThat(PortClient.get(web, "/js/").statusCode()).isEqualTo(404);
            assertThat(PortClient.get(web, "/.env").statusCode()).isEqualTo(404);
            assertThat(PortClient.get(web, "/missing.js").statusCode()).isEqualTo(404);
            assertThat(PortClient.get(web, "/health").statusCode()).isEqualTo(404);
            assertThat(PortClient.send(web, "POST", "/index.html").statusCode()).isEqualTo(405);
            try (RawHttp raw = RawHttp.connect(web)) {
                RawHttp.Response r = raw.head("GET /../outside-" + root.getFileName() + ".txt HTTP/1.1",
                        "Host: 127.0.0.1").read();
                assertThat(r.status()).isNotEqualTo(200);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("outside");
            }
        }
    }

    @Test
    void webApiUrl_andBasePath_decideWhatConfigJsNames() throws Exception {
        Files.writeString(root.resolve("index.html"), "<!doctype html>");
        try (TestServer server = TestServer.start("WEB_ROOT", root.toString(), "WEB_PORT", "0",
                "WEB_API_URL", "https://api.example.org/prod/")) {
            assertThat(config(server.server().webPort()).get("apiBaseUrl").asText()).isEqualTo("https://api.example.org/prod");
        }
        try (TestServer server = TestServer.start("WEB_ROOT", root.toString(), "WEB_PORT", "0", "BASE_PATH", "/api")) {
            assertThat(config(server.server().webPort()).get("apiBaseUrl").asText())
                    .isEqualTo("http://127.0.0.1:" + server.port() + "/api");
        }
    }

    @Test
    void anOriginTheCorsPolicyRefuses_isWarnedAboutAtStartup_anAllowedOneIsNot() throws Exception {
        Files.writeString(root.resolve("index.html"), "<!doctype html>");
        try (TestServer server = TestServer.start("WEB_ROOT", root.toString(), "WEB_PORT", "0")) {
            assertThat(server.log()).contains("\"level\":\"WARN\"").contains("the web client's origin http://127.0.0.1:"
                    + server.server().webPort() + " is not in CORS_ALLOWED_ORIGINS");
        }
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = s.getLocalPort();
        }
        try (TestServer server = TestServer.start("WEB_ROOT", root.toString(), "WEB_PORT", Integer.toString(free),
                "CORS_ALLOWED_ORIGINS", "http://127.0.0.1:" + free)) {
            assertThat(server.server().webPort()).isEqualTo(free);
            assertThat(server.log()).doesNotContain("CORS_ALLOWED_ORIGINS");
        }
    }

    @Test
    void withoutWebRoot_noSiteIsServed() throws Exception {
        assertThat(HttpConfig.fromEnv(Map.of()).web()).isNull();
        assertThat(HttpConfig.fromEnv(Map.of("WEB_ROOT", " ")).web()).isNull();
        try (TestServer server = TestServer.start()) {
            assertThat(server.server().webPort()).isEqualTo(-1);
            assertThat(server.server().webUrl()).isNull();
        }
    }

    @Test
    void defaults_port5173OnTheApisHost_anOriginTheDevelopmentCorsDefaultAllows() {
        HttpConfig config = HttpConfig.fromEnv(Map.of("WEB_ROOT", DEPLOY_WEB.toString(), "HOST", "0.0.0.0"));

        assertThat(config.web().listen()).isEqualTo(new HttpConfig.Listen("0.0.0.0", 5173));
        assertThat(config.web().root()).isEqualTo(DEPLOY_WEB.toAbsolutePath().normalize());
        assertThat(config.web().apiUrl()).isNull();
        assertThat(Urls.origin(config.web().listen().host(), 5173)).isEqualTo("http://localhost:5173");
        assertThat(config.settings().corsOrigins()).contains("http://localhost:5173", "http://127.0.0.1:5173");
    }

    @Test
    void badWebSettings_areListedTogether() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HttpConfig.fromEnv(Map.of(
                "WEB_ROOT", root.toString(), "WEB_PORT", "8080", "WEB_API_URL", "javascript:alert(1)",
                "WEB_HOST", "")));

        assertThat(e.problems()).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("WEB_ROOT must be a directory with an index.html"))
                .anySatisfy(p -> assertThat(p).contains("WEB_PORT must differ from PORT"))
                .anySatisfy(p -> assertThat(p).contains("WEB_API_URL must be an http:// or https:// URL"))
                .anySatisfy(p -> assertThat(p).contains("WEB_HOST must not be empty"));
        assertThat(catchThrowableOfType(ConfigException.class, () -> HttpConfig.fromEnv(Map.of(
                "WEB_ROOT", DEPLOY_WEB.toString(), "WEB_PORT", "9000"))).problems())
                .singleElement().asString().contains("WEB_PORT must differ from MANAGEMENT_PORT");
        assertThat(catchThrowableOfType(ConfigException.class, () -> HttpConfig.fromEnv(Map.of(
                "WEB_ROOT", DEPLOY_WEB.toString(), "WEB_PORT", "http"))).problems())
                .singleElement().asString().contains("WEB_PORT must be a port number");
    }

    @Test
    void configJs_isTheApiUrlAsAJsonString() {
        assertThat(WebClientSite.configJs("http://localhost:8080")).endsWith(
                "window.BOOKSHELF_CONFIG = {\"apiBaseUrl\":\"http://localhost:8080\"};\n");
        assertThat(configJsValue(WebClientSite.configJs("https://x.example/a\"b"))).isEqualTo(
                "{\"apiBaseUrl\":\"https://x.example/a\\\"b\"}");
    }
}
