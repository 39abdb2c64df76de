package dev.bookshelf.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code BenchMain cold|warm|throughput|size [--key=value...]}: runs one benchmark, prints its
 * markdown table and writes it to {@code --out} (default {@code bench/target/results-<kind>.md}).
 * Normally started by {@code bench/run.sh}, which builds the artifacts first.
 */
public final class BenchMain {
    static final String OURS = "dev.bookshelf.lambda.BookshelfHandler::handleRequest";
    static final String BASELINE = "dev.bookshelf.bench.baseline.BaselineHandler::handleRequest";
    static final String SDK_BASELINE = "dev.bookshelf.bench.baseline.SdkBaselineHandler::handleRequest";
    static final String DYNAMODB = "bookshelf-dynamodb";
    static final String SDK = "sdk-baseline";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchMain cold|warm|throughput|size [--key=value...]");
            System.exit(2);
        }
        String kind = args[0];
        Map<String, List<String>> opt = options(Arrays.copyOfRange(args, 1, args.length));
        Path target = Path.of(one(opt, "target", "bench/target"));
        Path lambdaJar = Path.of(one(opt, "lambda-jar", "adapter-lambda/target/bookshelf-lambda.jar"));
        Path baselineJar = target.resolve("baseline-lambda.jar");
        String header = String.format("_%s; JDK %s; %d cores; load average at start %s_%n%n", java.time.Instant.now(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Jvm.loadAverage());
        String section = switch (kind) {
            case "cold" -> {
                List<String> stores = stores(opt);
                try (SeededDynamo dynamo = dynamoIfAsked(stores, opt)) {
                    List<ColdStart.Subject> subjects = coldSubjects(opt, stores, lambdaJar, target, dynamo);
                    List<ColdStart.Comparison> comparisons = dynamo == null ? List.of() : List.of(
                            new ColdStart.Comparison(DYNAMODB, SDK), new ColdStart.Comparison(DYNAMODB, "bookshelf"),
                            new ColdStart.Comparison(SDK, "baseline"));
                    Path work = Files.createDirectories(target.resolve("cold"));
                    yield new ColdStart(target.resolve("ric"), work).run(subjects,
                            List.of(one(opt, "events", "get-book,add-book,login").split(",")),
                            Integer.parseInt(one(opt, "rounds", "11")), comparisons);
                }
            }
            case "warm" -> {
                try (SeededDynamo dynamo = dynamoIfAsked(stores(opt), opt)) {
                    yield new WarmCost(Files.createDirectories(target.resolve("warm")), WarmCost.classpathOf(target),
                            variants(opt.getOrDefault("variant", List.of())), dynamo,
                            Integer.parseInt(one(opt, "dynamodb-warmup", "1000")),
                            Integer.parseInt(one(opt, "dynamodb-measured", "3000")))
                            .run(List.of(one(opt, "events", "get-book,add-book").split(",")),
                                    Integer.parseInt(one(opt, "rounds", "3")), Integer.parseInt(one(opt, "warmup", "20000")),
                                    Integer.parseInt(one(opt, "measured", "50000")));
                }
            }
            case "throughput" -> {
                Throughput.Cpus cpus = Throughput.Cpus.of(Boolean.parseBoolean(one(opt, "pin", "false")),
                        Runtime.getRuntime().availableProcessors());
                Path serverJar = Path.of(one(opt, "server-jar", "adapter-http/target/bookshelf-server.jar"));
                yield new Throughput(Files.createDirectories(target.resolve("throughput")), serverJar,
                        WarmCost.classpathOf(target), cpus)
                        .run(Integer.parseInt(one(opt, "rounds", "3")), one(opt, "threads", "2"),
                                one(opt, "connections", "32"), one(opt, "duration", "15s"), one(opt, "warmup", "30s"),
                                Integer.parseInt(one(opt, "event-loops", Integer.toString(cpus.serverCount()))),
                                Throughput.Variant.of(serverJar,
                                        opt.containsKey("versus-jar") ? Path.of(one(opt, "versus-jar", null)) : null,
                                        one(opt, "versus-env", null)));
            }
            case "size" -> {
                Map<String, Path> jars = new LinkedHashMap<>();
                jars.put("Lambda upload", lambdaJar);
                jars.put("server jar", Path.of(one(opt, "server-jar", "adapter-http/target/bookshelf-server.jar")));
                jars.put("baseline Lambda upload", baselineJar);
                jars.put("SDK baseline (whole SDK jars, no size target)", target.resolve("sdk-baseline-lambda.jar"));
                yield new ArtifactSize().run(jars, 8L * 1000 * 1000);
            }
            default -> throw new IllegalArgumentException("unknown benchmark " + kind);
        };
        String md = section.replaceFirst("\n\n", "\n\n" + header);
        System.out.println(md);
        Path out = Path.of(one(opt, "out", target.resolve("results-" + kind + ".md").toString()));
        Files.writeString(out, md, StandardCharsets.UTF_8);
    }

    /**
     * {@code --subject=...} as given, or: Bookshelf in memory, Bookshelf on DynamoDB and the SDK
     * baseline (when {@code dynamo} runs), the AppCDS variants (unless {@code --appcds=false}); the
     * bare baseline always last (the table's base).
     */
    private static List<ColdStart.Subject> coldSubjects(Map<String, List<String>> opt, List<String> stores,
                                                        Path lambdaJar, Path target, SeededDynamo dynamo) {
        Path baselineJar = target.resolve("baseline-lambda.jar");
        List<ColdStart.Subject> subjects = new ArrayList<>();
        for (String spec : opt.getOrDefault("subject", List.of())) {
            subjects.add(ColdStart.Subject.parse(spec));
        }
        if (subjects.isEmpty()) {
            if (stores.contains("memory")) {
                subjects.add(new ColdStart.Subject("bookshelf", OURS, lambdaJar, List.of()));
            }
            if (dynamo != null) {
                subjects.add(new ColdStart.Subject(DYNAMODB, OURS, lambdaJar, List.of())
                        .with(dynamo.bookshelfEnv(), dynamo::coldEvent));
                subjects.add(new ColdStart.Subject(SDK, SDK_BASELINE, target.resolve("sdk-baseline-lambda.jar"),
                        List.of()).with(dynamo.sdkBaselineEnv(), Events::coldEvent));
            }
            if (!one(opt, "appcds", "true").equals("false")) {
                // informative: the same two with an AppCDS archive trained on this machine
                subjects.add(new ColdStart.Subject("bookshelf+AppCDS", OURS, lambdaJar, List.of("@cds")));
                subjects.add(new ColdStart.Subject("baseline+AppCDS", BASELINE, baselineJar, List.of("@cds")));
            }
        }
        subjects.add(new ColdStart.Subject("baseline", BASELINE, baselineJar, List.of()));
        return subjects;
    }

    /** {@code --stores}: which store configurations to measure, {@code memory,dynamodb} by default. */
    private static List<String> stores(Map<String, List<String>> opt) {
        return List.of(one(opt, "stores", "memory,dynamodb").split(","));
    }

    /** A seeded dynalite when {@code stores} names {@code dynamodb}, else null (try-with-resources skips it). */
    private static SeededDynamo dynamoIfAsked(List<String> stores, Map<String, List<String>> opt) throws Exception {
        return stores.contains("dynamodb") ? SeededDynamo.start(dynaliteDir(opt)) : null;
    }

    static Path dynaliteDir(Map<String, List<String>> opt) {
        return Path.of(one(opt, "dynalite-dir", "adapter-dynamodb/src/test/dynalite"));
    }

    /** {@code name|jar} each. */
    private static Map<String, String> variants(List<String> specs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String spec : specs) {
            String[] p = spec.split("\\|");
            out.put(p[0], p[1]);
        }
        return out;
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> opt = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options look like --key=value: " + a);
            }
            int eq = a.indexOf('=');
            opt.computeIfAbsent(a.substring(2, eq), k -> new ArrayList<>()).add(a.substring(eq + 1));
        }
        return opt;
    }

    private static String one(Map<String, List<String>> opt, String key, String fallback) {
        List<String> v = opt.get(key);
        return v == null ? fallback : v.get(v.size() - 1);
    }
}
