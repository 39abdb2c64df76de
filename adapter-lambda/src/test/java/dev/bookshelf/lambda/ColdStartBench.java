package dev.bookshelf.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the cold start of each event envelope: for every fixture and variant, one fresh JVM
 * with {@code -Xlog:class+load} to count loaded classes, then {@code rounds} fresh JVMs (variants
 * interleaved) timed from process start to exit. Prints medians and minima. Usage:
 * {@code java -cp adapter-lambda/target/test-classes:adapter-lambda/target/bookshelf-lambda.jar
 * dev.bookshelf.lambda.ColdStartBench [rounds] [fixture...]}.
 */
public final class ColdStartBench {
    /** Close to the Lambda Java runtime's: class data sharing, C1 only, serial GC. */
    static final List<String> JVM_FLAGS = List.of("-Xshare:auto", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    static final List<String> VARIANTS = List.of("streaming", "tree", "pojo");

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<String> fixtures = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("health.json", "signup.json");
        System.out.printf("java %s, %d rounds, flags %s%n", System.getProperty("java.version"), rounds, JVM_FLAGS);
        System.out.printf("%-12s %-9s %7s %7s %8s %8s %7s %7s %8s %9s %9s%n", "event", "variant", "classes",
                "app-cls", "wall-med", "wall-min", "cpu-med", "cpu-min", "init-med", "event-med", "event-min");
        for (String fixture : fixtures) {
            Map<String, Run> counted = new LinkedHashMap<>();
            Map<String, List<Run>> timed = new LinkedHashMap<>();
            for (String variant : VARIANTS) {
                counted.put(variant, run(variant, fixture, true));
                timed.put(variant, new ArrayList<>());
            }
            for (int r = 0; r < rounds; r++) {
                for (String variant : VARIANTS) {
                    timed.get(variant).add(run(variant, fixture, false));
                }
            }
            for (String variant : VARIANTS) {
                List<Run> runs = timed.get(variant);
                System.out.printf(Locale.ROOT, "%-12s %-9s %7d %7d %8.0f %8.0f %7.0f %7.0f %8.0f %9.1f %9.1f%n",
                        fixture, variant, counted.get(variant).classes, counted.get(variant).appClasses,
                        median(runs, Run::wallMs), min(runs, Run::wallMs), median(runs, Run::cpuMs),
                        min(runs, Run::cpuMs), median(runs, Run::initMs), median(runs, Run::eventMs),
                        min(runs, Run::eventMs));
            }
        }
    }

    record Run(double wallMs, double initMs, double eventMs, double cpuMs, int classes, int appClasses) {
    }

    private static Run run(String variant, String fixture, boolean countClasses) throws IOException, InterruptedException {
        Path classLog = Files.createTempFile("class-load", ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        if (countClasses) {
            cmd.add("-Xlog:class+load=info:file=" + classLog);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStartMain.class.getName(), variant, fixture,
                countClasses ? "-" : "cpu"));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double wallMs = (System.nanoTime() - start) / 1e6;
        if (exit != 0 || !out.contains("start={\"statusCode\"")) {
            throw new IllegalStateException(variant + " " + fixture + " failed (" + exit + "):\n" + out);
        }
        List<String> loaded = Files.readAllLines(classLog);
        Files.delete(classLog);
        long app = loaded.stream().filter(l -> l.contains("source: file:") || l.contains("source: jar:")).count();
        return new Run(wallMs, field(out, "initMs"), field(out, "eventMs"), field(out, "cpuMs"), loaded.size(),
                (int) app);
    }

    private static double field(String out, String name) {
        int at = out.indexOf(name + "=") + name.length() + 1;
        return Double.parseDouble(out.substring(at, out.indexOf(' ', at)));
    }

    private static double min(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return runs.stream().mapToDouble(f).min().orElse(0);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] values = runs.stream().mapToDouble(f).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
