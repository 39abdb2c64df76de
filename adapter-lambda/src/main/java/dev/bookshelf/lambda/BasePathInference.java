package dev.bookshelf.lambda;

import dev.bookshelf.api.RequestLog;
import dev.bookshelf.api.http.UriParts;
import dev.bookshelf.api.problem.ApiProblem;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds the API's own path in the path an API Gateway event carries, from the event alone.
 * API Gateway removes a custom domain's base-path mapping (and an HTTP API's named stage) before
 * it matches the request to a resource or route, and names what it matched: {@code resource}
 * with {@code pathParameters} (REST, HTTP API payload 1.0), {@code routeKey} with
 * {@code pathParameters} (HTTP API payload 2.0). Rendering that template with the parameters
 * gives the end of the path; whatever stands in front of it is the mapping, and is removed.
 *
 * <p>Nothing is inferred when {@code BASE_PATH} is set (it alone says what is stripped, so the
 * two never both strip), for kinds that name no resource (function URLs, load balancers), for
 * the {@code $default} route, or when the template does not render to the end of the path (then
 * the path is routed as it is, and that is logged once per container). Built once per container.
 */
final class BasePathInference {
    static final int MAX_LOGGED_TEMPLATE = 120;

    private final boolean explicitBasePath;
    private final RequestLog log;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param explicitBasePath {@code BASE_PATH} is set: infer nothing
     * @param log              where the one mismatch warning of the container goes (null: nowhere)
     */
    BasePathInference(boolean explicitBasePath, RequestLog log) {
        this.explicitBasePath = explicitBasePath;
        this.log = log;
    }

    /**
     * The path without the mapping the event shows, or {@code asDelivered} when nothing can be
     * inferred or the event disagrees with itself. {@code decoded} is the path decoded (null when
     * it could not be), {@code raw} the path as the event carries it.
     */
    String apiPath(EventFields f, EventKind kind, String decoded, String raw, String asDelivered) {
        if (explicitBasePath || decoded == null || f.pathParametersUnreadable) {
            return asDelivered;
        }
        String template = template(f, kind);
        if (template == null) {
            return asDelivered;
        }
        String relative = relative(decoded, raw, render(template, f.pathParameters, false));
        if (relative == null) {
            relative = relative(decoded, raw, render(template, f.pathParameters, true));
        }
        if (relative == null) {
            warnOnce(kind, template);
            return asDelivered;
        }
        return relative;
    }

    /** The resource or route path the event names; null for {@code $default} and kinds without one. */
    static String template(EventFields f, EventKind kind) {
        // Function URLs and load balancers name no resource (no switch: one class less on a cold start).
        String template = kind == EventKind.PAYLOAD_1 ? f.resource
                : kind == EventKind.HTTP_API_2 ? routePath(f.routeKey) : null;
        return template != null && template.startsWith("/") ? template : null;
    }

    /** {@code "GET /books/{id}"} to {@code /books/{id}}; {@code $default} has none. */
    private static String routePath(String routeKey) {
        if (routeKey == null) {
            return null;
        }
        int space = routeKey.indexOf(' ');
        return space < 0 ? null : routeKey.substring(space + 1);
    }

    /**
     * The template with each {@code {name}} and greedy {@code {name+}} segment replaced by its
     * parameter; null when a parameter is missing. With {@code dropGreedySlash}, a greedy value's
     * leading slash is not doubled (AWS's own documentation example has
     * {@code "proxy": "/path/to/resource"} for the path {@code /path/to/resource}).
     */
    static String render(String template, Map<String, String> params, boolean dropGreedySlash) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int start = 1;
        while (start <= template.length()) {
            int end = template.indexOf('/', start);
            String segment = template.substring(start, end < 0 ? template.length() : end);
            out.append('/');
            if (segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")) {
                boolean greedy = segment.endsWith("+}");
                String name = segment.substring(1, segment.length() - (greedy ? 2 : 1));
                String value = params == null ? null : params.get(name);
                if (value == null) {
                    return null;
                }
                out.append(dropGreedySlash && greedy && value.startsWith("/") ? value.substring(1) : value);
            } else {
                out.append(segment);
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * The path from where {@code rendered} begins, compared with the decoded path, else with the
     * raw one (when the parameters are delivered encoded); null when it is at the end of neither.
     */
    static String relative(String decoded, String raw, String rendered) {
        if (rendered == null) {
            return null;
        }
        String prefix = prefixBefore(decoded, rendered);
        if (prefix != null) {
            return rest(decoded, prefix);
        }
        if (raw == null || raw.equals(decoded)) {
            return null;
        }
        String rawPrefix = prefixBefore(raw, rendered);
        if (rawPrefix == null) {
            return null;
        }
        try {
            String decodedPrefix = rawPrefix.isEmpty() ? "" : UriParts.decodePath(rawPrefix);
            boolean atSegment = decoded.startsWith(decodedPrefix)
                    && (decoded.length() == decodedPrefix.length() || decoded.charAt(decodedPrefix.length()) == '/');
            return atSegment ? rest(decoded, decodedPrefix) : null;
        } catch (ApiProblem e) {
            return null;
        }
    }

    /**
     * What stands in front of {@code rendered} at the end of {@code path} (a trailing slash on the
     * path aside): {@code ""}, or whole segments such as {@code /api}; null when it is not there.
     */
    static String prefixBefore(String path, String rendered) {
        if (!path.startsWith("/")) {
            return null;
        }
        if (rendered.equals("/")) {
            String whole = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return whole.equals("/") ? "" : whole;
        }
        String p = path.length() > 1 && path.endsWith("/") && !rendered.endsWith("/")
                ? path.substring(0, path.length() - 1) : path;
        if (p.equals(rendered)) {
            return "";
        }
        if (!p.endsWith(rendered)) {
            return null;
        }
        String prefix = p.substring(0, p.length() - rendered.length());
        return prefix.endsWith("/") ? null : prefix;
    }

    private static String rest(String path, String prefix) {
        String rest = path.substring(prefix.length());
        return rest.isEmpty() ? "/" : rest;
    }

    private void warnOnce(EventKind kind, String template) {
        if (log != null && warned.compareAndSet(false, true)) {
            String shown = template.length() > MAX_LOGGED_TEMPLATE
                    ? template.substring(0, MAX_LOGGED_TEMPLATE) + "..." : template;
            log.event("WARN", "The " + kind + " event names the resource or route '" + shown + "', which does not"
                    + " match the end of its path with its pathParameters; such paths are routed as they are,"
                    + " with no base path inferred (set BASE_PATH if a base-path mapping is in front). Logged once"
                    + " per container.");
        }
    }
}
