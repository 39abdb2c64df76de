package dev.bookshelf.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.dynamodb.DynaliteServer;
import dev.bookshelf.lambda.local.ClientRequest;
import dev.bookshelf.lambda.local.FrontDoor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged upload with {@code STORE=dynamodb}, under the real runtime interface client in a
 * child JVM, against dynalite on 127.0.0.1: the url-connection DynamoDB client as the upload ships
 * it (no AWS CRT, no jackson-databind, filtered and stripped classes), signing with session
 * credentials from the environment as Lambda provides them, signs up, logs in, adds a book with a
 * Korean title and reads it back. Runs after {@code package} (failsafe).
 */
class PackagedDynamoDbIT {
    private static final String HANDLER = "dev.bookshelf.lambda.BookshelfHandler::handleRequest";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TITLE = "채식주의자";

    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    @Test
    void packagedUpload_onDynamoDb_signsUpLogsInAndKeepsAKoreanTitledBook() throws Exception {
        Map<String, String> env = Map.of("STORE", "dynamodb", "BCRYPT_COST", "4",
                "TOKEN_SECRET", "test-only-secret-0123456789abcdef0123456789",
                "BOOKSHELF_DYNAMODB_ENDPOINT", DYNALITE.endpoint().toString(),
                "BOOKSHELF_DYNAMODB_TABLE", "packaged-upload",
                "BOOKSHELF_DYNAMODB_CREATE_TABLE", "true",
                "BOOKSHELF_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                // as Lambda provides the function's role without SnapStart: the client signs with these
                "AWS_ACCESS_KEY_ID", "ASIAPACKAGEDIT000001", "AWS_SECRET_ACCESS_KEY", "packaged/it/secret",
                "AWS_SESSION_TOKEN", "packaged-it-session-token");
        try (LocalRuntimeApi api = LocalRuntimeApi.start();
             RuntimeClientProcess function = RuntimeClientProcess.start(functionJar(), HANDLER, api, env,
                     LAMBDA_JVM_FLAGS, log("dynamodb"))) {
            Call call = new Call(api, function);
            JsonNode signUp = call.send(json("POST", "/auth/signup",
                    "{\"email\":\"reader@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"독자\"}"));
            assertThat(signUp.path("statusCode").asInt()).as(signUp.toString()).isEqualTo(201);
            assertThat(call.send(json("POST", "/auth/signup",
                    "{\"email\":\"reader@example.com\",\"password\":\"another horse battery\",\"displayName\":\"둘\"}"))
                    .path("statusCode").asInt()).as("the email is taken").isEqualTo(409);

            JsonNode logIn = call.send(json("POST", "/auth/login",
                    "{\"email\":\"reader@example.com\",\"password\":\"correct horse battery\"}"));
            assertThat(logIn.path("statusCode").asInt()).as(logIn.toString()).isEqualTo(200);
            String token = MAPPER.readTree(logIn.path("body").asText()).path("token").asText();

            String book = "{\"title\":\"" + TITLE + "\",\"author\":\"한강\",\"status\":\"READING\"}";
            JsonNode added = call.send(json("POST", "/books", book)
                    .withHeader("Authorization", "Bearer " + token));
            assertThat(added.path("statusCode").asInt()).as(added.toString()).isEqualTo(201);
            String id = MAPPER.readTree(added.path("body").asText()).path("id").asText();

            JsonNode read = call.send(ClientRequest.of("GET", "/books/" + id)
                    .withHeader("Authorization", "Bearer " + token));
            assertThat(read.path("statusCode").asInt()).as(read.toString()).isEqualTo(200);
            JsonNode stored = MAPPER.readTree(read.path("body").asText());
            assertThat(stored.path("title").asText()).isEqualTo(TITLE);
            assertThat(stored.path("author").asText()).isEqualTo("한강");

            JsonNode list = call.send(ClientRequest.of("GET", "/books").withHeader("Authorization", "Bearer " + token));
            assertThat(list.path("statusCode").asInt()).isEqualTo(200);
            assertThat(list.path("body").asText()).contains(TITLE);

            assertThat(function.output()).doesNotContain("NoClassDefFoundError", "ClassNotFoundException",
                    "correct horse", "packaged/it/secret", "packaged-it-session-token");
        }
    }

    /**
     * Production settings (a region, no endpoint override) build the client and make a call from the
     * packaged upload without a class-loading error. The child JVM resolves host names from an empty
     * hosts file, so the call fails at once with an unknown host and nothing leaves this machine.
     */
    @Test
    void packagedUpload_withProductionSettings_buildsTheClientAndFailsOnlyOnTheNetwork() throws Exception {
        String output = probe();

        assertThat(output).contains("PROBE software.amazon.awssdk.core.exception.SdkClientException")
                .contains("UnknownHostException").contains("dynamodb.eu-west-1.")
                .doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "NoSuchMethodError");
    }

    @Test
    void packagedUpload_refusesTheCrtClient_whichItDoesNotHold_withAClearMessage() throws Exception {
        String output = probe("BOOKSHELF_DYNAMODB_HTTP_CLIENT=crt");

        assertThat(output).contains("PROBE java.lang.IllegalStateException: the DynamoDB HTTP client 'crt' is not"
                + " on the classpath").contains("BOOKSHELF_DYNAMODB_HTTP_CLIENT");
    }

    /**
     * Runs {@link ProductionEndpointProbe} from the upload in a child JVM that resolves host names
     * from an empty hosts file (so a call fails at once with an unknown host and nothing leaves this
     * machine), with credentials from system properties and no AWS environment; returns its output.
     */
    private static String probe(String... settings) throws Exception {
        Path hosts = Files.createDirectories(Path.of("target", "packaged-dynamodb-it")).resolve("no-hosts");
        Files.writeString(hosts, "");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts.toAbsolutePath(), "-Daws.accessKeyId=AKIDPROBE",
                "-Daws.secretAccessKey=probe-secret", "-cp",
                functionJar() + File.pathSeparator + Path.of("target", "test-classes"),
                ProductionEndpointProbe.class.getName()));
        command.addAll(List.of(settings));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process probe = builder.start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        return output;
    }

    private static ClientRequest json(String method, String path, String body) {
        return ClientRequest.of(method, path).withBody("application/json", body);
    }

    private record Call(LocalRuntimeApi api, RuntimeClientProcess function) {
        JsonNode send(ClientRequest request) throws Exception {
            String id = api.enqueue(FrontDoor.REST.event(request));
            LocalRuntimeApi.Result result;
            try {
                result = api.awaitResult(id, WAIT);
            } catch (TimeoutException e) {
                throw new AssertionError("No answer in " + WAIT + "; the function printed:\n" + function.output(), e);
            }
            assertThat(result.error()).as(result.bodyText() + "\n" + function.output()).isFalse();
            return MAPPER.readTree(new String(result.body(), StandardCharsets.UTF_8));
        }
    }

    static Path functionJar() {
        Path jar = Path.of(System.getProperty("bookshelf.lambda.jar", "target/bookshelf-lambda.jar"));
        assertThat(jar).as("the packaged upload; run mvn verify").exists();
        return jar;
    }

    private static Path log(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "packaged-dynamodb-it"));
        return dir.resolve(name + ".log");
    }
}
