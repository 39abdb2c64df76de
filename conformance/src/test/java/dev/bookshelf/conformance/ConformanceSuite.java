package dev.bookshelf.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import dev.bookshelf.lambda.local.FrontDoor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario of {@link Cases} on every transport of {@link #TRANSPORTS}, each from a
 * fresh service built from the same settings, and requires every answer to render the same after
 * {@link Normalizer normalization}. The first transport is the reference the others are compared to.
 * Subclasses choose the store.
 */
abstract class ConformanceSuite {
    /**
     * Every way of reaching the service. A new transport or event kind is one line here. An ALB
     * target group without multi-value headers is not listed: ALB then hands the function only the
     * last value of a repeated header or query key, so the cases about repeated keys cannot answer
     * alike by design (adapter-lambda's EventKindsTest covers that mode). An HTTP API (payload
     * 2.0) runs in {@link #httpApiOnANamedStage_answersAlike_wheneverTheRequestReachesTheFunction}.
     */
    static final List<Transport.Factory> TRANSPORTS = List.of(VertxServerTransport.FACTORY, RestProxyTransport.FACTORY,
            FrontDoorTransport.factory(FrontDoor.FUNCTION_URL, "$default"),
            FrontDoorTransport.factory(FrontDoor.ALB_MULTI_VALUE, "$default"));

    static final long TOKEN_TTL_SECONDS = 3600;
    static final long LOGIN_WINDOW_SECONDS = 900;

    /** The same settings for every transport (a server adds only its host, port and drain time). */
    static final Map<String, String> SETTINGS = Map.of(
            "BCRYPT_COST", "4",
            "TOKEN_SECRET", "conformance-only-token-secret-0123456789abcdefghijklmnopqrstuv",
            "TOKEN_TTL_SECONDS", Long.toString(TOKEN_TTL_SECONDS),
            "CORS_ALLOWED_ORIGINS", Flows.ALLOWED_ORIGIN,
            "BODY_LIMIT_BYTES", "4096",
            "LOGIN_MAX_FAILURES_PER_ACCOUNT", "2",
            "LOGIN_WINDOW_SECONDS", Long.toString(LOGIN_WINDOW_SECONDS));

    /** The store's settings for the service of scenario {@code index} (-1: the store check) on {@code transport}. */
    abstract Map<String, String> storeSettings(int index, String transport);

    /** The {@code STORE} every service of this suite runs on, as {@code /health} names it. */
    abstract String storeName();

    @Test
    void everyTransport_runsOnTheSuitesStore() {
        verifyAlike(Scenario.of("health names the store",
                Step.get("/health").expect(200).shows("\"store\":\"" + storeName() + "\"")),
                TRANSPORTS, transport -> env(-1, transport));
    }

    @TestFactory
    Stream<DynamicTest> everyScenario_answersAlikeOnEveryTransport() {
        List<Scenario> cases = Cases.all();
        return IntStream.range(0, cases.size())
                .mapToObj(i -> DynamicTest.dynamicTest(cases.get(i).name(), () -> verify(i, cases.get(i))));
    }

    /**
     * An HTTP API decodes the path itself, and the local gateway's HTTP server (the JDK's) refuses
     * a request line it cannot parse as a URI, so a request whose path holds a malformed escape
     * never reaches the function there: scenarios with such a request are left out here, and only
     * here. Everything else runs on the HTTP API on a named stage ({@code v1}, stripped by the
     * handler) and through the local gateway, against the Vert.x server; and through the local
     * gateway as a custom domain with the base-path mapping {@code /api} and no {@code BASE_PATH}
     * (REST and HTTP API events): the handler infers the mapping from each event.
     */
    @TestFactory
    Stream<DynamicTest> httpApiOnANamedStage_answersAlike_wheneverTheRequestReachesTheFunction() {
        List<Transport.Factory> pair = List.of(VertxServerTransport.FACTORY,
                FrontDoorTransport.factory(FrontDoor.HTTP_API, "v1"), LocalGatewayTransport.FACTORY,
                LocalGatewayTransport.mapped(FrontDoor.REST, "/api"), LocalGatewayTransport.mapped(FrontDoor.HTTP_API, "/api"));
        List<Scenario> cases = Cases.all();
        return IntStream.range(0, cases.size())
                .filter(i -> cases.get(i).steps().stream().allMatch(ConformanceSuite::pathDecodes))
                .mapToObj(i -> DynamicTest.dynamicTest(cases.get(i).name(),
                        () -> verifyAlike(cases.get(i), pair, transport -> env(i, "2-" + transport))));
    }

    private static boolean pathDecodes(Step step) {
        try {
            dev.bookshelf.api.http.UriParts.decodePath(step.path().split("\\?", 2)[0]);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void verify(int index, Scenario scenario) {
        verifyAlike(scenario, TRANSPORTS, transport -> env(index, transport));
    }

    private Map<String, String> env(int index, String transport) {
        Map<String, String> env = new HashMap<>(SETTINGS);
        env.putAll(storeSettings(index, transport));
        return env;
    }

    /**
     * Runs {@code scenario} on each transport, each from a fresh service built from
     * {@code envFor.apply(transport name)}, and fails listing every step whose normalized answer
     * differs from the first transport's.
     */
    static void verifyAlike(Scenario scenario, List<Transport.Factory> transports,
                            Function<String, Map<String, String>> envFor) {
        ScenarioRunner runner = new ScenarioRunner(new Normalizer(TOKEN_TTL_SECONDS, LOGIN_WINDOW_SECONDS));
        List<List<ScenarioRunner.Exchange>> runs = new ArrayList<>();
        for (Transport.Factory factory : transports) {
            try (Transport transport = factory.start(envFor.apply(factory.name()))) {
                runs.add(runner.run(scenario, transport, factory.name()));
            }
        }
        SoftAssertions softly = new SoftAssertions();
        List<ScenarioRunner.Exchange> reference = runs.get(0);
        for (int t = 1; t < runs.size(); t++) {
            List<ScenarioRunner.Exchange> other = runs.get(t);
            assertThat(other).hasSameSizeAs(reference);
            for (int i = 0; i < reference.size(); i++) {
                softly.assertThat(other.get(i).rendering())
                        .as("%s, step %d %s: %s vs %s", scenario.name(), i + 1, reference.get(i).step(),
                                transports.get(t).name(), transports.get(0).name())
                        .isEqualTo(reference.get(i).rendering());
            }
        }
        softly.assertAll();
    }
}
