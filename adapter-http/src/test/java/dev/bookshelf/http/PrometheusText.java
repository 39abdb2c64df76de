package dev.bookshelf.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests: every line must be a
 * {@code # HELP}, a {@code # TYPE} or a sample; every sample must belong to a family whose TYPE
 * came before it (with the suffixes its type allows), label values must be escaped, values must
 * be numbers, and each histogram must end at {@code le="+Inf"} with its {@code _count}.
 */
final class PrometheusText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (?:[^\\\\\\n]|\\\\[\\\\n])*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final Pattern SAMPLE = Pattern.compile(
            "(" + NAME + ")(?:\\{((?:" + LABEL + ")(?:," + LABEL + ")*)?,?})? (\\S+)(?: -?[0-9]+)?");
    private static final Pattern ONE_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
        String label(String key) {
            return labels.get(key);
        }
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /** Parses {@code text}, failing with the line number and the rule broken. */
    static PrometheusText parse(String text) {
        if (!text.endsWith("\n")) {
            throw new AssertionError("the exposition must end with a line feed");
        }
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + ": " + line;
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    throw new AssertionError("a second TYPE for one family, " + where);
                }
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("neither HELP, TYPE nor a sample, " + where);
            }
            String family = familyOf(sample.group(1), types);
            if (family == null) {
                throw new AssertionError("a sample of no family typed before it, " + where);
            }
            samples.add(new Sample(sample.group(1), labels(sample.group(2), where), number(sample.group(3), where)));
        }
        PrometheusText parsed = new PrometheusText(samples, types);
        parsed.checkHistograms();
        return parsed;
    }

    private static String familyOf(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            String type = types.get(name);
            return type.equals("histogram") ? null : name;
        }
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (name.endsWith(suffix)) {
                String family = name.substring(0, name.length() - suffix.length());
                String type = types.get(family);
                boolean allowed = "histogram".equals(type) || "summary".equals(type) && !suffix.equals("_bucket");
                if (allowed) {
                    return family;
                }
            }
        }
        return null;
    }

    private static Map<String, String> labels(String raw, String where) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (raw == null) {
            return labels;
        }
        Matcher m = ONE_LABEL.matcher(raw);
        while (m.find()) {
            if (labels.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n")
                    .replace("\\\\", "\\")) != null) {
                throw new AssertionError("a label twice, " + where);
            }
        }
        return labels;
    }

    private static double number(String raw, String where) {
        switch (raw) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    if (!raw.matches("[+-]?[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?")) {
                        throw new NumberFormatException(raw);
                    }
                    return Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    throw new AssertionError("not a number, " + where);
                }
        }
    }

    /** Per histogram series: buckets non-decreasing, the last {@code le="+Inf"} equal to {@code _count}. */
    private void checkHistograms() {
        Map<String, Double> lastBucket = new HashMap<>();
        Map<String, Double> infBucket = new HashMap<>();
        for (Sample s : samples) {
            if (!s.name().endsWith("_bucket")) {
                continue;
            }
            if (s.label("le") == null) {
                throw new AssertionError("a bucket without le: " + s);
            }
            Map<String, String> series = new LinkedHashMap<>(s.labels());
            series.remove("le");
            String key = s.name() + series;
            Double before = lastBucket.put(key, s.value());
            if (before != null && before > s.value()) {
                throw new AssertionError("buckets decrease: " + s);
            }
            if (s.label("le").equals("+Inf")) {
                infBucket.put(s.name().replaceAll("_bucket$", "_count") + series, s.value());
            }
        }
        for (Sample s : samples) {
            if (s.name().endsWith("_count") && infBucket.containsKey(s.name() + s.labels())) {
                if (infBucket.get(s.name() + s.labels()) != s.value()) {
                    throw new AssertionError("le=\"+Inf\" differs from _count: " + s);
                }
            }
        }
        Set<String> histograms = new java.util.HashSet<>();
        types.forEach((family, type) -> {
            if (type.equals("histogram")) {
                histograms.add(family);
            }
        });
        for (String h : histograms) {
            boolean any = samples.stream().anyMatch(s -> s.name().equals(h + "_bucket"));
            boolean inf = infBucket.keySet().stream().anyMatch(k -> k.startsWith(h + "_count{"));
            if (any && !inf) {
                throw new AssertionError("histogram " + h + " has no le=\"+Inf\" bucket");
            }
        }
    }

    List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    String type(String family) {
        return types.get(family);
    }

    /** The one sample of {@code name} with exactly these labels (among others), or null. */
    Sample find(String name, Map<String, String> labels) {
        return samples(name).stream()
                .filter(s -> labels.entrySet().stream().allMatch(e -> e.getValue().equals(s.label(e.getKey()))))
                .findFirst().orElse(null);
    }
}
