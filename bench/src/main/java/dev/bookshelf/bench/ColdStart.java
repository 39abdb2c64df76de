package dev.bookshelf.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cold start as Lambda does it: for each round, event and subject (order alternating), a fresh JVM
 * runs the real runtime interface client ({@code AWSLambda <handler>}) in a task directory holding
 * the unpacked upload (Lambda unpacks it into /var/task, the runtime's working directory), against
 * a {@link LocalRuntimeApi} that hands it one event. Measured: process launch to the complete proxy
 * response arriving at the Runtime API; launch to the first {@code next} (JVM + runtime + handler
 * init); peak RSS (VmHWM) just before the process is killed. One extra run per subject and event
 * counts loaded classes with {@code -Xlog:class+load}.
 */
final class ColdStart {
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");
    private static final long TIMEOUT_MS = 60_000;

    /**
     * A handler to start cold: its upload, handler string, and extra JVM flags. Two pseudo flags:
     * {@code @lib} puts the upload as a jar in {@code lib/} of the task root instead of unpacking it
     * (Lambda adds {@code lib/*.jar} to the class path; CDS archives classes from jars only);
     * {@code @cds} trains an AppCDS archive first (one run with {@code -XX:ArchiveClassesAtExit},
     * ended with SIGTERM so the JVM writes it) and then runs with {@code -XX:SharedArchiveFile}.
     */
    record Subject(String name, String handler, Path upload, List<String> extraFlags, Map<String, String> env,
                   EventSource events) {
        /** A subject with the handler's usual settings ({@link Events#APP_ENV}) and {@link Events#coldEvent}. */
        Subject(String name, String handler, Path upload, List<String> extraFlags) {
            this(name, handler, upload, extraFlags, Map.of(), Events::coldEvent);
        }

        /** {@code name|handler|upload[|flag...]}. */
        static Subject parse(String spec) {
            String[] p = spec.split("\\|");
            return new Subject(p[0], p[1], Path.of(p[2]), List.of(p).subList(3, p.length));
        }

        /** The same subject with more settings and its own first events. */
        Subject with(Map<String, String> moreEnv, EventSource firstEvents) {
            return new Subject(name, handler, upload, extraFlags, moreEnv, firstEvents);
        }

        boolean has(String pseudo) {
            return extraFlags.contains(pseudo);
        }

        List<String> jvmFlags() {
            return extraFlags.stream().filter(f -> !f.startsWith("@")).toList();
        }
    }

    /** The first event a subject's fresh container gets, by event name. */
    interface EventSource {
        byte[] event(String name);
    }

    /** A ratio reported per round: {@code subject} over {@code reference} (by subject name). */
    record Comparison(String subject, String reference) {
    }

    record Sample(double coldMs, double initMs, double eventMs, double cpuMs, double rssMiB, int status) {
    }

    record ClassCount(int total, int handler) {
    }

    private final Path ricDir;
    private final Path work;

    ColdStart(Path ricDir, Path work) {
        this.ricDir = ricDir;
        this.work = work;
    }

    /** Runs everything and returns the markdown section, with a table of per-round ratios for each comparison. */
    String run(List<Subject> subjects, List<String> events, int rounds, List<Comparison> comparisons)
            throws Exception {
        Map<Subject, Path> tasks = new LinkedHashMap<>();
        for (Subject s : subjects) {
            tasks.put(s, unpack(s));
            if (s.has("@cds")) {
                train(s, tasks.get(s), events.get(0));
            }
        }
        Map<String, ClassCount> classes = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (String event : events) {
            for (Subject s : subjects) {
                run(s, tasks.get(s), event, null); // page cache, JIT-free warm-up of the disk, discarded
                Path log = work.resolve("class-load-" + s.name() + "-" + event + ".log");
                run(s, tasks.get(s), event, log);
                classes.put(key(s, event), count(log, tasks.get(s)));
                samples.put(key(s, event), new ArrayList<>());
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (String event : events) {
                List<Subject> order = new ArrayList<>(subjects);
                if (r % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (Subject s : order) {
                    samples.get(key(s, event)).add(run(s, tasks.get(s), event, null));
                }
            }
            System.err.printf("cold: round %d/%d done (load %s)%n", r + 1, rounds, Jvm.loadAverage());
        }
        String md = table(subjects, events, rounds, samples, classes);
        return comparisons.isEmpty() ? md : md + "\n" + comparisons(comparisons, events, samples);
    }

    /**
     * Per event and comparison: the per-round ratios (the two ran in the same round, one right
     * after the other) of cold time and of CPU time, median (min–max), and both subjects' init
     * (launch to first {@code next}) and first event.
     */
    private static String comparisons(List<Comparison> comparisons, List<String> events,
                                      Map<String, List<Sample>> samples) {
        StringBuilder md = new StringBuilder("Per-round ratios (each round runs both one after the other): "
                + "median (min–max) over the rounds.\n\n");
        md.append("| event | subject ÷ reference | cold × | CPU × | init: subject / reference ms "
                + "| first event: subject / reference ms |\n|---|---|---:|---:|---:|---:|\n");
        for (String event : events) {
            for (Comparison c : comparisons) {
                List<Sample> a = samples.get(c.subject() + " " + event);
                List<Sample> b = samples.get(c.reference() + " " + event);
                if (a == null || b == null) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %s ÷ %s | %s | %s | %.0f / %.0f | %.0f / %.0f |%n",
                        eventLabel(event), c.subject(), c.reference(),
                        Stats.perRound(a, b, Sample::coldMs).format(2), Stats.perRound(a, b, Sample::cpuMs).format(2),
                        median(a, Sample::initMs), median(b, Sample::initMs), median(a, Sample::eventMs),
                        median(b, Sample::eventMs)));
            }
        }
        return md.toString();
    }

    private static double median(List<Sample> list, java.util.function.ToDoubleFunction<Sample> f) {
        return Stats.of(list.stream().mapToDouble(f).toArray()).median();
    }

    private static String key(Subject s, String event) {
        return s.name() + " " + event;
    }

    private String table(List<Subject> subjects, List<String> events, int rounds, Map<String, List<Sample>> samples,
                         Map<String, ClassCount> classes) {
        Subject base = subjects.get(subjects.size() - 1);
        StringBuilder md = new StringBuilder();
        md.append("### Cold start (runtime interface client, local Runtime API)\n\n");
        md.append(String.format(Locale.ROOT, "%d rounds, subjects alternating; JVM flags `%s`; ratios against `%s` "
                + "(ratio of medians, then the median and range of the per-round ratios). Times in ms, RSS in MiB. "
                + "CPU: user+system time of the process (all threads) when its answer arrived, 10 ms ticks: "
                + "less sensitive than wall time to other load on the machine.%n%n",
                rounds, String.join(" ", Jvm.LAMBDA_FLAGS), base.name()));
        md.append("| event | handler | extra flags | cold: launch → response | launch → first `next` | first event "
                + "| CPU ms | peak RSS | classes (from upload) | status | cold × base | per-round × base | CPU × base |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String event : events) {
            List<Sample> baseSamples = samples.get(key(base, event));
            Stats baseCold = Stats.of(baseSamples.stream().map(Sample::coldMs).toList());
            Stats baseCpu = Stats.of(baseSamples.stream().map(Sample::cpuMs).toList());
            for (Subject s : subjects) {
                List<Sample> list = samples.get(key(s, event));
                Stats cold = Stats.of(list.stream().map(Sample::coldMs).toList());
                ClassCount cc = classes.get(key(s, event));
                Stats cpu = Stats.of(list.stream().map(Sample::cpuMs).toList());
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %d (%d) | %s | %.2f | %s | %.2f |%n",
                        eventLabel(event), s.name(), s.extraFlags().isEmpty() ? "–" : "`" + String.join(" ", s.extraFlags()) + "`",
                        cold.format(0), Stats.of(list.stream().map(Sample::initMs).toList()).format(0),
                        Stats.of(list.stream().map(Sample::eventMs).toList()).format(0), cpu.format(0),
                        Stats.of(list.stream().map(Sample::rssMiB).toList()).format(0), cc.total(), cc.handler(),
                        statuses(list), cold.median() / baseCold.median(), Stats.perRound(list, baseSamples, Sample::coldMs).format(2),
                        cpu.median() / baseCpu.median()));
            }
        }
        return md.toString();
    }

    static String eventLabel(String event) {
        return switch (event) {
            case "get-book" -> "GET /books/{id} (valid token; memory: unknown user → 401; dynamodb: seeded book → 200)";
            case "add-book" -> "POST /books (valid token; memory: unknown user → 401; dynamodb: 201)";
            case "login" -> "POST /auth/login (bcrypt 10; memory: unknown email → 401; dynamodb: seeded user → 200)";
            default -> event;
        };
    }

    private static String statuses(List<Sample> list) {
        return list.stream().map(s -> Integer.toString(s.status())).distinct().reduce((a, b) -> a + "," + b).orElse("");
    }

    private Path archive(Subject s) {
        return work.resolve(s.name()).resolve("app-cds.jsa").toAbsolutePath();
    }

    /** One run that writes the subject's AppCDS archive when the JVM exits (SIGTERM after the answer). */
    private void train(Subject s, Path task, String event) throws Exception {
        Files.deleteIfExists(archive(s));
        List<String> flags = new ArrayList<>(Jvm.LAMBDA_FLAGS);
        flags.addAll(s.jvmFlags());
        flags.add("-XX:ArchiveClassesAtExit=" + archive(s));
        once(s, task, event, flags, true);
        if (!Files.exists(archive(s))) {
            throw new IllegalStateException("no CDS archive written for " + s.name() + "; see " + log(s));
        }
    }

    Sample run(Subject s, Path task, String event, Path classLog) throws Exception {
        List<String> flags = new ArrayList<>(Jvm.LAMBDA_FLAGS);
        flags.addAll(s.jvmFlags());
        if (s.has("@cds")) {
            flags.add("-XX:SharedArchiveFile=" + archive(s));
        }
        if (classLog != null) {
            flags.add("-Xlog:class+load=info:file=" + classLog.toAbsolutePath());
        }
        return once(s, task, event, flags, false);
    }

    /**
     * One cold start: the runtime against a fresh Runtime API with {@code event} queued, measured
     * until its answer arrives; then killed, or, if {@code graceful}, ended with SIGTERM and awaited.
     */
    private Sample once(Subject s, Path task, String event, List<String> flags, boolean graceful) throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            api.offer(s.events().event(event));
            Map<String, String> env = new LinkedHashMap<>(Events.APP_ENV);
            env.putAll(s.env());
            env.putAll(lambdaEnv(s, task, api.address()));
            ProcessBuilder pb = Jvm.clean(Jvm.command(flags, List.of("-cp", ricDir.toAbsolutePath() + "/*", RIC_MAIN,
                    s.handler())), env).directory(task.toFile()).redirectErrorStream(true)
                    .redirectOutput(log(s).toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            try {
                LocalRuntimeApi.Outcome o = api.await(TIMEOUT_MS);
                if (o == null || !o.kind().equals("response")) {
                    throw new IllegalStateException(s.name() + " " + event + ": " + (o == null ? "no answer"
                            : o.kind() + " " + o.bodyText()) + "; see " + log(s));
                }
                double cpu = Jvm.cpuMs(p.pid());
                double rss = Jvm.peakRssKiB(p.pid()) / 1024.0;
                Matcher m = STATUS.matcher(o.bodyText());
                int status = m.find() ? Integer.parseInt(m.group(1)) : -1;
                return new Sample((o.receivedNanos() - start) / 1e6, (o.nextNanos() - start) / 1e6,
                        (o.receivedNanos() - o.nextNanos()) / 1e6, cpu, rss, status);
            } finally {
                if (graceful) {
                    p.destroy();
                    p.waitFor();
                } else {
                    Jvm.kill(p);
                }
            }
        }
    }

    private Path log(Subject s) {
        return work.resolve("runtime-" + s.name() + ".log");
    }

    private static Map<String, String> lambdaEnv(Subject s, Path task, String runtimeApi) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", s.handler());
        env.put("LAMBDA_TASK_ROOT", task.toAbsolutePath().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "bookshelf-bench");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(Jvm.FUNCTION_MEMORY_MB));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bookshelf-bench");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]bench");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("TZ", ":UTC");
        return env;
    }

    /** Unpacks the upload into {@code work/<name>/task}, as Lambda unpacks it into /var/task. */
    private Path unpack(Subject s) throws IOException {
        Path task = work.resolve(s.name()).resolve("task");
        if (Files.exists(task)) {
            try (var walk = Files.walk(task)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(task);
        if (s.has("@lib")) {
            Files.createDirectories(task.resolve("lib"));
            Files.copy(s.upload(), task.resolve("lib").resolve(s.upload().getFileName()));
            return task;
        }
        try (InputStream in = Files.newInputStream(s.upload()); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path target = task.resolve(e.getName()).normalize();
                if (!target.startsWith(task)) {
                    throw new IOException("entry outside the task root: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        return task;
    }

    private static ClassCount count(Path log, Path task) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String root = task.toAbsolutePath().toString();
        int handler = (int) lines.stream().filter(l -> l.contains("source: file:" + root)
                || l.contains("source: jar:file:" + root) || l.contains("source: " + root)).count();
        return new ClassCount(lines.size(), handler);
    }
}
