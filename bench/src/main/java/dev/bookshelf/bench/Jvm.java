package dev.bookshelf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How measured JVMs are launched, and what is read from them through /proc. */
final class Jvm {
    /** A function of 1024 MB. */
    static final int FUNCTION_MEMORY_MB = 1024;
    /**
     * Lambda's Java runtime flags: C1 only (the java17+ runtimes' documented default), serial GC,
     * class data sharing when available, and a heap of 85% of the function's memory (870 MB of 1024:
     * what the runtime's own command line showed in captures of the java8/java11 runtimes; AWS does
     * not document the java17/21 default, so this is the assumption, printed with every table).
     */
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx" + FUNCTION_MEMORY_MB * 85 / 100 + "m");

    private Jvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <flags> <extra...>}. */
    static List<String> command(List<String> flags, List<String> rest) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(flags);
        cmd.addAll(rest);
        return cmd;
    }

    /** A process builder with a clean environment: PATH, LANG, plus {@code env}. */
    static ProcessBuilder clean(List<String> cmd, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> e = pb.environment();
        String path = e.getOrDefault("PATH", "/usr/bin:/bin");
        e.clear();
        e.put("PATH", path);
        e.put("LANG", "C.UTF-8");
        e.putAll(env);
        return pb;
    }

    /** Peak resident set size (VmHWM) of a live process, in KiB; -1 if unreadable. */
    static long peakRssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** User + system CPU time of a live process (all threads), in ms; clock ticks of 10 ms. */
    static double cpuMs(long pid) {
        try {
            return statCpuMs(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU time (user + system) of the JIT compiler threads of process {@code pid} so far, in ms,
     * from {@code /proc/<pid>/task}: how much of a process's CPU went to compiling.
     */
    static double compilerCpuMs(long pid) {
        double ms = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        ms += statCpuMs(stat);
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ms;
    }

    /** User + system time of a {@code /proc} {@code stat} line (process or thread), in ms (10 ms ticks). */
    private static double statCpuMs(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
    }

    /** The 1-minute load average. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor();
    }
}
