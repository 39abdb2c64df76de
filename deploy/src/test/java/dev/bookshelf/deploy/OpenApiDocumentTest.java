package dev.bookshelf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bookshelf.api.routes.RouteSpec;
import dev.bookshelf.api.routes.Routes;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    private static final Path COMMITTED = Path.of("openapi.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void committedDocument_isExactlyWhatTheRouteTableGenerates() throws Exception {
        String generated = OpenApiDocument.yaml();
        if (Boolean.getBoolean("bookshelf.openapi.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("deploy/openapi.yaml exists").exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("deploy/openapi.yaml is stale: regenerate with mvn -pl deploy -am test -Dbookshelf.openapi.write=true")
                .isEqualTo(generated);
    }

    @Test
    void document_parsesAndValidatesWithTheSwaggerParser_withoutMessages() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(OpenApiDocument.yaml(), null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).hasSize(Routes.paths().size());
    }

    @Test
    void everyRoute_isPresentWithALambdaProxyIntegration() throws Exception {
        JsonNode doc = YAML.readTree(OpenApiDocument.yaml());
        for (RouteSpec r : Routes.ALL) {
            JsonNode op = doc.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
            assertThat(op.isMissingNode()).as(r.method() + " " + r.path()).isFalse();
            assertThat(op.path("operationId").asText()).isEqualTo(r.operationId());
            assertProxyIntegration(op.path("x-amazon-apigateway-integration"));
            assertThat(op.path("responses").has(Integer.toString(r.successStatus()))).isTrue();
            assertThat(op.has("security")).isEqualTo(r.authenticated());
        }
    }

    @Test
    void everyPath_routesOptionsToTheFunction_soPreflightFollowsOurCorsPolicy() throws Exception {
        JsonNode doc = YAML.readTree(OpenApiDocument.yaml());
        for (String path : Routes.paths()) {
            assertProxyIntegration(doc.path("paths").path(path).path("options").path("x-amazon-apigateway-integration"));
        }
    }

    @Test
    void gatewayResponses_carryCorsHeadersAndTheProblemShape_includingUnknownPathsAndThrottling() throws Exception {
        JsonNode responses = YAML.readTree(OpenApiDocument.yaml()).path("x-amazon-apigateway-gateway-responses");
        assertThat(responses.path("MISSING_AUTHENTICATION_TOKEN").path("statusCode").asText()).isEqualTo("404");
        assertThat(responses.path("THROTTLED").path("statusCode").asText()).isEqualTo("429");
        for (String type : new String[] {"MISSING_AUTHENTICATION_TOKEN", "THROTTLED", "DEFAULT_4XX", "DEFAULT_5XX"}) {
            JsonNode r = responses.path(type);
            assertThat(r.path("responseParameters").path("gatewayresponse.header.Access-Control-Allow-Origin")
                    .path("Fn::Sub").asText()).as(type).contains("WebDistribution.DomainName");
            assertThat(r.path("responseParameters").path("gatewayresponse.header.Vary").asText()).isEqualTo("'Origin'");
            String template = r.path("responseTemplates").path("application/json").asText();
            assertThat(template).as(type).contains("\"type\":\"/problems/").contains("\"message\":")
                    .contains("$context.requestId");
        }
    }

    @Test
    void binaryMediaTypes_letGzippedAnswersThroughAsBytes() throws Exception {
        JsonNode types = YAML.readTree(OpenApiDocument.yaml()).path("x-amazon-apigateway-binary-media-types");
        assertThat(types.toString()).isEqualTo("[\"*/*\"]");
    }

    @Test
    void aRouteWithoutDeclaredSchemas_failsGenerationWithAClearMessage() {
        RouteSpec unknown = new RouteSpec("GET", "/x", false, false, 200, "notDeclared", "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Operations.shape(unknown))
                .hasMessageContaining("notDeclared");
    }

    private static void assertProxyIntegration(JsonNode integration) {
        assertThat(integration.path("type").asText()).isEqualTo("aws_proxy");
        assertThat(integration.path("httpMethod").asText()).isEqualTo("POST");
        assertThat(integration.path("uri").path("Fn::Sub").asText())
                .startsWith("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/")
                .endsWith("/invocations");
    }
}
