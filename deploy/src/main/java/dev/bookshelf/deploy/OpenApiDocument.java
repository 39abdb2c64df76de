package dev.bookshelf.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.bookshelf.api.cors.CorsPolicy;
import dev.bookshelf.api.routes.RouteSpec;
import dev.bookshelf.api.routes.Routes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REST API's OpenAPI 3 definition, generated from {@link Routes#ALL}: every route (and an
 * OPTIONS per path, so preflights reach our CORS policy) goes to the Lambda function through an
 * {@code aws_proxy} integration, and API Gateway's own error answers carry CORS headers and our
 * problem-details shape. The file is included into the SAM template with {@code AWS::Include},
 * so it may use intrinsic functions ({@code Fn::Sub}).
 */
public final class OpenApiDocument {
    static final String INTEGRATION_URI = "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/"
            + "functions/${BookshelfFunction.Arn}:live/invocations";
    static final String WEB_ORIGIN = "'https://${WebDistribution.DomainName}'";

    private OpenApiDocument() {
    }

    public static Map<String, Object> build() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.1");
        doc.put("info", Map.of("title", "Bookshelf API", "version", "1.0.0",
                "description", "Generated from dev.bookshelf.api.routes.Routes; do not edit by hand."));
        doc.put("paths", paths());
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", Schemas.all());
        components.put("securitySchemes", Map.of("bearer",
                Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT")));
        doc.put("components", components);
        doc.put("x-amazon-apigateway-gateway-responses", GatewayResponses.all());
        // Lets API Gateway pass base64 bodies through as bytes: the function gzips large answers
        // (isBase64Encoded) and accepts base64 request bodies; plain JSON passes as text either way.
        doc.put("x-amazon-apigateway-binary-media-types", java.util.List.of("*/*"));
        return doc;
    }

    /** The document as YAML, map keys sorted so that every run writes identical bytes. */
    public static String yaml() {
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .build())
                .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        try {
            return "# Generated from the route table by dev.bookshelf.deploy.OpenApiDocument: do not edit.\n"
                    + "# Regenerate: mvn -pl deploy -am test -Dbookshelf.openapi.write=true\n"
                    + yaml.writeValueAsString(build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> paths() {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (String path : Routes.paths()) {
            Map<String, Object> item = new LinkedHashMap<>();
            if (path.contains("{id}")) {
                item.put("parameters", List.of(Map.of("name", "id", "in", "path", "required", true,
                        "schema", Map.of("type", "string"))));
            }
            for (RouteSpec r : Routes.ALL) {
                if (r.path().equals(path)) {
                    item.put(r.method().toLowerCase(Locale.ROOT), operation(r));
                }
            }
            item.put("options", preflight(path));
            paths.put(path, item);
        }
        return paths;
    }

    private static Map<String, Object> operation(RouteSpec r) {
        Operations.Shape shape = Operations.shape(r);
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", r.operationId());
        op.put("summary", r.summary());
        if (r.authenticated()) {
            op.put("security", List.of(Map.of("bearer", List.of())));
        }
        if (!shape.parameters().isEmpty()) {
            op.put("parameters", shape.parameters());
        }
        if (shape.request() != null) {
            op.put("requestBody", Map.of("required", true, "content",
                    Map.of("application/json", Map.of("schema", Schemas.ref(shape.request())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        String status = Integer.toString(r.successStatus());
        responses.put(status, shape.response() == null
                ? Map.of("description", "Done")
                : Map.of("description", "Success", "content",
                        Map.of("application/json", Map.of("schema", Schemas.ref(shape.response())))));
        responses.put("default", Map.of("description", "Problem details (RFC 9457)", "content",
                Map.of("application/json", Map.of("schema", Schemas.ref("Problem")))));
        op.put("responses", responses);
        op.put("x-amazon-apigateway-integration", integration());
        return op;
    }

    private static Map<String, Object> preflight(String path) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", "preflight" + path.replaceAll("[^A-Za-z]", "_"));
        op.put("summary", "CORS preflight, answered by the function's CORS policy");
        op.put("responses", Map.of("204", Map.of("description", "Preflight accepted; allowed headers: "
                + String.join(", ", CorsPolicy.ALLOWED_HEADERS))));
        op.put("x-amazon-apigateway-integration", integration());
        return op;
    }

    private static Map<String, Object> integration() {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("type", "aws_proxy");
        i.put("httpMethod", "POST");
        i.put("uri", Map.of("Fn::Sub", INTEGRATION_URI));
        i.put("passthroughBehavior", "when_no_match");
        i.put("timeoutInMillis", 29000);
        return i;
    }
}
