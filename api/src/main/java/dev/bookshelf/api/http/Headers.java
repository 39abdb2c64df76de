package dev.bookshelf.api.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable, case-insensitive, multi-valued HTTP headers. Values are kept exactly as received:
 * nothing is ever split on commas here.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(Map.of(), Map.of());

    private final Map<String, List<String>> byLowerName;
    private final Map<String, String> displayNames;

    private Headers(Map<String, List<String>> byLowerName, Map<String, String> displayNames) {
        this.byLowerName = byLowerName;
        this.displayNames = displayNames;
    }

    public static Headers empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name) {
        List<String> values = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> all(String name) {
        return byLowerName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean contains(String name) {
        return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Header names as first written, each with all its values, in insertion order. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byLowerName.forEach((lower, values) -> out.put(displayNames.get(lower), values));
        return Collections.unmodifiableMap(out);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        asMap().forEach((name, values) -> values.forEach(v -> b.add(name, v)));
        return b;
    }

    @Override
    public String toString() {
        return asMap().keySet().toString();
    }

    /** Collects headers; {@link #add} appends, {@link #set} replaces. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final Map<String, String> names = new LinkedHashMap<>();

        public Builder add(String name, String value) {
            String lower = name.toLowerCase(Locale.ROOT);
            names.putIfAbsent(lower, name);
            values.computeIfAbsent(lower, k -> new ArrayList<>()).add(value == null ? "" : value);
            return this;
        }

        public Builder addAll(String name, List<String> list) {
            list.forEach(v -> add(name, v));
            return this;
        }

        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        public Builder remove(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            values.remove(lower);
            names.remove(lower);
            return this;
        }

        public Builder setIfAbsent(String name, String value) {
            return values.containsKey(name.toLowerCase(Locale.ROOT)) ? this : add(name, value);
        }

        public Headers build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new Headers(Collections.unmodifiableMap(copy), Map.copyOf(names));
        }
    }
}
