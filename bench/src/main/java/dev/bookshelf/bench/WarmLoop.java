package dev.bookshelf.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.bench.baseline.BaselineHandler;
import dev.bookshelf.bench.baseline.SdkBaselineHandler;
import dev.bookshelf.lambda.BookshelfHandler;
import dev.bookshelf.lambda.local.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One warm JVM (started by {@link WarmCost} with Lambda's flags and the handler's environment):
 * builds the handler as the runtime would, sets up a user, a token and a book through the handler
 * itself, warms up, then times each {@code handleRequest} of one event. Writes
 * {@code median p99 first10kMedian last10kMedian unexpectedStatuses} (µs) to the output file.
 */
public final class WarmLoop {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final int WINDOW = 10_000;

    private WarmLoop() {
    }

    /**
     * {@code WarmLoop bookshelf|bookshelf-dynamodb|sdk-baseline|baseline|<variant> get-book|add-book warmup
     * measured outFile}. Bookshelf subjects read their store from the environment; the baselines answer
     * 200 to any event (the SDK baseline after its {@code GetItem}).
     */
    public static void main(String[] args) throws IOException {
        String subject = args[0];
        String event = args[1];
        int warmup = Integer.parseInt(args[2]);
        int measured = Integer.parseInt(args[3]);
        RequestStreamHandler handler = switch (subject) {
            case "baseline" -> new BaselineHandler();
            case BenchMain.SDK -> new SdkBaselineHandler();
            default -> new BookshelfHandler();
        };
        // Lambda's longest timeout: the deadline never comes within a warm loop.
        Context context = new LocalContext("warm-" + UUID.randomUUID(), 900_000);
        byte[] bytes = event(handler, subject, event, context);
        int expected = event.equals("add-book") ? 201 : 200;
        if (isBaseline(subject)) {
            expected = 200;
        }
        int unexpected = 0;
        for (int i = 0; i < warmup; i++) {
            unexpected += status(invoke(handler, bytes, context)) == expected ? 0 : 1;
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            byte[] answer = invoke(handler, bytes, context);
            nanos[i] = System.nanoTime() - t0;
            unexpected += status(answer) == expected ? 0 : 1;
        }
        double[] all = micros(nanos, 0, measured);
        Arrays.sort(all);
        int window = window(measured);
        double first = Stats.percentile(sorted(micros(nanos, 0, window)), 50);
        double last = Stats.percentile(sorted(micros(nanos, measured - window, measured)), 50);
        Files.writeString(Path.of(args[4]), String.format(Locale.ROOT, "%.3f %.3f %.3f %.3f %d%n",
                Stats.percentile(all, 50), Stats.percentile(all, 99), first, last, unexpected));
    }

    /** The first and last calls compared: 10,000, or a fifth of a shorter run. */
    static int window(int measured) {
        return Math.max(1, Math.min(WINDOW, measured / 5));
    }

    private static boolean isBaseline(String subject) {
        return subject.equals("baseline") || subject.equals(BenchMain.SDK);
    }

    /** The event bytes; for Bookshelf, after signing up, logging in and adding a book through the handler. */
    private static byte[] event(RequestStreamHandler handler, String subject, String event, Context context)
            throws IOException {
        String token = Events.tokenFor(UUID.randomUUID().toString());
        String bookId = UUID.randomUUID().toString();
        if (!isBaseline(subject)) {
            expect(handler, Events.event("signup", Map.of()), context, 201);
            token = body(expect(handler, Events.event("login", Map.of()), context, 200)).get("token").asText();
            bookId = body(expect(handler, Events.event("add-book", Map.of("TOKEN", token)), context, 201))
                    .get("id").asText();
        }
        return Events.event(event, Map.of("TOKEN", token, "BOOK_ID", bookId));
    }

    private static byte[] expect(RequestStreamHandler handler, byte[] event, Context context, int status)
            throws IOException {
        byte[] answer = invoke(handler, event, context);
        if (status(answer) != status) {
            throw new IllegalStateException("expected " + status + ": " + new String(answer, StandardCharsets.UTF_8));
        }
        return answer;
    }

    private static JsonNode body(byte[] proxyResponse) throws IOException {
        return MAPPER.readTree(MAPPER.readTree(proxyResponse).get("body").asText());
    }

    static byte[] invoke(RequestStreamHandler handler, byte[] event, Context context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return out.toByteArray();
    }

    /** The {@code statusCode} of a proxy response, found without parsing the whole answer. */
    static int status(byte[] answer) {
        String head = new String(answer, 0, Math.min(answer.length, 64), StandardCharsets.US_ASCII);
        int at = head.indexOf("\"statusCode\":");
        if (at < 0) {
            return -1;
        }
        int i = at + "\"statusCode\":".length();
        while (i < head.length() && head.charAt(i) == ' ') {
            i++;
        }
        int end = i;
        while (end < head.length() && Character.isDigit(head.charAt(end))) {
            end++;
        }
        return end > i ? Integer.parseInt(head.substring(i, end)) : -1;
    }

    private static double[] micros(long[] nanos, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = nanos[i] / 1e3;
        }
        return out;
    }

    private static double[] sorted(double[] v) {
        Arrays.sort(v);
        return v;
    }
}
