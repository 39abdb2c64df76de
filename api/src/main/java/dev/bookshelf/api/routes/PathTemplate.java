package dev.bookshelf.api.routes;

import java.util.LinkedHashMap;
import java.util.Map;

/** A path such as {@code /books/{id}}: literal segments and named single-segment variables. */
final class PathTemplate {
    private final String[] segments;
    /** Per segment: the variable's name, or null for a literal segment. */
    private final String[] variables;

    /** How many variables; the segment of the last one. */
    private final int count;
    private final int only;

    PathTemplate(String template) {
        this.segments = split(template);
        this.variables = new String[segments.length];
        int n = 0;
        int last = -1;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            variables[i] = s.startsWith("{") ? s.substring(1, s.length() - 1) : null;
            if (variables[i] != null) {
                n++;
                last = i;
            }
        }
        this.count = n;
        this.only = last;
    }

    /** The segments after the leading slash, empty ones kept ({@code "/a//b/"}: a, "", b, ""); {@code "/"} has none. */
    static String[] split(String path) {
        if (path.equals("/")) {
            return new String[0];
        }
        int count = 1;
        for (int i = path.indexOf('/', 1); i >= 0; i = path.indexOf('/', i + 1)) {
            count++;
        }
        String[] segments = new String[count];
        int start = 1;
        for (int k = 0; k < count - 1; k++) {
            int slash = path.indexOf('/', start);
            segments[k] = path.substring(start, slash);
            start = slash + 1;
        }
        segments[count - 1] = path.substring(start);
        return segments;
    }

    /** True when {@code path} (already split) matches: literals equal, variables not empty. */
    boolean matches(String[] path) {
        if (path.length != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (variables[i] != null ? path[i].isEmpty() : !segments[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    /** The variables of a path that {@link #matches}. */
    Map<String, String> variables(String[] path) {
        if (count == 0) {
            return Map.of();
        }
        if (count == 1) {
            return Map.of(variables[only], path[only]);
        }
        Map<String, String> vars = new LinkedHashMap<>(4);
        for (int i = 0; i < segments.length; i++) {
            if (variables[i] != null) {
                vars.put(variables[i], path[i]);
            }
        }
        return vars;
    }
}
