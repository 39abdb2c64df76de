package dev.bookshelf.lambda;

import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.config.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * One cold start in this JVM: builds the service as Lambda's init would, then answers one event
 * from the fixtures with the chosen envelope ({@code streaming}, {@code tree} or {@code pojo}),
 * and prints what it took. Run in a fresh JVM per measurement by {@link ColdStartBench}.
 */
public final class ColdStartMain {
    private ColdStartMain() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        String variant = args[0];
        byte[] event = fixture(args[1]);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        BookshelfApi api = BookshelfApi.create(Settings.fromEnv(Invocations.ENV), Runnable::run, Clock.systemUTC(), quiet);
        DatabindEnvelopes.Envelope envelope = switch (variant) {
            case "streaming" -> streaming(BookshelfHandler.forApi(api));
            case "tree" -> DatabindEnvelopes.tree(api.dispatcher());
            case "pojo" -> DatabindEnvelopes.pojo(api.dispatcher());
            default -> throw new IllegalArgumentException("variant must be streaming, tree or pojo: " + variant);
        };
        long ready = System.nanoTime();
        byte[] answer = envelope.handle(event);
        long done = System.nanoTime();
        String status = new String(answer, 0, Math.min(answer.length, 20), java.nio.charset.StandardCharsets.UTF_8);
        double cpuMs = args.length > 2 && args[2].equals("cpu") ? processCpuMs() : -1;
        System.out.printf(Locale.ROOT, "variant=%s initMs=%.1f eventMs=%.1f cpuMs=%.0f bytes=%d start=%s%n", variant,
                (ready - start) / 1e6, (done - ready) / 1e6, cpuMs, answer.length, status.replace(' ', '_'));
    }

    /** User + system CPU time of this process so far, all threads (JIT and GC included), from /proc. */
    private static double processCpuMs() throws IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
    }

    private static DatabindEnvelopes.Envelope streaming(BookshelfHandler handler) {
        return event -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            return out.toByteArray();
        };
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ColdStartMain.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        }
    }
}
