package dev.bookshelf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validates deploy/template.yaml without AWS: parameters, rules, references, least privilege. */
class SamTemplateTest {
    private static final Set<String> PSEUDO = Set.of("AWS::Region", "AWS::AccountId", "AWS::Partition",
            "AWS::StackName", "AWS::URLSuffix", "AWS::NoValue", "AWS::StackId");
    private static JsonNode template;

    @BeforeAll
    static void read() throws Exception {
        template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile());
    }

    private static Pattern stagePattern() {
        return Pattern.compile(template.path("Parameters").path("StageName").path("AllowedPattern").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-stage", "v1.0", "", "prod stage", "스테이지"})
    void stageName_rejectsAnythingButLettersDigitsAndUnderscore(String name) {
        assertThat(stagePattern().matcher(name).matches()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod_v1", "prod", "Stage_2"})
    void stageName_acceptsLettersDigitsAndUnderscore(String name) {
        assertThat(stagePattern().matcher(name).matches()).isTrue();
    }

    @Test
    void stageName_explainsTheConstraintInTheConsolesWords() {
        assertThat(template.path("Parameters").path("StageName").path("ConstraintDescription").asText())
                .isEqualTo("Stage name only allows a-zA-Z0-9_");
    }

    @Test
    void endpointType_isRegionalByDefault_withEdgeAndPrivateOptions() {
        JsonNode p = template.path("Parameters").path("EndpointType");
        assertThat(p.path("Default").asText()).isEqualTo("REGIONAL");
        assertThat(p.path("AllowedValues").toString()).contains("REGIONAL", "EDGE", "PRIVATE");
    }

    @Test
    void privateEndpoint_withoutVpcEndpointId_isRejectedByARule() {
        assertThat(rulePasses(Map.of("EndpointType", "PRIVATE", "VpcEndpointId", ""))).isFalse();
        assertThat(rulePasses(Map.of("EndpointType", "PRIVATE", "VpcEndpointId", "vpce-0123456789abcdef0"))).isTrue();
        assertThat(rulePasses(Map.of("EndpointType", "REGIONAL", "VpcEndpointId", ""))).isTrue();
        assertThat(rulePasses(Map.of("EndpointType", "EDGE", "VpcEndpointId", ""))).isTrue();
    }

    @Test
    void privateApi_allowsOnlyTheGivenVpcEndpoint() {
        String policy = template.path("Resources").path("BookshelfApi").path("Properties").path("Auth")
                .path("ResourcePolicy").toString();
        assertThat(policy).contains("aws:SourceVpce").contains("\"Ref\":\"VpcEndpointId\"").contains("IsPrivate");
    }

    @Test
    void api_isDefinedByTheGeneratedOpenApiDocument() {
        JsonNode include = template.path("Resources").path("BookshelfApi").path("Properties").path("DefinitionBody")
                .path("Fn::Transform");
        assertThat(include.path("Name").asText()).isEqualTo("AWS::Include");
        assertThat(include.path("Parameters").path("Location").asText()).isEqualTo("openapi.yaml");
        assertThat(Path.of("openapi.yaml")).exists();
    }

    @Test
    void function_isJava21WithSnapStartOnAPublishedAlias() {
        JsonNode f = template.path("Resources").path("BookshelfFunction").path("Properties");
        assertThat(f.path("Runtime").asText()).isEqualTo("java21");
        assertThat(f.path("Handler").asText()).isEqualTo("dev.bookshelf.lambda.BookshelfHandler::handleRequest");
        assertThat(f.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(f.path("AutoPublishAlias").asText()).isEqualTo("live");
        assertThat(OpenApiDocument.INTEGRATION_URI).contains(":live/invocations");
    }

    @Test
    void function_isBuiltBySamWithTheRepositoryMakefile_fromTheLambdaArtifact() throws Exception {
        JsonNode f = template.path("Resources").path("BookshelfFunction");
        assertThat(f.path("Metadata").path("BuildMethod").asText()).isEqualTo("makefile");
        Path codeUri = Path.of(f.path("Properties").path("CodeUri").asText());
        String makefile = java.nio.file.Files.readString(codeUri.resolve("Makefile"));
        assertThat(makefile).contains("build-BookshelfFunction:").contains("-pl adapter-lambda")
                .contains("adapter-lambda/target/bookshelf-lambda.jar").contains("$(ARTIFACTS_DIR)/lib");
    }

    @Test
    void tokenSecret_comesFromSecretsManager_neverFromATemplateDefault() {
        JsonNode env = template.path("Resources").path("BookshelfFunction").path("Properties").path("Environment")
                .path("Variables");
        assertThat(env.path("TOKEN_SECRET").path("Fn::Sub").asText()).startsWith("{{resolve:secretsmanager:");
        assertThat(env.path("BOOKSHELF_ENV").asText()).isEqualTo("production");
        template.path("Parameters").fields().forEachRemaining(p ->
                assertThat(p.getKey().toLowerCase()).doesNotContain("secret"));
    }

    @Test
    void function_mayOnlyUseItsOwnTable_withNoWildcardActions() {
        JsonNode statements = template.path("Resources").path("BookshelfFunction").path("Properties").path("Policies")
                .get(0).path("Statement");
        for (JsonNode s : statements) {
            for (JsonNode action : s.path("Action")) {
                assertThat(action.asText()).startsWith("dynamodb:").doesNotContain("*");
            }
            assertThat(s.path("Resource").toString()).contains("BooksTable").doesNotContain("\"*\"");
        }
    }

    @Test
    void table_isOnDemandWithPointInTimeRecovery() {
        JsonNode t = template.path("Resources").path("BooksTable").path("Properties");
        assertThat(t.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(t.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean()).isTrue();
    }

    @Test
    void table_hasTimeToLiveOnTheAttributeTheStoreWritesExpiriesTo() {
        JsonNode ttl = template.path("Resources").path("BooksTable").path("Properties").path("TimeToLiveSpecification");
        assertThat(ttl.path("Enabled").asBoolean()).isTrue();
        assertThat(ttl.path("AttributeName").asText()).isEqualTo("expiresAt");
    }

    @Test
    void function_mayDeleteAShelfInBatches() {
        JsonNode statements = template.path("Resources").path("BookshelfFunction").path("Properties").path("Policies")
                .get(0).path("Statement");
        assertThat(statements.toString()).contains("dynamodb:BatchWriteItem", "dynamodb:UpdateItem");
    }

    @Test
    void logins_areRateLimitedPerClientIpByWaf_answering429WithRetryAfter() {
        JsonNode acl = template.path("Resources").path("LoginRateLimit").path("Properties");
        JsonNode rule = acl.path("Rules").get(0);
        assertThat(rule.path("Statement").path("RateBasedStatement").path("AggregateKeyType").asText()).isEqualTo("IP");
        assertThat(rule.path("Statement").toString()).contains("/auth/login");
        JsonNode block = rule.path("Action").path("Block").path("CustomResponse");
        assertThat(block.path("ResponseCode").asInt()).isEqualTo(429);
        assertThat(block.path("ResponseHeaders").toString()).contains("Retry-After");
        assertThat(template.path("Resources").path("LoginRateLimitAssociation").path("Properties").path("ResourceArn")
                .toString()).contains("BookshelfApi.Stage");
    }

    @Test
    void logs_haveRetention() {
        assertThat(template.path("Resources").path("FunctionLogGroup").path("Properties").has("RetentionInDays")).isTrue();
    }

    @Test
    void webBucket_isPrivateAndServedByCloudFront_whoseOriginTheFunctionAllows() {
        JsonNode block = template.path("Resources").path("WebBucket").path("Properties")
                .path("PublicAccessBlockConfiguration");
        assertThat(block.path("BlockPublicAcls").asBoolean()).isTrue();
        assertThat(block.path("RestrictPublicBuckets").asBoolean()).isTrue();
        String origins = template.path("Resources").path("BookshelfFunction").path("Properties").path("Environment")
                .path("Variables").path("CORS_ALLOWED_ORIGINS").toString();
        assertThat(origins).contains("https://${WebDistribution.DomainName}");
    }

    @Test
    void everyReference_inTheTemplateAndTheOpenApiDocument_namesSomethingThatExists() throws Exception {
        Set<String> known = new HashSet<>(PSEUDO);
        template.path("Parameters").fieldNames().forEachRemaining(known::add);
        template.path("Resources").fieldNames().forEachRemaining(known::add);
        List<String> broken = new ArrayList<>();
        collect(template, known, broken);
        collect(new ObjectMapper(new YAMLFactory()).readTree(OpenApiDocument.yaml()), known, broken);
        assertThat(broken).isEmpty();
    }

    private static void collect(JsonNode node, Set<String> known, List<String> broken) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                switch (e.getKey()) {
                    case "Ref" -> check(e.getValue().asText(), known, broken);
                    case "Fn::GetAtt" -> check(e.getValue().get(0).asText(), known, broken);
                    case "Fn::Sub" -> {
                        Matcher m = Pattern.compile("\\$\\{([^!}][^}]*)}").matcher(e.getValue().asText());
                        while (m.find()) {
                            check(m.group(1), known, broken);
                        }
                    }
                    default -> { }
                }
                collect(e.getValue(), known, broken);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, known, broken));
        }
    }

    private static void check(String ref, Set<String> known, List<String> broken) {
        String name = ref.startsWith("AWS::") ? ref : ref.split("\\.")[0];
        if (ref.startsWith("resolve:") || ref.startsWith("{{")) {
            return;
        }
        if (!known.contains(name)) {
            broken.add(ref);
        }
    }

    /** Evaluates the template's Rules (Fn::Equals, Fn::Not, Ref) for the given parameter values. */
    private static boolean rulePasses(Map<String, String> params) {
        for (JsonNode rule : template.path("Rules")) {
            if (rule.has("RuleCondition") && !truth(rule.path("RuleCondition"), params)) {
                continue;
            }
            for (JsonNode a : rule.path("Assertions")) {
                if (!truth(a.path("Assert"), params)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean truth(JsonNode fn, Map<String, String> params) {
        if (fn.has("Fn::Equals")) {
            return value(fn.path("Fn::Equals").get(0), params).equals(value(fn.path("Fn::Equals").get(1), params));
        }
        if (fn.has("Fn::Not")) {
            return !truth(fn.path("Fn::Not").get(0), params);
        }
        throw new IllegalArgumentException("unsupported rule function " + fn);
    }

    private static String value(JsonNode v, Map<String, String> params) {
        return v.has("Ref") ? params.get(v.path("Ref").asText()) : v.asText();
    }
}
