package dev.bookshelf.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads typed environment values, collecting every problem for one {@link ConfigException}. */
public final class EnvReader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    public EnvReader(Map<String, String> env) {
        this.env = env;
    }

    public void problem(String p) {
        problems.add(p);
    }

    public int integer(String name, int dflt, int min, int max) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                problems.add(name + " must be between " + min + " and " + max + " (got " + n + ")");
                return dflt;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number (got '" + v + "')");
            return dflt;
        }
    }

    public boolean bool(String name, boolean dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        return oneOf(name, Boolean.toString(dflt), List.of("true", "false")).equals("true");
    }

    public String oneOf(String name, String dflt, List<String> allowed) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        String norm = v.strip().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(norm)) {
            problems.add(name + " must be one of " + allowed + " (got '" + v + "')");
            return dflt;
        }
        return norm;
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
