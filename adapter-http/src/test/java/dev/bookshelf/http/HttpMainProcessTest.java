package dev.bookshelf.http;

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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HttpMain} as operators run it: a JVM of its own, configured by its environment, stopped
 * by a signal. The child writes to files (reading a child's pipes while it exits can lose the last
 * lines), which the test polls within bounded waits.
 */
class HttpMainProcessTest {
    static final long PROCESS_WAIT_SECONDS = 60;
    static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;
    private Process process;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(PROCESS_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Process launch(Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HttpMain.class.getName());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectOutput(stdout().toFile());
        pb.redirectError(stderr().toFile());
        process = pb.start();
        return process;
    }

    private Path stdout() {
        return dir.resolve("stdout.log");
    }

    private Path stderr() {
        return dir.resolve("stderr.log");
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** Polls {@code file} (bounded) until {@code pattern} appears; answers the match, or null. */
    private static Matcher await(Path file, Pattern pattern) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(read(file));
            if (m.find()) {
                return m;
            }
            Thread.sleep(100);
        }
        return null;
    }

    @Test
    void main_servesHealth_andOnSigterm_logsStoppedAndExits0() throws Exception {
        Process p = launch(TestServer.env());

        Matcher listening = await(stdout(), LISTENING);
        assertThat(listening).as(() -> "a 'listening on' line in:\n" + readQuietly(stdout())).isNotNull();
        int port = Integer.parseInt(listening.group(1));
        HttpResponse<String> health = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        p.destroy();

        assertThat(p.waitFor(PROCESS_WAIT_SECONDS, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        assertThat(p.exitValue()).as(() -> "exit status; stderr:\n" + readQuietly(stderr())).isZero();
        assertThat(read(stdout())).contains("\"msg\":\"stopping").contains("\"msg\":\"stopped\"");
    }

    @Test
    void main_withAnInvalidEnvironment_exits2_andListsEveryProblemOnStderr() throws Exception {
        Process p = launch(Map.of("PORT", "eighty", "BOOKSHELF_ENV", "production", "HOST", "127.0.0.1"));

        assertThat(p.waitFor(PROCESS_WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(read(stderr())).contains("Invalid configuration").contains("PORT must be a whole number")
                .contains("TOKEN_SECRET is required").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(read(stdout())).doesNotContain("listening on");
    }

    @Test
    void main_withAnUnknownStore_exits2_namingTheKnownStores() throws Exception {
        Process p = launch(TestServer.env("STORE", "cassandra"));

        assertThat(p.waitFor(PROCESS_WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(read(stderr())).contains("Invalid configuration").containsPattern("STORE must be one of .*memory");
    }

    @Test
    void main_onAPortAlreadyInUse_exits1_withTheReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Process p = launch(TestServer.env("PORT", Integer.toString(taken.getLocalPort())));

            assertThat(p.waitFor(PROCESS_WAIT_SECONDS, TimeUnit.SECONDS)).as("exited on its own").isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(read(stderr())).contains("Could not start the server").contains("in use");
        }
    }

    private static String readQuietly(Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
