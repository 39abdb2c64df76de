package dev.bookshelf.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The normalization rules replace what varies per request and nothing else. */
class NormalizerTest {
    private static final String BOOK = "0b7e5f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
    private final Normalizer normalizer = new Normalizer(3600, 900);

    private static HttpAnswer answer(int status, Map<String, List<String>> headers, String body) {
        Map<String, List<String>> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("X-Request-Id", List.of("req-1"));
        return new HttpAnswer(status, all, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void capturedIds_requestId_uuidsAndTimestamps_becomePlaceholders_whileEverythingElseStays() {
        String body = "{\"id\":\"" + BOOK + "\",\"ownerId\":\"11111111-2222-3333-4444-555555555555\","
                + "\"version\":1,\"createdAt\":\"2026-11-25T15:20:00.123Z\",\"title\":\"채식주의자\",\"requestId\":\"req-1\"}";
        String rendering = normalizer.render(answer(201, Map.of("Location", List.of("/books/" + BOOK),
                "ETag", List.of("\"1\""), "Content-Length", List.of("99"), "Vary", List.of("Origin", "Accept")), body),
                Map.of("book", BOOK));

        assertThat(rendering).isEqualTo("HTTP 201\netag: \"1\"\nlocation: /books/{{book}}\nvary: Origin\nvary: Accept\n"
                + "x-request-id: <request-id>\n\n{\"id\":\"{{book}}\",\"ownerId\":\"<uuid>\",\"version\":1,"
                + "\"createdAt\":\"<timestamp>\",\"title\":\"채식주의자\",\"requestId\":\"<request-id>\"}");
    }

    @Test
    void tokensCursorsAndExpiresIn_becomePlaceholders() {
        String body = "{\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig-nature_1\",\"expiresIn\":3599,"
                + "\"nextCursor\":\"b3BhcXVl\"}";
        assertThat(normalizer.render(answer(200, Map.of(), body), Map.of()))
                .endsWith("{\"token\":\"<jwt>\",\"expiresIn\":<seconds>,\"nextCursor\":\"<cursor>\"}");
    }

    @Test
    void retryAfter_becomesAPlaceholder_inTheHeaderAndAsTheSameNumberInTheBody() {
        String rendering = normalizer.render(answer(429, Map.of("Retry-After", List.of("899")),
                "{\"status\":429,\"detail\":\"Try again in 899 seconds.\",\"n\":8990}"), Map.of());
        assertThat(rendering).contains("retry-after: <retry-after>\n")
                .endsWith("{\"status\":429,\"detail\":\"Try again in <retry-after> seconds.\",\"n\":8990}");
    }

    @Test
    void whatMayNotVary_failsInsteadOfBeingHidden() {
        assertThatThrownBy(() -> normalizer.render(new HttpAnswer(200, Map.of(), new byte[0]), Map.of()))
                .hasMessageContaining("X-Request-Id");
        assertThatThrownBy(() -> normalizer.render(answer(429, Map.of("Retry-After", List.of("901")), ""), Map.of()))
                .hasMessageContaining("Retry-After");
        assertThatThrownBy(() -> normalizer.render(answer(200, Map.of(), "{\"expiresIn\":3601}"), Map.of()))
                .hasMessageContaining("expiresIn");
    }

    @Test
    void aBodyThatIsNotUtf8_isComparedAsBase64() {
        HttpAnswer binary = new HttpAnswer(200, Map.of("X-Request-Id", List.of("r")), new byte[] {(byte) 0xff, 0});
        assertThat(normalizer.render(binary, Map.of())).endsWith("\n\nbase64:/wA=");
    }
}
