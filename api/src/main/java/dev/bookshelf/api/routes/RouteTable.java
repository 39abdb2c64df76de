package dev.bookshelf.api.routes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link Routes#ALL}, each bound to its handler, with path matching. Built once, immutable. */
public final class RouteTable {
    private final List<Bound> routes;

    private record Bound(RouteSpec spec, PathTemplate template, RouteHandler handler) {
    }

    /** A matching result: a route with variables, a known path with other methods, or nothing. */
    public sealed interface Match permits Found, WrongMethod, NoRoute {
    }

    public record Found(RouteSpec spec, RouteHandler handler, Map<String, String> pathParams) implements Match {
    }

    public record WrongMethod(Set<String> allowed) implements Match {
    }

    public record NoRoute() implements Match {
    }

    /** The routes of each method, in the table's order: a request is matched against its method's only. */
    private final Map<String, List<Bound>> byMethod;

    private RouteTable(List<Bound> routes) {
        this.routes = routes;
        Map<String, List<Bound>> grouped = new java.util.HashMap<>();
        for (Bound b : routes) {
            grouped.computeIfAbsent(b.spec().method(), m -> new ArrayList<>()).add(b);
        }
        grouped.replaceAll((m, list) -> List.copyOf(list));
        this.byMethod = Map.copyOf(grouped);
    }

    /** Binds every declared route; fails at startup when one is missing or bound twice. */
    public static RouteTable bind(Map<RouteSpec, RouteHandler> handlers) {
        List<Bound> bound = new ArrayList<>();
        for (RouteSpec spec : Routes.ALL) {
            RouteHandler h = handlers.get(spec);
            if (h == null) {
                throw new IllegalStateException("no handler for " + spec.method() + " " + spec.path());
            }
            bound.add(new Bound(spec, new PathTemplate(spec.path()), h));
        }
        if (handlers.size() != Routes.ALL.size()) {
            throw new IllegalStateException("handlers bound to routes that are not in the route table");
        }
        return new RouteTable(List.copyOf(bound));
    }

    /** Matches a decoded path; HEAD matches GET routes. */
    public Match match(String method, String path) {
        if (!path.startsWith("/")) {
            return new NoRoute();
        }
        int[] segments = PathTemplate.bounds(path);
        String wanted = method.equals("HEAD") ? "GET" : method;
        for (Bound b : byMethod.getOrDefault(wanted, List.of())) {
            if (b.template().matches(path, segments)) {
                return new Found(b.spec(), b.handler(), b.template().variables(path, segments));
            }
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Bound b : routes) {
            if (b.template().matches(path, segments)) {
                allowed.add(b.spec().method());
            }
        }
        if (allowed.isEmpty()) {
            return new NoRoute();
        }
        return new WrongMethod(withDerived(allowed));
    }

    /** The methods a known path answers, including the derived HEAD and OPTIONS. */
    public Set<String> allowedMethods(String path) {
        Match m = match("OPTIONS", path);
        return m instanceof WrongMethod w ? w.allowed() : Set.of();
    }

    private static Set<String> withDerived(Set<String> allowed) {
        Set<String> out = new LinkedHashSet<>(allowed);
        if (out.contains("GET")) {
            out.add("HEAD");
        }
        out.add("OPTIONS");
        return out;
    }

    public List<RouteSpec> specs() {
        List<RouteSpec> out = new ArrayList<>();
        routes.forEach(b -> out.add(b.spec()));
        return out;
    }
}
