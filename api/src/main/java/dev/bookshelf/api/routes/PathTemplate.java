package dev.bookshelf.api.routes;

import java.util.LinkedHashMap;
import java.util.Map;

/** A path such as {@code /books/{id}}: literal segments and named single-segment variables. */
final class PathTemplate {
    private final String[] segments;
    /** Per segment: the variable's name, or null for a literal segment. */
    private final String[] variables;

    PathTemplate(String template) {
        this.segments = split(template);
        this.variables = new String[segments.length];
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            variables[i] = s.startsWith("{") ? s.substring(1, s.length() - 1) : null;
        }
    }

    static String[] split(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
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
        Map<String, String> vars = new LinkedHashMap<>(4);
        for (int i = 0; i < segments.length; i++) {
            if (variables[i] != null) {
                vars.put(variables[i], path[i]);
            }
        }
        return vars;
    }
}
