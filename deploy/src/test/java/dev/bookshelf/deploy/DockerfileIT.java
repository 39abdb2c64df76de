package dev.bookshelf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of deploy/Dockerfile without a Docker engine: the jar it copies is what the
 * build produces, and its ENTRYPOINT and HEALTHCHECK commands work on that jar. Runs after
 * {@code package} (failsafe), so the server jar exists.
 */
class DockerfileIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static String dockerfile;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = Files.readString(ROOT.resolve("deploy/Dockerfile"), StandardCharsets.UTF_8);
    }

    private static Matcher copy() {
        Matcher m = Pattern.compile("(?m)^COPY --from=build /src/(\\S+) (\\S+)$").matcher(dockerfile);
        assertThat(m.find()).as("COPY --from=build line").isTrue();
        return m;
    }

    private static List<String> jsonArray(String instruction) throws IOException {
        Matcher m = Pattern.compile("(?m)^" + instruction + " (\\[.*])$").matcher(dockerfile);
        assertThat(m.find()).as(instruction).isTrue();
        return Arrays.asList(new ObjectMapper().readValue(m.group(1), String[].class));
    }

    /** The command as it runs in the image, with the image's jar path mapped to the built jar. */
    private static List<String> local(List<String> command) {
        Matcher c = copy();
        Path builtJar = ROOT.resolve(c.group(1));
        String imageJar = c.group(2);
        List<String> out = new ArrayList<>();
        for (String part : command) {
            out.add(part.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                    : part.replace(imageJar, builtJar.toString()));
        }
        return out;
    }

    @Test
    void theJarTheImageCopies_isTheServerJarTheBuildProduces() {
        Path jar = ROOT.resolve(copy().group(1));
        assertThat(jar).exists();
        assertThat(jar.getFileName().toString()).isEqualTo("bookshelf-server.jar");
    }

    @Test
    void image_runsAsANonRootUser_withPortAndHealthcheckAndSigterm() {
        assertThat(dockerfile).containsPattern("(?m)^USER 10001");
        assertThat(dockerfile).containsPattern("(?m)^ENV PORT=8080");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE 8080 9000$");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK ");
        assertThat(dockerfile).containsPattern("(?m)^STOPSIGNAL SIGTERM$");
        assertThat(dockerfile).contains("AS build").contains("FROM eclipse-temurin:21-jre");
    }

    @Test
    void entrypoint_startsTheServer_healthcheckPasses_andSigtermStopsIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(local(jsonArray("ENTRYPOINT"))).redirectErrorStream(true);
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("HOST", "127.0.0.1");
        pb.environment().put("MANAGEMENT_PORT", "0");
        pb.environment().put("SHUTDOWN_GRACE_SECONDS", "5");
        Path log = Files.createTempFile("bookshelf-entrypoint", ".log");
        pb.redirectOutput(log.toFile());
        Process server = pb.start();
        try {
            assertThat(waitForHealth(port)).as("GET /health answers 200 within 60 s; log:%n%s", read(log)).isTrue();
            ProcessBuilder probe = new ProcessBuilder(healthcheckCommand()).redirectErrorStream(true);
            probe.environment().put("PORT", Integer.toString(port));
            Process check = probe.start();
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).isZero();
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        assertThat(read(log)).contains("\"msg\":\"stopped\"");
    }

    @Test
    void healthcheck_failsWhenNothingAnswers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder probe = new ProcessBuilder(healthcheckCommand()).redirectErrorStream(true);
        probe.environment().put("PORT", Integer.toString(port));
        Process check = probe.start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).isEqualTo(1);
    }

    private static List<String> healthcheckCommand() throws IOException {
        Matcher m = Pattern.compile("CMD (\\[.*])").matcher(dockerfile.substring(dockerfile.indexOf("HEALTHCHECK")));
        assertThat(m.find()).isTrue();
        return local(Arrays.asList(new ObjectMapper().readValue(m.group(1), String[].class)));
    }

    private static boolean waitForHealth(int port) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 120; i++) {
            try {
                if (client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
