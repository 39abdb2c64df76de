package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.ENV;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.lambda.FrontDoors.Answer;
import dev.bookshelf.lambda.local.ClientRequest;
import dev.bookshelf.lambda.local.FrontDoor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Answers too large for a Lambda response: gzipped when the client accepts it, else (or when even
 * that is too large, base64 and envelope counted) a 502 problem in the kind's format. Limits are
 * scaled down here; {@link ResponseLimits#AWS} holds the real ones.
 */
class ResponseSizeTest {
    private static final String ORIGIN = "http://localhost:5173";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private BookshelfHandler handler(int maxBytes, int gzipMinBodyBytes) {
        BookshelfApi api = BookshelfApi.create(Settings.fromEnv(ENV), Runnable::run, Clock.systemUTC(),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        return BookshelfHandler.forApi(api, new ResponseLimits(maxBytes, maxBytes, gzipMinBodyBytes));
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void largeAnswer_clientAcceptsGzip_isGzippedAsBase64_andVariesOnAcceptEncoding(FrontDoor door) throws IOException {
        BookshelfHandler handler = handler(8_000, 4_000);
        String token = shelfWithBooks(handler, door, 6, i -> repetitiveNote());

        Answer answer = list(handler, door, token, "gzip, deflate, br");

        assertThat(answer.assertFormat().status()).isEqualTo(200);
        assertThat(answer.envelope().path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(answer.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(answer.http().headerValues("Vary").toString()).contains("Origin", "Accept-Encoding");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        JsonNode page = MAPPER.readTree(gunzip(answer.http().body()));
        assertThat(page.path("items")).hasSize(6);
        assertThat(page.path("items").get(0).path("note").asText()).isEqualTo(repetitiveNote());
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void largeAnswer_clientWithoutGzip_overTheLimit_answers502ResponseTooLarge(FrontDoor door) {
        BookshelfHandler handler = handler(8_000, 4_000);
        String token = shelfWithBooks(handler, door, 6, i -> repetitiveNote());

        Answer answer = list(handler, door, token, null);

        answer.assertProblem(502, "response-too-large");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(answer.json().path("detail").asText()).contains("takes at most 8000");
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = {"REST", "HTTP_API", "ALB"})
    void largeAnswer_thatFitsUncompressed_goesAsItIsToAClientRefusingGzip(FrontDoor door) {
        BookshelfHandler handler = handler(100_000, 4_000);
        String token = shelfWithBooks(handler, door, 6, i -> repetitiveNote());

        Answer answer = list(handler, door, token, "gzip;q=0, identity");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Encoding")).isNull();
        assertThat(answer.envelope().path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(answer.http().headerValues("Vary").toString()).contains("Accept-Encoding");
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = {"REST", "FUNCTION_URL", "ALB_MULTI_VALUE"})
    void smallAnswer_isNeverCompressed(FrontDoor door) {
        BookshelfHandler handler = handler(100_000, 4_000);
        String token = shelfWithBooks(handler, door, 1, i -> "짧은 메모");

        Answer answer = list(handler, door, token, "gzip");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Encoding")).isNull();
        assertThat(answer.http().headerValues("Vary").toString()).doesNotContain("Accept-Encoding");
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = {"REST", "HTTP_API", "ALB"})
    void incompressibleAnswer_overTheLimitEvenGzipped_answers502(FrontDoor door) {
        BookshelfHandler handler = handler(8_000, 4_000);
        String token = shelfWithBooks(handler, door, 6, randomNotes(7));

        list(handler, door, token, "gzip").assertProblem(502, "response-too-large");
    }

    @ParameterizedTest
    @EnumSource(value = FrontDoor.class, names = {"REST", "HTTP_API", "ALB"})
    void gzipUnderTheLimit_butBase64AndEnvelopeOverIt_answers502(FrontDoor door) {
        BookshelfHandler roomy = handler(1_000_000, 4_000);
        Answer measured = list(roomy, door, shelfWithBooks(roomy, door, 6, randomNotes(11)), "gzip");
        int gzipBytes = measured.http().body().length;
        int envelopeBytes = measured.envelope().toString().getBytes(StandardCharsets.UTF_8).length;
        assertThat(envelopeBytes).isGreaterThan(gzipBytes * 4 / 3);
        int limit = gzipBytes + (envelopeBytes - gzipBytes) / 2;

        BookshelfHandler tight = handler(limit, 4_000);
        Answer answer = list(tight, door, shelfWithBooks(tight, door, 6, randomNotes(11)), "gzip");

        answer.assertProblem(502, "response-too-large");
    }

    private static Answer list(BookshelfHandler handler, FrontDoor door, String token, String acceptEncoding) {
        ClientRequest request = ClientRequest.of("GET", "/books?limit=100")
                .withHeader("Authorization", "Bearer " + token).withHeader("Origin", ORIGIN);
        return FrontDoors.call(handler, door,
                acceptEncoding == null ? request : request.withHeader("Accept-Encoding", acceptEncoding));
    }

    /** A reader with {@code count} books carrying {@code note(i)}; returns the bearer token. */
    private static String shelfWithBooks(BookshelfHandler handler, FrontDoor door, int count, IntFunction<String> note) {
        String credentials = "{\"email\":\"big@example.com\",\"password\":\"correct horse battery\"";
        assertThat(FrontDoors.call(handler, door, ClientRequest.of("POST", "/auth/signup")
                .withBody("application/json", credentials + ",\"displayName\":\"독자\"}")).status()).isEqualTo(201);
        String token = FrontDoors.call(handler, door, ClientRequest.of("POST", "/auth/login")
                .withBody("application/json", credentials + "}")).json().path("token").asText();
        for (int i = 0; i < count; i++) {
            Answer added = FrontDoors.call(handler, door, ClientRequest.of("POST", "/books")
                    .withHeader("Authorization", "Bearer " + token)
                    .withBody("application/json", "{\"title\":\"책 " + i + "\",\"author\":\"한강\",\"status\":\"READ\","
                            + "\"note\":\"" + note.apply(i) + "\"}"));
            assertThat(added.status()).isEqualTo(201);
        }
        return token;
    }

    private static String repetitiveNote() {
        return "가나다라".repeat(450);
    }

    /** Per book, 2,000 Hangul syllables drawn at random (seeded): about 6 KB that gzip shrinks little. */
    private static IntFunction<String> randomNotes(long seed) {
        return i -> randomNote(new Random(seed * 1000 + i));
    }

    private static String randomNote(Random random) {
        StringBuilder note = new StringBuilder(2000);
        for (int i = 0; i < 2000; i++) {
            note.append((char) (0xAC00 + random.nextInt(11172)));
        }
        return note.toString();
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

}
