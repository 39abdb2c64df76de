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
        int[] b = bounds(path);
        String[] segments = new String[b.length - 1];
        for (int k = 0; k < segments.length; k++) {
            segments[k] = segment(path, b, k);
        }
        return segments;
    }

    /**
     * Where the segments of {@code path} lie, so that a path is matched in place, without a string
     * per segment: {@code b[k]} is the slash before segment {@code k}, {@code b[count]} the path's
     * length; the segments are those of {@link #split} ({@code "/"} has none: {@code {0}}).
     */
    static int[] bounds(String path) {
        if (path.equals("/")) {
            return new int[] {0};
        }
        int count = 1;
        for (int i = path.indexOf('/', 1); i >= 0; i = path.indexOf('/', i + 1)) {
            count++;
        }
        int[] b = new int[count + 1];
        for (int k = 1; k < count; k++) {
            b[k] = path.indexOf('/', b[k - 1] + 1);
        }
        b[count] = path.length();
        return b;
    }

    /** True when {@code path}, its segments at {@code bounds}, matches: literals equal, variables not empty. */
    boolean matches(String path, int[] bounds) {
        if (bounds.length - 1 != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            int from = bounds[i] + 1;
            int length = bounds[i + 1] - from;
            if (variables[i] != null ? length == 0
                    : length != segments[i].length() || !path.startsWith(segments[i], from)) {
                return false;
            }
        }
        return true;
    }

    /** The variables of a path that {@link #matches}. */
    Map<String, String> variables(String path, int[] bounds) {
        if (count == 0) {
            return Map.of();
        }
        if (count == 1) {
            return Map.of(variables[only], segment(path, bounds, only));
        }
        Map<String, String> vars = new LinkedHashMap<>(4);
        for (int i = 0; i < segments.length; i++) {
            if (variables[i] != null) {
                vars.put(variables[i], segment(path, bounds, i));
            }
        }
        return vars;
    }

    private static String segment(String path, int[] bounds, int i) {
        return path.substring(bounds[i] + 1, bounds[i + 1]);
    }
}
