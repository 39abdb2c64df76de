package dev.bookshelf.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The SDK baseline makes one GetItem per event and answers by whether the item exists. */
class SdkBaselineHandlerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private HttpServer dynamo;

    @AfterEach
    void stop() {
        dynamo.stop(0);
    }

    @Test
    void eachEvent_makesOneGetItem_andAnswers200WhenTheItemExists() throws Exception {
        SdkBaselineHandler handler = handlerAgainst("{\"Item\":{\"pk\":{\"S\":\"USER#1\"},\"sk\":{\"S\":\"USER\"}}}");

        assertThat(status(handler)).isEqualTo(200);
        assertThat(status(handler)).isEqualTo(200);
        assertThat(targets).containsExactly("DynamoDB_20120810.GetItem", "DynamoDB_20120810.GetItem");
    }

    @Test
    void aMissingItem_isAnswered404() throws Exception {
        assertThat(status(handlerAgainst("{}"))).isEqualTo(404);
    }

    private SdkBaselineHandler handlerAgainst(String answer) throws Exception {
        dynamo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dynamo.createContext("/", exchange -> {
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        dynamo.start();
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "BOOKSHELF_DYNAMODB_TABLE", "bench",
                "BOOKSHELF_DYNAMODB_ENDPOINT", "http://127.0.0.1:" + dynamo.getAddress().getPort(),
                "SDK_BASELINE_PK", "USER#1", "SDK_BASELINE_SK", "USER");
        return new SdkBaselineHandler(env, StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")));
    }

    private static int status(SdkBaselineHandler handler) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream event = SdkBaselineHandlerTest.class.getResourceAsStream("/dev/bookshelf/bench/events/get-book.json")) {
            handler.handleRequest(event, out, null);
        }
        return MAPPER.readTree(out.toByteArray()).get("statusCode").asInt();
    }
}
