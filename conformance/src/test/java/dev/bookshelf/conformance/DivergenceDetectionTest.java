package dev.bookshelf.conformance;

import static dev.bookshelf.conformance.Step.get;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The suite notices a transport that answers differently, and only then. */
class DivergenceDetectionTest {
    private static final Scenario HEALTH = Scenario.of("health from an allowed origin",
            get("/health").origin(Flows.ALLOWED_ORIGIN).expect(200));

    /** The Lambda transport with its answers changed after the handler. */
    private static Transport.Factory tampered(UnaryOperator<HttpAnswer> change) {
        return new Transport.Factory() {
            @Override
            public String name() {
                return "tampered-lambda";
            }

            @Override
            public Transport start(Map<String, String> env) {
                Transport inner = RestProxyTransport.FACTORY.start(env);
                return new Transport() {
                    @Override
                    public HttpAnswer send(HttpCall call) {
                        return change.apply(inner.send(call));
                    }

                    @Override
                    public void close() {
                        inner.close();
                    }
                };
            }
        };
    }

    private static void verify(UnaryOperator<HttpAnswer> change) {
        ConformanceSuite.verifyAlike(HEALTH, List.of(VertxServerTransport.FACTORY, tampered(change)),
                transport -> ConformanceSuite.SETTINGS);
    }

    private static HttpAnswer withHeaders(HttpAnswer a, UnaryOperator<Map<String, List<String>>> change) {
        return new HttpAnswer(a.status(), change.apply(new LinkedHashMap<>(a.headers())), a.body());
    }

    private static HttpAnswer withBody(HttpAnswer a, UnaryOperator<String> change) {
        return new HttpAnswer(a.status(), a.headers(),
                change.apply(new String(a.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingHeader_isADivergence() {
        assertThatThrownBy(() -> verify(a -> withHeaders(a, h -> {
            h.remove("vary");
            return h;
        }))).hasMessageContaining("vary: Origin");
    }

    @Test
    void theSameJsonInOtherBytes_isADivergence() {
        assertThatThrownBy(() -> verify(a -> withBody(a, b -> b.replace("\"UP\"", "\"\\u0055P\""))))
                .hasMessageContaining("\\u0055P");
    }

    @Test
    void anotherStatus_isADivergence() {
        assertThatThrownBy(() -> verify(a -> new HttpAnswer(203, a.headers(), a.body())))
                .hasMessageContaining("expected status 200");
    }

    @Test
    void headerNamesInAnotherCase_andFramingHeaders_areNot() {
        assertThatCode(() -> verify(a -> withHeaders(a, h -> {
            Map<String, List<String>> upper = new LinkedHashMap<>();
            h.forEach((name, values) -> upper.put(name.toUpperCase(Locale.ROOT), values));
            upper.put("Content-Length", List.of("1234"));
            return upper;
        }))).doesNotThrowAnyException();
    }
}
