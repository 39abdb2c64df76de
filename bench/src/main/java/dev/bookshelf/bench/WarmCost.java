package dev.bookshelf.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warm cost per event: {@code repeats} rounds, each running one fresh JVM per event and subject
 * (alternating order) with Lambda's flags; each JVM is a {@link WarmLoop}. Reports the median,
 * across rounds, of each JVM's median and p99, with min–max, and the first-10k vs last-10k medians.
 */
final class WarmCost {
    private final Path work;
    private final String classpath;
    private final Map<String, String> variants;
    private final SeededDynamo dynamo;
    private final int dynamoWarmup;
    private final int dynamoMeasured;

    /**
     * {@code variants}: extra Bookshelf subjects, name to an upload jar put first on the class path.
     * With {@code dynamo}, also Bookshelf on DynamoDB (a table of its own per JVM, created at start)
     * and the SDK baseline, each with its own, smaller counts: every call goes to dynalite.
     */
    WarmCost(Path work, String classpath, Map<String, String> variants, SeededDynamo dynamo, int dynamoWarmup,
             int dynamoMeasured) {
        this.work = work;
        this.classpath = classpath;
        this.variants = variants;
        this.dynamo = dynamo;
        this.dynamoWarmup = dynamoWarmup;
        this.dynamoMeasured = dynamoMeasured;
    }

    private boolean onDynamo(String subject) {
        return subject.equals(BenchMain.DYNAMODB) || subject.equals(BenchMain.SDK);
    }

    record Run(double median, double p99, double first, double last, long unexpected) {
        static Run parse(String line) {
            String[] f = line.trim().split(" ");
            return new Run(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Long.parseLong(f[4]));
        }
    }

    String run(List<String> events, int repeats, int warmup, int measured) throws Exception {
        List<String> subjects = new ArrayList<>(List.of("bookshelf"));
        subjects.addAll(variants.keySet());
        if (dynamo != null) {
            subjects.add(BenchMain.DYNAMODB);
            subjects.add(BenchMain.SDK);
        }
        subjects.add("baseline");
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int r = 0; r < repeats; r++) {
            for (String event : events) {
                List<String> order = new ArrayList<>(subjects);
                if (r % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (String s : order) {
                    boolean remote = onDynamo(s);
                    runs.computeIfAbsent(s + " " + event, k -> new ArrayList<>()).add(once(s, event,
                            remote ? dynamoWarmup : warmup, remote ? dynamoMeasured : measured, r));
                }
            }
            System.err.printf("warm: round %d/%d done (load %s)%n", r + 1, repeats, Jvm.loadAverage());
        }
        StringBuilder md = new StringBuilder("### Warm cost per event (through handleRequest, one JVM per row and round)\n\n");
        md.append(String.format(Locale.ROOT, "%d rounds; per JVM %,d warm-up then %,d timed invocations; JVM flags `%s`; "
                + "µs per event: median over rounds of each JVM's value (min–max); per-round × base: the median (min–max) "
                + "of each round's ratio to the baseline run next to it. The baseline answers a fixed JSON "
                + "for any event. First/last window: the first and the last %,d timed calls.%s%n%n", repeats, warmup,
                measured, String.join(" ", Jvm.LAMBDA_FLAGS), WarmLoop.window(measured), dynamo == null ? ""
                        : String.format(Locale.ROOT, " `%s` and `%s` (every call goes to dynalite on 127.0.0.1): "
                        + "%,d warm-up, %,d timed, windows of %,d.", BenchMain.DYNAMODB, BenchMain.SDK, dynamoWarmup,
                        dynamoMeasured, WarmLoop.window(dynamoMeasured))));
        md.append("| event | handler | median µs | p99 µs | first-window median | last-window median | last ÷ first "
                + "| unexpected status | median × base | per-round × base |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String event : events) {
            List<Run> baseRuns = runs.get("baseline " + event);
            Stats base = Stats.of(baseRuns.stream().map(Run::median).toList());
            for (String s : subjects) {
                List<Run> list = runs.get(s + " " + event);
                Stats median = Stats.of(list.stream().map(Run::median).toList());
                // Each round's JVMs ran one after the other, so a slow spell of the machine hits both.
                List<Double> perRound = new ArrayList<>();
                for (int r = 0; r < list.size(); r++) {
                    perRound.add(list.get(r).median() / baseRuns.get(r).median());
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d | %.2f | %s |%n", label(event), s,
                        median.format(1), Stats.of(list.stream().map(Run::p99).toList()).format(1),
                        Stats.of(list.stream().map(Run::first).toList()).format(1),
                        Stats.of(list.stream().map(Run::last).toList()).format(1),
                        Stats.of(list.stream().map(x -> x.last() / x.first()).toList()).format(2),
                        list.stream().mapToLong(Run::unexpected).sum(), median.median() / base.median(),
                        Stats.of(perRound).format(2)));
            }
        }
        if (dynamo != null) {
            md.append("\n").append(dynamoComparison(events, runs));
        }
        return md.toString();
    }

    /** DynamoDB calls of a warm {@code GET /books/{id}} and of a {@code POST /books} (the SDK baseline: one). */
    private static final int STORE_CALLS = 3;

    /** Bookshelf on DynamoDB next to the SDK baseline, per round: what is ours beside dynalite's own time. */
    private static String dynamoComparison(List<String> events, Map<String, List<Run>> runs) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "`%s` ÷ `%s` per round, median (min–max). "
                + "Store calls per event: Bookshelf `GET` three `GetItem`s (user, token revocation, book), `POST` "
                + "two `GetItem`s and a `TransactWriteItems`; the SDK baseline one `GetItem`; per store call: the per-round median over three.%n%n", BenchMain.DYNAMODB,
                BenchMain.SDK));
        md.append("| event | Bookshelf on DynamoDB µs | SDK baseline µs | per-round × | per store call × |\n"
                + "|---|---:|---:|---:|---:|\n");
        for (String event : events) {
            List<Run> ours = runs.get(BenchMain.DYNAMODB + " " + event);
            List<Run> sdk = runs.get(BenchMain.SDK + " " + event);
            List<Double> perRound = new ArrayList<>();
            for (int r = 0; r < ours.size(); r++) {
                perRound.add(ours.get(r).median() / sdk.get(r).median());
            }
            Stats ratio = Stats.of(perRound);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f |%n", label(event),
                    Stats.of(ours.stream().map(Run::median).toList()).format(1),
                    Stats.of(sdk.stream().map(Run::median).toList()).format(1), ratio.format(2),
                    ratio.median() / STORE_CALLS));
        }
        return md.toString();
    }

    static String label(String event) {
        return switch (event) {
            case "get-book" -> "GET /books/{id} (200)";
            case "add-book" -> "POST /books (201)";
            default -> event;
        };
    }

    private Run once(String subject, String event, int warmup, int measured, int round) throws Exception {
        Path out = work.resolve("warm-" + subject + "-" + event + ".txt");
        Files.deleteIfExists(out);
        String cp = variants.containsKey(subject) ? firstOnClasspath(variants.get(subject)) : classpath;
        List<String> cmd = Jvm.command(Jvm.LAMBDA_FLAGS, List.of("-cp", cp, WarmLoop.class.getName(), subject,
                event, Integer.toString(warmup), Integer.toString(measured), out.toString()));
        Path log = work.resolve("warm-" + subject + "-" + event + ".log");
        // stdout (one request log line per event for Bookshelf) goes to /dev/null, as cheap as a sink gets
        Process p = Jvm.clean(cmd, env(subject, event, round)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()).start();
        int exit = p.waitFor();
        if (exit != 0 || !Files.exists(out)) {
            throw new IllegalStateException(subject + " " + event + " failed (" + exit + "): " + Files.readString(log));
        }
        return Run.parse(Files.readString(out));
    }

    /** The handler's settings; on DynamoDB a fresh table per JVM, so each signs its user up anew. */
    private Map<String, String> env(String subject, String event, int round) {
        Map<String, String> env = new LinkedHashMap<>(Events.APP_ENV);
        if (subject.equals(BenchMain.SDK)) {
            env.putAll(dynamo.sdkBaselineEnv());
        } else if (subject.equals(BenchMain.DYNAMODB)) {
            env.putAll(dynamo.bookshelfEnv());
            env.put("BOOKSHELF_DYNAMODB_TABLE", "warm-" + round + "-" + event);
            env.put("BOOKSHELF_DYNAMODB_CREATE_TABLE", "true");
        }
        return env;
    }

    /** The bench classes, then {@code jar}, then the rest. */
    private String firstOnClasspath(String jar) {
        int firstSeparator = classpath.indexOf(File.pathSeparator);
        return classpath.substring(0, firstSeparator) + File.pathSeparator + Path.of(jar).toAbsolutePath()
                + classpath.substring(firstSeparator);
    }

    static String classpathOf(Path target) throws Exception {
        return target.resolve("classes").toAbsolutePath() + File.pathSeparator
                + Files.readString(target.resolve("classpath.txt")).trim();
    }
}
