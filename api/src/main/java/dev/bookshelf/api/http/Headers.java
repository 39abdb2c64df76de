package dev.bookshelf.api.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Immutable, case-insensitive, multi-valued HTTP headers. Values are kept exactly as received:
 * nothing is ever split on commas here. Either built ({@link #builder}) or a {@link #view} of a
 * transport's own header map, read in place instead of copied for every request.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(Map.of());
    private static final int MAX_REMEMBERED = 512;
    private static final int MAX_REMEMBERED_NAME = 64;
    private static final Map<String, String> LOWER_CASE = new ConcurrentHashMap<>();

    /**
     * By lower-case name: the name as first written and every value. Never modified once built
     * (its builder copies before changing anything again), and never handed out. For a view, null
     * until something needs every header at once ({@link #fields}).
     */
    private volatile Map<String, Field> byLowerName;
    /** The transport's headers this is a view of, or null. */
    private final Source source;

    /**
     * A transport's own case-insensitive header map (which must not change while it is viewed),
     * read through {@link #view}: lookups go to it, only {@link #asMap}, {@link #forEach} and
     * {@link #toBuilder} gather its entries (once).
     */
    public interface Source {
        /** The first value of the header named {@code name} in any case, or null. */
        String get(String name);

        /** Every value of the header, in the order received; empty when there is none. */
        List<String> getAll(String name);

        /** Every header line as received, in order: a name repeated for each of its values. */
        void forEach(BiConsumer<String, String> line);
    }

    /**
     * A header's name as first written and its values. Maps copied from one another share their
     * fields ({@link #copyOf}); a builder copies a shared field before it adds a value to it.
     */
    private static final class Field {
        final String name;
        final List<String> values;
        /** In more than one map: never changed again. Set, never cleared, by whoever copies a map. */
        boolean shared;

        Field(String name, List<String> values) {
            this.name = name;
            this.values = values;
        }

        /** Marks it shared; written only once, as constant fields are shared by every thread's copies. */
        void share() {
            if (!shared) {
                shared = true;
            }
        }
    }

    private Headers(Map<String, Field> byLowerName) {
        this.byLowerName = byLowerName;
        this.source = null;
    }

    private Headers(Source source) {
        this.source = source;
    }

    /** The headers of {@code source}, read in place (see {@link Source}). */
    public static Headers view(Source source) {
        return new Headers(java.util.Objects.requireNonNull(source, "source"));
    }

    public static Headers empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name) {
        if (source != null) {
            return Optional.ofNullable(source.get(name));
        }
        Field field = byLowerName.get(lower(name));
        return field == null || field.values.isEmpty() ? Optional.empty() : Optional.of(field.values.get(0));
    }

    public List<String> all(String name) {
        if (source != null) {
            return Collections.unmodifiableList(source.getAll(name));
        }
        Field field = byLowerName.get(lower(name));
        return field == null ? List.of() : Collections.unmodifiableList(field.values);
    }

    public boolean contains(String name) {
        return source != null ? source.get(name) != null : byLowerName.containsKey(lower(name));
    }

    /** Header names as first written, each with all its values, in insertion order. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fields().values().forEach(field -> out.put(field.name, Collections.unmodifiableList(field.values)));
        return Collections.unmodifiableMap(out);
    }

    /** Each header name as first written, with all its values, in insertion order; nothing copied. */
    public void forEach(BiConsumer<String, List<String>> action) {
        fields().values().forEach(field -> action.accept(field.name, Collections.unmodifiableList(field.values)));
    }

    public Builder toBuilder() {
        return new Builder(copyOf(fields()));
    }

    /** The fields by lower-case name; a view gathers its source's lines the first time. */
    private Map<String, Field> fields() {
        Map<String, Field> fields = byLowerName;
        if (fields == null) {
            Builder gathered = builder();
            source.forEach(gathered::add);
            fields = gathered.fields;
            byLowerName = fields;
        }
        return fields;
    }

    private static Map<String, Field> copyOf(Map<String, Field> fields) {
        Map<String, Field> copy = new LinkedHashMap<>(Math.max(16, fields.size() * 2));
        fields.forEach((lower, field) -> {
            field.share();
            copy.put(lower, field);
        });
        return copy;
    }

    @Override
    public String toString() {
        return asMap().keySet().toString();
    }

    /**
     * The lower-case form of a header name. Transports hand over the same few names again and
     * again (Jackson and Netty reuse one string per name), so the forms are remembered: a bounded
     * number of short names, the rest computed each time.
     */
    private static String lower(String name) {
        String known = LOWER_CASE.get(name);
        if (known != null) {
            return known;
        }
        String lower = computeLower(name);
        if (name.length() <= MAX_REMEMBERED_NAME && LOWER_CASE.size() < MAX_REMEMBERED) {
            LOWER_CASE.put(name, lower);
        }
        return lower;
    }

    /** Header names are mostly lower case already (HTTP/2, API Gateway 2.0): then no new string. */
    private static String computeLower(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 0x7f) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return name;
    }

    /** Collects headers; {@link #add} appends, {@link #set} replaces. */
    public static final class Builder {
        private Map<String, Field> fields;
        /** The fields are shared with a built {@link Headers}: copy them before any change. */
        private boolean shared;

        private Builder(Map<String, Field> fields) {
            this.fields = fields;
        }

        public Builder add(String name, String value) {
            own();
            field(name).values.add(value == null ? "" : value);
            return this;
        }

        public Builder addAll(String name, List<String> list) {
            own();
            List<String> values = field(name).values;
            for (String value : list) {
                values.add(value == null ? "" : value);
            }
            return this;
        }

        /**
         * As {@link #addAll}, unless a header of exactly this spelling was added before: then
         * nothing changes and the answer is false (a transport's map that names a key twice). A
         * new header keeps an {@link ArrayList} it is given instead of copying it: hand over a
         * fresh one without nulls.
         */
        public boolean addAllOnce(String name, List<String> values) {
            own();
            String lower = lower(name);
            Field existing = fields.get(lower);
            if (existing == null) {
                List<String> kept = values instanceof ArrayList<String> owned ? owned : new ArrayList<>(values);
                fields.put(lower, new Field(name, kept));
                return true;
            }
            if (existing.name.equals(name)) {
                return false;
            }
            owned(lower, existing).values.addAll(values);
            return true;
        }

        public boolean isEmpty() {
            return fields.isEmpty();
        }

        public Builder set(String name, String value) {
            own();
            String lower = lower(name);
            List<String> values = new ArrayList<>(2);
            values.add(value == null ? "" : value);
            fields.remove(lower);
            fields.put(lower, new Field(name, values));
            return this;
        }

        /**
         * As {@link #set} for every header of {@code other}, in its order. Its fields are shared,
         * not copied: meant for constant headers added to every answer.
         */
        public Builder setAll(Headers other) {
            own();
            other.fields().forEach((lower, field) -> {
                field.share();
                fields.remove(lower);
                fields.put(lower, field);
            });
            return this;
        }

        public Builder remove(String name) {
            own();
            fields.remove(lower(name));
            return this;
        }

        public Builder setIfAbsent(String name, String value) {
            return fields.containsKey(lower(name)) ? this : add(name, value);
        }

        /** The headers so far; building costs no copy, and the builder stays usable. */
        public Headers build() {
            shared = true;
            return new Headers(fields);
        }

        private void own() {
            if (shared) {
                fields = copyOf(fields);
                shared = false;
            }
        }

        /** The field of {@code name}, new or this builder's own, to add values to. */
        private Field field(String name) {
            String lower = lower(name);
            Field field = fields.get(lower);
            if (field == null) {
                field = new Field(name, new ArrayList<>(2));
                fields.put(lower, field);
                return field;
            }
            return owned(lower, field);
        }

        private Field owned(String lower, Field field) {
            if (!field.shared) {
                return field;
            }
            Field copy = new Field(field.name, new ArrayList<>(field.values));
            fields.put(lower, copy);
            return copy;
        }
    }
}
