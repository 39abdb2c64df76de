package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.support.ApiFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestListenerTest {
    private final ApiFixture fx = ApiFixture.start();
    private final List<String> heard = new ArrayList<>();

    private void listen() {
        fx.api().dispatcher().listen((req, route, status, nanos) -> {
            assertThat(nanos).isNotNegative();
            heard.add(req.method() + " " + route + " " + status);
        });
    }

    @Test
    void answeredRequests_reachTheListenerWithTheRouteTemplate_neverTheRawPath() {
        String token = fx.tokenFor("listener@example.com");
        listen();
        fx.get("/books/0b5cf2a0-0000-4000-8000-000000000000").bearer(token).send();
        fx.get("/health").send();

        assertThat(heard).containsExactly("GET /books/{id} 404", "GET /health 200");
    }

    @Test
    void anUnknownPath_isHeardAsNoRoute() {
        listen();
        fx.get("/random/" + System.nanoTime()).send();

        assertThat(heard).containsExactly("GET - 404");
    }

    @Test
    void twoListeners_bothHearEveryRequest_inTheOrderAdded() {
        List<String> order = new ArrayList<>();
        fx.api().dispatcher().listen((req, route, status, nanos) -> order.add("first"));
        fx.api().dispatcher().listen((req, route, status, nanos) -> order.add("second"));
        fx.get("/health").send();

        assertThat(order).containsExactly("first", "second");
    }

    @Test
    void aListenerThatThrows_doesNotChangeTheAnswer_andIsLoggedAsAFailure() {
        fx.api().dispatcher().listen((req, route, status, nanos) -> {
            throw new IllegalStateException("metrics broke");
        });

        assertThat(fx.get("/health").send().status()).isEqualTo(200);
        assertThat(fx.logLines()).anySatisfy(line -> assertThat(line).contains("IllegalStateException"));
    }

    @Test
    void statusClasses_labelEachStatusByItsHundreds_andAnyOtherNumberAs5xx() {
        assertThat(List.of(100, 200, 204, 301, 404, 429, 500, 599))
                .map(status -> RequestListener.STATUS_CLASSES.get(RequestListener.statusClass(status)))
                .containsExactly("1xx", "2xx", "2xx", "3xx", "4xx", "4xx", "5xx", "5xx");
        assertThat(List.of(0, 99, 600, -1, Integer.MAX_VALUE))
                .map(status -> RequestListener.STATUS_CLASSES.get(RequestListener.statusClass(status)))
                .containsOnly("5xx");
    }
}
