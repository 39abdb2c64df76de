package dev.bookshelf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Sizes of the uploads, and what fills them: compressed bytes per top-level package. */
final class ArtifactSize {
    /** Packages shown one level deeper, because several dependencies share the prefix. */
    private static final List<String> DEEPER = List.of("com/fasterxml/jackson/", "dev/bookshelf/", "io/netty/",
            "software/amazon/awssdk/", "com/amazonaws/services/", "io/vertx/");
    private static final int ROWS = 14;

    String run(Map<String, Path> jars, long lambdaLimitBytes) throws IOException {
        StringBuilder md = new StringBuilder("### Artifact size\n\n");
        md.append("Compressed bytes per top-level package (the rest of the artifact is zip headers and directories).\n\n");
        md.append("| artifact | path | bytes | MiB | entries | classes | target |\n|---|---|---:|---:|---:|---:|---|\n");
        Map<String, Map<String, long[]>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            long bytes = Files.size(jar.getValue());
            int entries = 0;
            int classes = 0;
            Map<String, long[]> byPackage = new LinkedHashMap<>();
            try (ZipFile zip = new ZipFile(jar.getValue().toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    entries++;
                    if (entry.isDirectory()) {
                        continue;
                    }
                    classes += entry.getName().endsWith(".class") ? 1 : 0;
                    long[] g = byPackage.computeIfAbsent(group(entry.getName()), k -> new long[2]);
                    g[0] += entry.getCompressedSize();
                    g[1]++;
                }
            }
            groups.put(jar.getKey(), byPackage);
            String target = jar.getKey().contains("Lambda") ? (bytes <= lambdaLimitBytes ? "≤ 8 MB: met" : "≤ 8 MB: NOT met")
                    : "–";
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %,d | %.2f | %,d | %,d | %s |%n", jar.getKey(),
                    jar.getValue(), bytes, bytes / 1048576.0, entries, classes, target));
        }
        for (Map.Entry<String, Map<String, long[]>> g : groups.entrySet()) {
            md.append("\n").append(g.getKey()).append(":\n\n| package | compressed bytes | share | files |\n|---|---:|---:|---:|\n");
            long total = g.getValue().values().stream().mapToLong(v -> v[0]).sum();
            List<Map.Entry<String, long[]>> sorted = g.getValue().entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).toList();
            long restBytes = 0;
            long restFiles = 0;
            for (int i = 0; i < sorted.size(); i++) {
                if (i < ROWS) {
                    long[] v = sorted.get(i).getValue();
                    md.append(String.format(Locale.ROOT, "| `%s` | %,d | %.1f%% | %,d |%n", sorted.get(i).getKey(), v[0],
                            100.0 * v[0] / total, v[1]));
                } else {
                    restBytes += sorted.get(i).getValue()[0];
                    restFiles += sorted.get(i).getValue()[1];
                }
            }
            if (restFiles > 0) {
                md.append(String.format(Locale.ROOT, "| %d more packages | %,d | %.1f%% | %,d |%n", sorted.size() - ROWS,
                        restBytes, 100.0 * restBytes / total, restFiles));
            }
        }
        return md.toString();
    }

    /** Native libraries by name (all platforms together); else {@code a/b/c} of {@code a/b/c/D.class}, one level deeper under {@link #DEEPER}; top-level files as themselves. */
    static String group(String name) {
        String[] parts = name.split("/");
        String file = parts[parts.length - 1];
        if (file.matches(".+\\.(so|dylib|dll|jnilib)")) {
            return "native " + file.replaceFirst("\\.(so|dylib|dll|jnilib)$", "") + " (all platforms)";
        }
        int depth = 3;
        for (String prefix : DEEPER) {
            if (name.startsWith(prefix)) {
                depth = prefix.split("/").length + 1;
            }
        }
        if (parts[0].equals("META-INF")) {
            depth = 1;
        }
        int n = Math.min(depth, parts.length - 1);
        return n <= 0 ? name : String.join("/", java.util.Arrays.copyOf(parts, n)) + "/";
    }
}
