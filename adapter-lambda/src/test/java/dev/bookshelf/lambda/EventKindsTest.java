package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.lambda.FrontDoors.Answer;
import dev.bookshelf.lambda.local.ClientRequest;
import dev.bookshelf.lambda.local.FrontDoor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One handler, every front door: each event kind is told from its shape and answered in its own format. */
class EventKindsTest {
    private static final String ORIGIN = "http://localhost:5173";
    private static final String JSON = "application/json; charset=utf-8";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private BookshelfHandler handler(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(ENV);
        env.putAll(extra);
        return BookshelfHandler.forEnvironment(env, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void health_answers200InTheFormatOfTheFrontDoor(FrontDoor door) {
        Answer answer = FrontDoors.call(handler(Map.of()), door,
                ClientRequest.of("GET", "/health").withHeader("Origin", ORIGIN));

        answer.assertFormat();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("UP");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void readingLog_signUpLogInAddKoreanTitleAndList_throughEachFrontDoor(FrontDoor door) {
        BookshelfHandler handler = handler(Map.of());
        Answer signup = FrontDoors.call(handler, door, ClientRequest.of("POST", "/auth/signup")
                .withBody(JSON, "{\"email\":\"reader@example.com\",\"password\":\"correct horse battery\","
                        + "\"displayName\":\"독자\"}"));
        assertThat(signup.assertFormat().status()).isEqualTo(201);
        assertThat(signup.header("Location")).isEqualTo("/me");

        Answer login = FrontDoors.call(handler, door, ClientRequest.of("POST", "/auth/login")
                .withBody(JSON, "{\"email\":\"reader@example.com\",\"password\":\"correct horse battery\"}"));
        assertThat(login.status()).isEqualTo(200);
        String token = login.json().path("token").asText();

        Answer added = FrontDoors.call(handler, door, ClientRequest.of("POST", "/books")
                .withHeader("Authorization", "Bearer " + token)
                .withBody(JSON, "{\"title\":\"소년이 온다\",\"author\":\"한강\",\"status\":\"WANT_TO_READ\"}"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("ETag")).isEqualTo("\"1\"");
        assertThat(added.envelope().path("body").asText()).contains("소년이 온다").doesNotContain("\\u");

        Answer listed = FrontDoors.call(handler, door, ClientRequest.of("GET", "/books?status=WANT%5FTO%5FREAD&limit=5")
                .withHeader("Authorization", "Bearer " + token));
        assertThat(listed.assertFormat().status()).isEqualTo(200);
        JsonNode items = listed.json().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("title").asText()).isEqualTo("소년이 온다");
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void unknownPath_answers404Problem_withThePathDecodedExactlyOnce(FrontDoor door) {
        Answer answer = FrontDoors.call(handler(Map.of()), door, ClientRequest.of("GET", "/shelf/%EC%B1%85%2520x"));

        answer.assertProblem(404, "not-found");
        assertThat(answer.json().path("detail").asText()).isEqualTo("No route for GET /shelf/책%20x.");
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void bodyOverTheConfiguredLimit_answers413(FrontDoor door) {
        String big = "{\"email\":\"a@example.com\",\"password\":\"" + "p".repeat(2000) + "\",\"displayName\":\"d\"}";

        Answer answer = FrontDoors.call(handler(Map.of("BODY_LIMIT_BYTES", "1024")), door,
                ClientRequest.of("POST", "/auth/signup").withBody(JSON, big));

        answer.assertProblem(413, "payload-too-large");
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void basePathMapping_isStrippedByBasePath_forEveryKind(FrontDoor door) {
        BookshelfHandler handler = handler(Map.of("BASE_PATH", "/api"));

        Answer mapped = FrontDoors.call(handler, door, ClientRequest.of("GET", "/api/health"));
        Answer outside = FrontDoors.call(handler, door, ClientRequest.of("GET", "/health"));

        assertThat(mapped.assertFormat().status()).isEqualTo(200);
        outside.assertProblem(404, "not-found");
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = {"REST", "HTTP_API"})
    void namedStage_isNeverPartOfTheRoute_withOrWithoutBasePath(FrontDoor door) {
        Answer plain = FrontDoors.call(handler(Map.of()), door, door.event(ClientRequest.of("GET", "/health"), "prod"));
        Answer mapped = FrontDoors.call(handler(Map.of("BASE_PATH", "/api")), door,
                door.event(ClientRequest.of("GET", "/api/health"), "prod"));

        assertThat(plain.status()).isEqualTo(200);
        assertThat(mapped.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = {"REST", "FUNCTION_URL", "ALB", "ALB_MULTI_VALUE"})
    void malformedPercentEscapeInThePath_answers400NamingThePath(FrontDoor door) {
        Answer answer = FrontDoors.call(handler(Map.of()), door,
                ClientRequest.of("GET", "/books/%zz").withHeader("Origin", ORIGIN));

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("path");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = "HTTP_API")
    void malformedPercentEscapeInThePath_neverReachesTheFunctionBehindAnHttpApi(FrontDoor door) {
        assertThatThrownBy(() -> door.event(ClientRequest.of("GET", "/books/%zz"))).isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = {"HTTP_API", "FUNCTION_URL", "ALB", "ALB_MULTI_VALUE"})
    void malformedPercentEscapeInTheQuery_answers400NamingTheQuery(FrontDoor door) {
        Answer answer = FrontDoors.call(handler(Map.of()), door, ClientRequest.of("GET", "/health?q=100%"));

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("query");
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void corsPreflight_answers204WithTheAllowedMethods(FrontDoor door) {
        Answer answer = FrontDoors.call(handler(Map.of()), door, ClientRequest.of("OPTIONS", "/books")
                .withHeader("Origin", ORIGIN)
                .withHeader("Access-Control-Request-Method", "POST")
                .withHeader("Access-Control-Request-Headers", "authorization, content-type"));

        assertThat(answer.assertFormat().status()).isEqualTo(204);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(answer.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization");
        assertThat(answer.http().body()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = "ALB", mode = EnumSource.Mode.EXCLUDE)
    void repeatedAcceptLanguage_joinedWithCommasOrNot_negotiatesTheFirstLanguage(FrontDoor door) {
        Answer answer = FrontDoors.call(handler(Map.of()), door, ClientRequest.of("GET", "/nowhere")
                .withHeader("Accept-Language", "ko-KR")
                .withHeader("Accept-Language", "en;q=0.5"));

        answer.assertProblem(404, "not-found");
        assertThat(answer.json().path("message").asText()).isEqualTo("요청하신 항목을 찾을 수 없습니다.");
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = "ALB")
    void repeatedHeader_behindALoadBalancerWithoutMultiValueHeaders_arrivesAsItsLastValue(FrontDoor door) {
        Answer answer = FrontDoors.call(handler(Map.of()), door, ClientRequest.of("GET", "/nowhere")
                .withHeader("Accept-Language", "ko-KR")
                .withHeader("Accept-Language", "en;q=0.5"));

        assertThat(answer.json().path("message").asText()).isEqualTo("We could not find what you asked for.");
    }
}
