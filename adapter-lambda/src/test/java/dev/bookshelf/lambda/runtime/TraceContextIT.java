package dev.bookshelf.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.bookshelf.lambda.local.ClientRequest;
import dev.bookshelf.lambda.local.FrontDoor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Trace context on Lambda, end to end: the packaged upload under the real runtime interface
 * client, whose runtime API names each invocation's X-Ray trace header
 * ({@code Lambda-Runtime-Trace-Id}). The client sets it as the system property
 * {@code com.amazonaws.xray.traceHeader}; the request log line carries its root as
 * {@code xray_trace_id}, and the AWS SDK's {@code TraceIdExecutionInterceptor} (added to every
 * client by {@code AwsDefaultClientBuilder}, active when {@code AWS_LAMBDA_FUNCTION_NAME} is set)
 * sends it to DynamoDB as {@code X-Amzn-Trace-Id}. DynamoDB is a fake on 127.0.0.1 that records
 * the headers of each call and refuses it. Runs after {@code package} (failsafe).
 */
class TraceContextIT {
    private static final String HANDLER = "dev.bookshelf.lambda.BookshelfHandler::handleRequest";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theRuntimesTraceHeader_reachesTheLogLineAndTheDynamoDbCall() throws Exception {
        List<String> traceHeaders = new CopyOnWriteArrayList<>();
        HttpServer dynamo = fakeDynamoDb(traceHeaders);
        Map<String, String> env = Map.of("STORE", "dynamodb", "BCRYPT_COST", "4",
                "TOKEN_SECRET", "test-only-secret-0123456789abcdef0123456789",
                "BOOKSHELF_DYNAMODB_ENDPOINT", "http://127.0.0.1:" + dynamo.getAddress().getPort(),
                "BOOKSHELF_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        try (LocalRuntimeApi api = LocalRuntimeApi.start();
             RuntimeClientProcess function = RuntimeClientProcess.start(PackagedDynamoDbIT.functionJar(), HANDLER, api,
                     env, List.of("-XX:+UseSerialGC"), log())) {
            String id = api.enqueue(FrontDoor.REST.event(ClientRequest.of("POST", "/auth/login").withBody(
                    "application/json", "{\"email\":\"traced@example.com\",\"password\":\"correct horse battery\"}")));
            LocalRuntimeApi.Result result = api.awaitResult(id, WAIT);
            String idPart = id.replace("-", "").substring(0, 24);

            assertThat(result.error()).as(result.bodyText() + function.output()).isFalse();
            assertThat(traceHeaders).as(function.output()).isNotEmpty()
                    .allSatisfy(h -> assertThat(h).startsWith("Root=1-").contains(idPart));
            JsonNode line = requestLine(function.output());
            assertThat(line.path("xray_trace_id").asText()).matches("1-[0-9a-f]{8}-" + idPart);
            assertThat(line.path("function_request_id").asText()).isEqualTo(id);
            assertThat(line.path("cold_start").asBoolean()).isTrue();
            assertThat(function.output()).contains("{\"_aws\":{\"Timestamp\":");
        } finally {
            dynamo.stop(0);
        }
    }

    /** Records each call's X-Amzn-Trace-Id (or "none") and answers a DynamoDB validation error. */
    private static HttpServer fakeDynamoDb(List<String> traceHeaders) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            traceHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("X-Amzn-Trace-Id")));
            byte[] body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ValidationException\",\"message\":\"fake\"}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            ex.sendResponseHeaders(400, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return server;
    }

    private static JsonNode requestLine(String output) throws IOException {
        for (String line : output.lines().toList()) {
            int start = line.indexOf('{');
            if (start >= 0 && line.contains("\"msg\":\"request\"")) {
                return MAPPER.readTree(line.substring(start));
            }
        }
        throw new AssertionError("no request line in:\n" + output);
    }

    private static Path log() throws IOException {
        return Files.createDirectories(Path.of("target", "trace-context-it")).resolve("function.log");
    }
}
