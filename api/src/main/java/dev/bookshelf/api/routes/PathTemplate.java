package dev.bookshelf.api.routes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A path such as {@code /books/{id}}: literal segments and named single-segment variables. */
final class PathTemplate {
    private final String[] segments;

    PathTemplate(String template) {
        this.segments = split(template);
    }

    static String[] split(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    }

    /** The variables when {@code path} (already split) matches, else empty. */
    Optional<Map<String, String>> match(String[] path) {
        if (path.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith("{")) {
                if (path[i].isEmpty()) {
                    return Optional.empty();
                }
                vars.put(s.substring(1, s.length() - 1), path[i]);
            } else if (!s.equals(path[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(vars);
    }
}
