package dev.bookshelf.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A transport's request id is kept only when it is safe to echo in a header and a log line. */
class ApiRequestTest {
    @Test
    void safeIds_areKeptAsGiven() {
        for (String id : List.of("a", "req-1", "Root=1-67891233-abcdef012345678912345678", "abc.DEF_09:+/=",
                "x".repeat(128))) {
            assertThat(ApiRequest.isSafeId(id)).as(id).isTrue();
            assertThat(request(id).requestId()).isEqualTo(id);
        }
    }

    @Test
    void unsafeIds_areReplacedByAFreshOne() {
        for (String id : List.of("", "x".repeat(129), "a b", "a\nb", "a\"b", "a;b", "é", "a\u0000", "a\u007f",
                "\u2028", "a\\b", "a,b")) {
            assertThat(ApiRequest.isSafeId(id)).as(id).isFalse();
            assertThat(request(id).requestId()).isNotEqualTo(id).matches(ApiRequest::isSafeId);
        }
        assertThat(ApiRequest.isSafeId(null)).isFalse();
    }

    private static ApiRequest request(String id) {
        return new ApiRequest("GET", "/", Headers.empty(), Map.of(), null, id, null);
    }
}
