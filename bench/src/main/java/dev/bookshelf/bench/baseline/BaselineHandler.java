package dev.bookshelf.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The floor the Bookshelf handler is measured against: a bare {@link RequestStreamHandler} with
 * only aws-lambda-java-core and Jackson. It reads the proxy event as a Jackson tree (as the
 * framework-free handler of the design's cold start table does) and answers a fixed proxy response.
 * Handler string: {@code dev.bookshelf.bench.baseline.BaselineHandler::handleRequest}; packaged
 * alone as {@code bench/target/baseline-lambda.jar}.
 */
public final class BaselineHandler implements RequestStreamHandler {
    static final String BODY = "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"title\":\"채식주의자\","
            + "\"author\":\"한강\",\"status\":\"READING\"}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = MAPPER.readTree(input);
        ObjectNode response = MAPPER.createObjectNode();
        response.put("statusCode", event.path("httpMethod").isTextual() ? 200 : 500);
        ObjectNode headers = response.putObject("multiValueHeaders");
        headers.putArray("Content-Type").add("application/json; charset=utf-8");
        response.put("body", BODY);
        response.put("isBase64Encoded", false);
        MAPPER.writeValue(output, response);
    }
}
