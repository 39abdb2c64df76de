package dev.bookshelf.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server throughput on loopback: the Bookshelf Vert.x server (the shaded jar) and
 * {@link MinimalServer} (same bytes, none of our layers) run side by side; {@code wrk} loads each
 * in turn, alternating, with the same settings, on {@code GET /books/{id}} with a valid token.
 * Both serve on the same number of event loops ({@code EVENT_LOOPS} for ours, one server per loop
 * sharing the port in {@link MinimalServer}).
 */
final class Throughput {
    static final List<String> SERVER_FLAGS = List.of("-Xms256m", "-Xmx1g");
    static final String RECONNECT_WARMUP = "5s";
    private static final String OURS = "bookshelf (adapter-http)";
    private static final String MINIMAL = "minimal Vert.x";
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path work;
    private final Path serverJar;
    private final String benchClasspath;
    private final Cpus cpus;

    Throughput(Path work, Path serverJar, String benchClasspath, Cpus cpus) {
        this.work = work;
        this.serverJar = serverJar;
        this.benchClasspath = benchClasspath;
        this.cpus = cpus;
    }

    /**
     * Where the servers and wrk run. Pinned ({@code --pin=true}, on two cores or more): the servers on
     * their own cores, wrk on the others ({@code taskset}), so that the figure is what a server
     * answers on its cores, not how the scheduler happened to place wrk's threads next to its
     * event loops (on two shared cores the minimal server's figure moved by half from one round to
     * the next). Unpinned (the default, as every figure before it): every process on every core.
     */
    record Cpus(String server, String wrk, int serverCount) {
        static Cpus of(boolean pin, int cores) {
            if (!pin || cores < 2) {
                return new Cpus(null, null, cores);
            }
            int forWrk = Math.max(1, cores / 4);
            int forServer = cores - forWrk;
            return new Cpus(range(0, forServer), range(forServer, cores), forServer);
        }

        private static String range(int from, int to) {
            return to - from == 1 ? Integer.toString(from) : from + "-" + (to - 1);
        }

        boolean pinned() {
            return server != null;
        }

        List<String> server(List<String> command) {
            return on(server, command);
        }

        List<String> wrk(List<String> command) {
            return on(wrk, command);
        }

        private static List<String> on(String cpuList, List<String> command) {
            if (cpuList == null) {
                return command;
            }
            List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cpuList));
            pinned.addAll(command);
            return pinned;
        }

        String describe() {
            return pinned() ? "servers pinned to CPU " + server + ", wrk to CPU " + wrk + " (`taskset`, `--pin=true`)"
                    : "servers and wrk unpinned, sharing every core (`--pin=true` gives them cores of their own)";
        }
    }

    /**
     * One wrk run. {@code perCpuSecond}: requests answered per second of CPU the server's process
     * used meanwhile (all its threads, user and system): what one core of it answers, whatever
     * time the machine's hypervisor took from it (steal) or wrk left it idle.
     */
    record WrkRun(double rps, double p50Ms, double p99Ms, long errors, double perCpuSecond, double jitMs) {
    }

    /** A server under load: where wrk loads it, the header it sends, and the process whose CPU time is read. */
    private record Target(int port, String path, String auth, long pid) {
        String url() {
            return "http://127.0.0.1:" + port + path;
        }
    }

    /**
     * A second Bookshelf server measured beside the first, in the same rounds ({@code --versus-jar},
     * {@code --versus-env}): another jar (a change against {@code main}), or the same jar with other
     * environment variables (a feature turned off). Side by side, one jar against itself is steady
     * to ±1–2 % per round, where two runs of the bench differ by more: the way to tell whether a
     * change of a few per cent is real.
     */
    record Variant(Path jar, Map<String, String> env) {
        /**
         * {@code versusJar} (null: the {@code measured} jar again) and {@code env} as
         * {@code NAME=value,NAME=value} (null: none); null when both are null (no variant).
         */
        static Variant of(Path measured, Path versusJar, String env) {
            if (versusJar == null && env == null) {
                return null;
            }
            Map<String, String> vars = new LinkedHashMap<>();
            if (env != null && !env.isBlank()) {
                for (String pair : env.split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--versus-env takes NAME=value,NAME=value; got " + pair);
                    }
                    vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return new Variant(versusJar == null ? measured : versusJar, java.util.Collections.unmodifiableMap(vars));
        }

        /** Named by what differs from the {@code measured} jar. */
        String label(Path measured) {
            List<String> parts = new ArrayList<>();
            if (!jar.equals(measured)) {
                parts.add(jar.getFileName().toString());
            }
            env.forEach((k, v) -> parts.add(k + "=" + v));
            return "bookshelf (" + (parts.isEmpty() ? "the same again" : String.join(", ", parts)) + ")";
        }
    }

    /** A Bookshelf server started for the run. */
    private record Started(Process process, int port) {
    }

    /** The table of the rounds; {@code variant} (or null) is measured in the same rounds, beside Bookshelf. */
    String run(int rounds, String threads, String connections, String duration, String warmup, int eventLoops,
               Variant variant) throws Exception {
        List<Process> started = new ArrayList<>();
        try {
            Started ours = startBookshelf(serverJar, Map.of(), eventLoops, "server.err");
            started.add(ours.process());
            String versusName = null;
            Target versusTarget = null;
            if (variant != null) {
                versusName = variant.label(serverJar);
                Started versus = startBookshelf(variant.jar(), variant.env(), eventLoops, "versus.err");
                started.add(versus.process());
                versusTarget = loaded(versus); // its own user and book: its store is its own
            }
            Target ourTarget = loaded(ours);
            byte[] raw = rawGet(ours.port(), ourTarget.path(), ourTarget.auth());
            Path spec = work.resolve("response.txt");
            Files.write(spec, responseSpec(raw));
            int minimalPort = freePort();
            Process minimal = Jvm.clean(cpus.server(Jvm.command(SERVER_FLAGS, List.of("-cp", benchClasspath, MinimalServer.class.getName(),
                    Integer.toString(minimalPort), spec.toString(), Integer.toString(eventLoops)))), Map.of())
                    .redirectErrorStream(true).redirectOutput(work.resolve("minimal.log").toFile()).start();
            started.add(minimal);
            awaitPort(minimalPort);
            String sameBytes = compare(raw, rawGet(minimalPort, ourTarget.path(), ourTarget.auth()));
            Map<String, Target> targets = new LinkedHashMap<>();
            targets.put(OURS, ourTarget);
            if (versusTarget != null) {
                targets.put(versusName, versusTarget);
            }
            targets.put(MINIMAL, new Target(minimalPort, ourTarget.path(), ourTarget.auth(), minimal.pid()));
            Map<String, List<WrkRun>> runs = new LinkedHashMap<>();
            for (Map.Entry<String, Target> t : targets.entrySet()) {
                wrk(threads, connections, warmup, t.getValue());
                // Every round connects anew. The first run after the warm-up made the JIT recompile the
                // event loop's code once more (1.6 s of C2's CPU in Bookshelf's first round, then ~0):
                // one more short run on new connections, so that no round pays for that.
                wrk(threads, connections, RECONNECT_WARMUP, t.getValue());
                runs.put(t.getKey(), new ArrayList<>());
            }
            for (int r = 0; r < rounds; r++) {
                List<String> order = new ArrayList<>(targets.keySet());
                if (r % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (String name : order) {
                    runs.get(name).add(wrk(threads, connections, duration, targets.get(name)));
                }
                StringBuilder figures = new StringBuilder();
                for (Map.Entry<String, List<WrkRun>> e : runs.entrySet()) {
                    WrkRun run = e.getValue().get(r);
                    figures.append(String.format(Locale.ROOT, "; %s %.0f req/s, %.0f per CPU-s (JIT compilers %.0f ms)",
                            e.getKey(), run.rps(), run.perCpuSecond(), run.jitMs()));
                }
                System.err.printf("throughput: round %d/%d done%s (load %s)%n", r + 1, rounds, figures, Jvm.loadAverage());
            }
            String table = table(runs, rounds, threads, connections, duration, warmup, eventLoops, sameBytes, raw);
            return versusName == null ? table : table + versus(runs.get(versusName), runs.get(OURS), versusName);
        } finally {
            for (Process p : started) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    /** Starts the server jar with the bench's environment and {@code extra} on a free port; once it is healthy. */
    private Started startBookshelf(Path jar, Map<String, String> extra, int eventLoops, String errorFile)
            throws Exception {
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>(Events.APP_ENV);
        env.put("PORT", Integer.toString(port));
        env.put("EVENT_LOOPS", Integer.toString(eventLoops));
        env.put("HOST", "127.0.0.1");
        env.put("SHUTDOWN_GRACE_SECONDS", "1");
        env.put("MANAGEMENT_PORT", "0"); // metrics recorded, as in production; any free port
        env.putAll(extra);
        Process p = Jvm.clean(cpus.server(Jvm.command(SERVER_FLAGS, List.of("-jar", jar.toString()))), env)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(work.resolve(errorFile).toFile()).start();
        try {
            awaitHealth(port);
        } catch (Exception | Error e) {
            p.destroyForcibly();
            throw e;
        }
        return new Started(p, port);
    }

    /** A started Bookshelf with a user and a book in it: its {@code GET /books/{id}} with that user's token. */
    private static Target loaded(Started server) throws Exception {
        String[] tokenAndBook = setUp(server.port());
        return new Target(server.port(), "/books/" + tokenAndBook[1], "Authorization: Bearer " + tokenAndBook[0],
                server.process().pid());
    }

    /** The variant against Bookshelf, round by round: what the difference between them is worth. */
    private static String versus(List<WrkRun> variant, List<WrkRun> ours, String name) {
        return String.format(Locale.ROOT, "%n`%s` ÷ `%s`, per round: **%s** × in req/s, **%s** × in requests per server "
                        + "CPU-second (median (min–max) of the rounds; above 1: the variant answers more).%n", name, OURS,
                Stats.perRound(variant, ours, WrkRun::rps).format(3), Stats.perRound(variant, ours, WrkRun::perCpuSecond).format(3));
    }

    private String table(Map<String, List<WrkRun>> runs, int rounds, String threads, String connections,
                                String duration, String warmup, int eventLoops, String sameBytes, byte[] raw) {
        StringBuilder md = new StringBuilder("### Server throughput (wrk on loopback, GET /books/{id} with a valid token)\n\n");
        md.append(String.format(Locale.ROOT, "`wrk -t%s -c%s -d%s --latency` per run, %d rounds alternating, after a %s "
                + "warm-up of each and a " + RECONNECT_WARMUP + " run on new connections (until the JIT has settled: Bookshelf has more code to compile than the minimal server); every server %d event loop%s (`--event-loops`) "
                + "and `java %s`, request log of Bookshelf to /dev/null; %s. %s. Answer: %d bytes "
                + "(headers and body).%n%n", threads, connections, duration, rounds, warmup, eventLoops,
                eventLoops == 1 ? "" : "s", String.join(" ", SERVER_FLAGS), cpus.describe(), sameBytes, raw.length));
        md.append("| server | requests/s | p50 latency ms | p99 latency ms | errors | req/s × minimal, per round "
                + "| requests per server CPU-second | × minimal, per round |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<WrkRun> minimal = runs.get(MINIMAL);
        for (Map.Entry<String, List<WrkRun>> e : runs.entrySet()) {
            Stats rps = Stats.of(e.getValue().stream().map(WrkRun::rps).toList());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s | %s |%n", e.getKey(), rps.format(0),
                    Stats.of(e.getValue().stream().map(WrkRun::p50Ms).toList()).format(2),
                    Stats.of(e.getValue().stream().map(WrkRun::p99Ms).toList()).format(2),
                    e.getValue().stream().mapToLong(WrkRun::errors).sum(), Stats.perRound(e.getValue(), minimal, WrkRun::rps).format(2),
                    Stats.of(e.getValue().stream().map(WrkRun::perCpuSecond).toList()).format(0),
                    Stats.perRound(e.getValue(), minimal, WrkRun::perCpuSecond).format(2)));
        }
        md.append("\nThe ratio is taken per round, of the two runs next to each other in time (their order alternates), "
                + "so that a drift of the machine's speed over the run cancels out; median (min–max) of the rounds. "
                + "Requests per server CPU-second: requests answered ÷ the CPU time (user + system, every thread) "
                + "the server's process used during the run, from /proc: its cost per request, which the time the "
                + "hypervisor takes from this VM (steal) does not change.\n");
        return md.toString();
    }

    private WrkRun wrk(String threads, String connections, String duration, Target target) throws Exception {
        double cpuBefore = Jvm.cpuMs(target.pid());
        double jitBefore = Jvm.compilerCpuMs(target.pid());
        Process p = new ProcessBuilder(cpus.wrk(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration,
                "--latency", "-H", target.auth(), target.url()))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        Matcher rps = RPS.matcher(out);
        if (!rps.find()) {
            throw new IllegalStateException("no Requests/sec in wrk output:\n" + out);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        double cpuMs = Jvm.cpuMs(target.pid()) - cpuBefore;
        double jitMs = Jvm.compilerCpuMs(target.pid()) - jitBefore;
        Matcher requests = REQUESTS.matcher(out);
        double perCpuSecond = requests.find() && cpuMs > 0 ? Long.parseLong(requests.group(1)) / (cpuMs / 1000) : Double.NaN;
        return new WrkRun(Double.parseDouble(rps.group(1)), latency(out, "50%"), latency(out, "99%"), errors, perCpuSecond,
                jitMs);
    }

    /** A line of wrk's latency distribution, e.g. {@code 99%    3.21ms}, in ms. */
    static double latency(String out, String percentile) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    /** Signs up, logs in and adds a book; returns the token and the book id. */
    private static String[] setUp(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port;
        String credentials = "{\"email\":\"bench@example.com\",\"password\":\"correct horse battery\"}";
        send(http, post(base + "/auth/signup", "{\"email\":\"bench@example.com\",\"password\":\"correct horse battery\","
                + "\"displayName\":\"벤치\"}", null), 201);
        String token = field(send(http, post(base + "/auth/login", credentials, null), 200), "token");
        String book = field(send(http, post(base + "/books", "{\"title\":\"채식주의자\",\"author\":\"한강\","
                + "\"status\":\"READING\",\"rating\":5}", token), 201), "id");
        return new String[] {token, book};
    }

    private static HttpRequest post(String url, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private static String send(HttpClient http, HttpRequest req, int status) throws Exception {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new IllegalStateException(req.uri() + ": expected " + status + ", got " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** The exact bytes of one HTTP/1.1 answer. */
    static byte[] rawGet(int port, String path, String auth) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + auth
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toByteArray();
        }
    }

    /** {@code status}, {@code name: value} lines, a blank line and the body, for {@link MinimalServer}. */
    static byte[] responseSpec(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        StringBuilder spec = new StringBuilder(lines[0].split(" ")[1]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            spec.append(lines[i]).append('\n');
        }
        spec.append('\n').append(text.substring(end + 4));
        return spec.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the two answers are byte for byte the same apart from the request id. */
    static String compare(byte[] ours, byte[] minimal) {
        String a = new String(ours, StandardCharsets.UTF_8).replaceAll("(?im)^(x-request-id: ).*$", "$1*");
        String b = new String(minimal, StandardCharsets.UTF_8).replaceAll("(?im)^(x-request-id: ).*$", "$1*");
        if (a.equals(b)) {
            return "Both answers are byte for byte the same (apart from the fresh X-Request-Id)";
        }
        throw new IllegalStateException("the minimal server's answer differs:\n--- ours\n" + a + "\n--- minimal\n" + b);
    }

    private static void awaitHealth(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not answer /health within 60 s");
    }

    private static void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the minimal server did not listen within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
