package dev.bookshelf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What a new user does: runs {@code bin/serve} (here with {@code BOOKSHELF_NO_BUILD=1}, on free
 * ports), reads the addresses it prints, opens the page and signs up, logs in and adds a book;
 * then the printed metrics address counts that request under its route template.
 */
class BinServeWebClientTest {
    static final Duration START_BOUND = Duration.ofSeconds(90);
    private static final Pattern API = Pattern.compile("(?m)^ {2}API {7}(http://\\S+)$");
    private static final Pattern PAGE = Pattern.compile("(?m)^ {2}web page {2}(http://\\S+)$");
    private static final Pattern METRICS = Pattern.compile("(?m)^ {2}metrics {3}(http://\\S+)$");

    private static Path repository() {
        return Path.of(System.getProperty("bookshelf.repo.root", "..")).toAbsolutePath().normalize();
    }

    /** The jar bin/serve runs must be built from the classes under test, not left from another build. */
    private static void requireFreshJar(Path repo) throws IOException {
        Path jar = repo.resolve("adapter-http/target/bookshelf-server.jar");
        assertThat(jar).as("bin/serve runs %s; build it first (mvn -pl adapter-http -am package)", jar).isRegularFile();
        FileTime built = Files.getLastModifiedTime(jar);
        for (String module : List.of("core", "api", "adapter-http")) {
            try (Stream<Path> classes = Files.walk(repo.resolve(module).resolve("target/classes"))) {
                List<Path> newer = classes.filter(Files::isRegularFile).filter(p -> {
                    try {
                        return Files.getLastModifiedTime(p).compareTo(built) > 0;
                    } catch (IOException e) {
                        return true;
                    }
                }).limit(3).toList();
                assertThat(newer).as("classes newer than %s; package adapter-http again", jar).isEmpty();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static String await(Pattern printed, Path stderr, Process serve) throws Exception {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = printed.matcher(Files.readString(stderr));
            if (m.find()) {
                return m.group(1);
            }
            if (!serve.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("bin/serve printed no " + printed + " (alive: " + serve.isAlive() + "); stderr:\n"
                + Files.readString(stderr));
    }

    @Test
    void binServe_printsTheApiAndThePage_whichSignsUpLogsInAndAddsABook() throws Exception {
        Chromium.requireInstalled();
        Path repo = repository();
        requireFreshJar(repo);
        int webPort = freePort();
        String webOrigin = "http://127.0.0.1:" + webPort;
        Path stdout = Files.createTempFile("bookshelf-serve", ".out");
        Path stderr = Files.createTempFile("bookshelf-serve", ".err");
        ProcessBuilder pb = new ProcessBuilder("bash", "bin/serve").directory(repo.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Map<String, String> env = pb.environment();
        for (String inherited : List.of("WEB_ROOT", "WEB_HOST", "WEB_API_URL", "BASE_PATH", "STORE", "MANAGEMENT_HOST")) {
            env.remove(inherited);
        }
        env.putAll(Map.of("BOOKSHELF_NO_BUILD", "1", "HOST", "127.0.0.1", "PORT", "0", "MANAGEMENT_PORT", "0",
                "WEB_PORT", Integer.toString(webPort), "CORS_ALLOWED_ORIGINS", webOrigin, "BCRYPT_COST", "4",
                "SHUTDOWN_GRACE_SECONDS", "1"));
        Process serve = pb.start();
        try {
            String page = await(PAGE, stderr, serve);
            String api = await(API, stderr, serve);
            String metrics = await(METRICS, stderr, serve);
            assertThat(page).isEqualTo(webOrigin + "/");
            assertThat(api).matches("http://127\\.0\\.0\\.1:\\d+");

            signUpLogInAndAddABook(page);

            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metrics))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).containsPattern(
                    "(?m)^http_server_requests_seconds_count\\{method=\"POST\",route=\"/books\",status=\"2xx\"} 1$");
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(serve.exitValue()).as("SIGTERM stops bin/serve cleanly; stderr:%n%s", Files.readString(stderr))
                .isZero();
        assertThat(Files.readString(stdout, StandardCharsets.UTF_8)).contains("\"msg\":\"stopped\"");
    }

    private static void signUpLogInAndAddABook(String page) throws IOException {
        String email = "serve-" + UUID.randomUUID() + "@example.com";
        try (Chromium browser = Chromium.start()) {
            BookshelfUi ui = new BookshelfUi(browser.driver());
            ui.open(page);
            ui.goToSignUp();
            ui.signUp(email, WebClientScenario.PASSWORD, "독자");
            ui.waitForView("login");
            ui.showing(By.id("notice"), "가입되었습니다. 로그인해 주세요.");
            ui.logIn(email, WebClientScenario.PASSWORD);
            ui.waitForShelf();
            ui.addBook("채식주의자", "한강", "WANT_TO_READ");
            assertThat(ui.book("채식주의자").findElement(BookshelfUi.testId("book-author")).getText()).isEqualTo("한강");
        }
    }
}
