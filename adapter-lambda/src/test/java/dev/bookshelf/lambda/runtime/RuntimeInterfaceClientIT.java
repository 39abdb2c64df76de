package dev.bookshelf.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.lambda.local.ClientRequest;
import dev.bookshelf.lambda.local.FrontDoor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged upload ({@code target/bookshelf-lambda.jar}) under AWS's real runtime interface
 * client in a child JVM, against {@link LocalRuntimeApi}: what Lambda's Java runtime does with it.
 * Runs after {@code package} (failsafe).
 */
class RuntimeInterfaceClientIT {
    private static final String HANDLER = "dev.bookshelf.lambda.BookshelfHandler::handleRequest";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Path functionJar() {
        Path jar = Path.of(System.getProperty("bookshelf.lambda.jar", "target/bookshelf-lambda.jar"));
        assertThat(jar).as("the packaged upload; run mvn verify").exists();
        return jar;
    }

    private static Path log(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "runtime-client-it"));
        return dir.resolve(name + ".log");
    }

    @Test
    void packagedHandler_underTheRealRuntimeClient_answersHealthSignUpLogInAndANonProxyEvent() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            String health = api.enqueue(fixture("health.json"));
            String signup = api.enqueue(fixture("signup.json"));
            String login = api.enqueue(fixture("login.json"));
            String httpApi = api.enqueue(FrontDoor.HTTP_API.event(ClientRequest.of("GET", "/health")));
            String notProxy = api.enqueue(fixture("bare-body.json"));

            Map<String, String> env = Map.of("BCRYPT_COST", "4",
                    "TOKEN_SECRET", "test-only-secret-0123456789abcdef0123456789");
            try (RuntimeClientProcess function = RuntimeClientProcess.start(functionJar(), HANDLER, api, env,
                    LAMBDA_JVM_FLAGS, log("invocations"))) {
                JsonNode healthAnswer = answer(api, health, function);
                assertThat(healthAnswer.path("statusCode").asInt()).isEqualTo(200);
                assertThat(MAPPER.readTree(healthAnswer.path("body").asText()).path("status").asText()).isEqualTo("UP");
                assertThat(healthAnswer.path("multiValueHeaders").path("X-Request-Id").get(0).asText())
                        .isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbe09");

                JsonNode signupAnswer = answer(api, signup, function);
                assertThat(signupAnswer.path("statusCode").asInt()).isEqualTo(201);
                assertThat(signupAnswer.path("body").asText()).contains("독자");

                JsonNode loginAnswer = answer(api, login, function);
                assertThat(loginAnswer.path("statusCode").asInt()).isEqualTo(200);
                assertThat(MAPPER.readTree(loginAnswer.path("body").asText()).path("tokenType").asText())
                        .isEqualTo("Bearer");

                JsonNode httpApiAnswer = answer(api, httpApi, function);
                assertThat(httpApiAnswer.path("statusCode").asInt()).isEqualTo(200);
                assertThat(httpApiAnswer.has("headers")).isTrue();
                assertThat(httpApiAnswer.has("multiValueHeaders")).isFalse();

                JsonNode notProxyAnswer = answer(api, notProxy, function);
                assertThat(notProxyAnswer.path("statusCode").asInt()).isEqualTo(500);
                assertThat(MAPPER.readTree(notProxyAnswer.path("body").asText()).path("type").asText())
                        .isEqualTo("/problems/lambda-proxy-integration-required");

                assertThat(function.output()).contains("\"route\":\"/auth/signup\"", "\"status\":201")
                        .doesNotContain("correct horse");
            }
        }
    }

    @Test
    void invalidConfiguration_isReportedAsTheInitError_namingTokenSecret() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            api.enqueue(fixture("health.json"));
            Map<String, String> env = Map.of("BOOKSHELF_ENV", "production");
            try (RuntimeClientProcess function = RuntimeClientProcess.start(functionJar(), HANDLER, api, env,
                    LAMBDA_JVM_FLAGS, log("init-error"))) {
                LocalRuntimeApi.InitError error = api.awaitInitError(WAIT);

                assertThat(error.bodyText()).as(function.output())
                        .contains("TOKEN_SECRET is required when BOOKSHELF_ENV=production");
                JsonNode json = MAPPER.readTree(error.body());
                assertThat(json.path("errorMessage").asText()).startsWith("Invalid configuration:")
                        .contains("TOKEN_SECRET");
                assertThat(json.path("errorType").asText()).isEqualTo("dev.bookshelf.api.config.ConfigException");
                assertThat(error.errorType()).as("the runtime client's classification").startsWith("Runtime.");
                assertThat(function.awaitExit(30)).as("the runtime client stops after an init error").isNotNull();
            }
        }
    }

    private static JsonNode answer(LocalRuntimeApi api, String id, RuntimeClientProcess function) throws Exception {
        LocalRuntimeApi.Result result;
        try {
            result = api.awaitResult(id, WAIT);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("No answer in " + WAIT + "; the function printed:\n" + function.output(), e);
        }
        assertThat(result.error()).as(result.bodyText()).isFalse();
        return MAPPER.readTree(result.body());
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = RuntimeInterfaceClientIT.class.getResourceAsStream("/dev/bookshelf/lambda/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

}
