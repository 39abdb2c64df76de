package dev.bookshelf.api.http;

import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>An answer has a handful of headers, made and read once per request: they are kept as an
 * array of immutable fields in order, found by a scan (first by the very name string, as code
 * passes the same constants, then by lower-case name), which costs less than a hash map's
 * entries and table. Copies share the fields and copy only the array, when they first change.
 */
public final class Headers {
    private static final Field[] NONE = new Field[0];
    private static final Headers EMPTY = new Headers(NONE, 0);
    private static final int MAX_REMEMBERED = 512;
    private static final int MAX_REMEMBERED_NAME = 64;
    private static final Map<String, String> LOWER_CASE = new ConcurrentHashMap<>();

    /** The fields in order, one per lower-case name, {@code size} of them; never changed once built. */
    private final Field[] fields;
    private final int size;
    /** The transport's headers this is a view of, or null. */
    private final Source source;
    /** A view's lines gathered as built headers, once something needs them all ({@link #built}). */
    private volatile Headers gathered;

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
     * A header: its name as first written, that name in lower case, and its values (an
     * unmodifiable list). Immutable, so shared by every copy; adding a value makes a new field.
     */
    private static final class Field {
        final String name;
        final String lower;
        final List<String> values;

        Field(String name, String lower, List<String> values) {
            this.name = name;
            this.lower = lower;
            this.values = values;
        }

        /** This field with {@code more} values after its own ({@code more} holds no null). */
        Field with(List<String> more) {
            List<String> all = new ArrayList<>(values.size() + more.size());
            all.addAll(values);
            all.addAll(more);
            return new Field(name, lower, Collections.unmodifiableList(all));
        }
    }

    private Headers(Field[] fields, int size) {
        this.fields = fields;
        this.size = size;
        this.source = null;
    }

    private Headers(Source source) {
        this.fields = NONE;
        this.size = 0;
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
        return new Builder(new Field[8], 0, false);
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name) {
        if (source != null) {
            return Optional.ofNullable(source.get(name));
        }
        int i = indexOf(fields, size, name);
        return i < 0 || fields[i].values.isEmpty() ? Optional.empty() : Optional.of(fields[i].values.get(0));
    }

    public List<String> all(String name) {
        if (source != null) {
            return Collections.unmodifiableList(source.getAll(name));
        }
        int i = indexOf(fields, size, name);
        return i < 0 ? List.of() : fields[i].values;
    }

    public boolean contains(String name) {
        return source != null ? source.get(name) != null : indexOf(fields, size, name) >= 0;
    }

    /** Header names as first written, each with all its values, in insertion order. */
    public Map<String, List<String>> asMap() {
        Headers all = built();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < all.size; i++) {
            out.put(all.fields[i].name, all.fields[i].values);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Each header name as first written, with all its values, in insertion order; nothing copied. */
    public void forEach(BiConsumer<String, List<String>> action) {
        Headers all = built();
        for (int i = 0; i < all.size; i++) {
            action.accept(all.fields[i].name, all.fields[i].values);
        }
    }

    /** How many header names (see {@link #name} and {@link #values}). */
    public int size() {
        return built().size;
    }

    /** The {@code i}-th header name as first written, {@code 0 <= i < size()}, in insertion order. */
    public String name(int i) {
        return field(i).name;
    }

    /** All values of the {@code i}-th header ({@link #name}). */
    public List<String> values(int i) {
        return field(i).values;
    }

    private Field field(int i) {
        Headers all = built();
        java.util.Objects.checkIndex(i, all.size);
        return all.fields[i];
    }

    public Builder toBuilder() {
        Headers all = built();
        return new Builder(all.fields, all.size, true);
    }

    /** These headers as built ones: a view gathers its source's lines the first time. */
    private Headers built() {
        if (source == null) {
            return this;
        }
        Headers all = gathered;
        if (all == null) {
            Builder lines = builder();
            source.forEach(lines::add);
            all = lines.build();
            gathered = all;
        }
        return all;
    }

    /**
     * Where the field of {@code name} is among the first {@code size}, or -1. The very string
     * first (callers pass constants); then by lower-case name, which for a name in ASCII (all of
     * them, in practice) is compared in place, without looking its lower-case form up.
     */
    private static int indexOf(Field[] fields, int size, String name) {
        for (int i = 0; i < size; i++) {
            if (fields[i].name == name) {
                return i;
            }
        }
        if (size == 0) {
            return -1;
        }
        if (!isAscii(name)) {
            String lower = lower(name);
            for (int i = 0; i < size; i++) {
                if (fields[i].lower.equals(lower)) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < size; i++) {
            if (isLowerOf(fields[i].lower, name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code lower} is {@link #lower}{@code (ascii)}, for a name in ASCII. */
    private static boolean isLowerOf(String lower, String ascii) {
        int n = ascii.length();
        if (lower.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = ascii.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (lower.charAt(i) != c) {
                return false;
            }
        }
        return true;
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
        private Field[] fields;
        private int size;
        /** The array is shared with built {@link Headers}: copy it before any change. */
        private boolean shared;

        private Builder(Field[] fields, int size, boolean shared) {
            this.fields = fields;
            this.size = size;
            this.shared = shared;
        }

        public Builder add(String name, String value) {
            return addValues(name, List.of(value == null ? "" : value));
        }

        public Builder addAll(String name, List<String> list) {
            List<String> values = new ArrayList<>(list.size());
            for (String value : list) {
                values.add(value == null ? "" : value);
            }
            return addValues(name, Collections.unmodifiableList(values));
        }

        /** Appends {@code values} (unmodifiable, no null) to the header's, or adds it with them. */
        private Builder addValues(String name, List<String> values) {
            int i = indexOf(fields, size, name);
            if (i >= 0) {
                own(0);
                fields[i] = fields[i].with(values);
            } else {
                append(new Field(name, lower(name), values));
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
            int i = indexOf(fields, size, name);
            if (i < 0) {
                List<String> kept = values instanceof ArrayList<String> owned ? owned : new ArrayList<>(values);
                append(new Field(name, lower(name), Collections.unmodifiableList(kept)));
                return true;
            }
            if (fields[i].name.equals(name)) {
                return false;
            }
            own(0);
            fields[i] = fields[i].with(values);
            return true;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        public boolean contains(String name) {
            return indexOf(fields, size, name) >= 0;
        }

        public Builder set(String name, String value) {
            remove(name);
            append(new Field(name, lower(name), List.of(value == null ? "" : value)));
            return this;
        }

        /**
         * As {@link #set} for every header of {@code other}, in its order. Its fields are shared,
         * not copied: meant for constant headers added to every answer.
         */
        public Builder setAll(Headers other) {
            Headers all = other.built();
            own(all.size);
            for (int i = 0; i < all.size; i++) {
                Field field = all.fields[i];
                removeAt(indexOf(fields, size, field.name));
                fields[size++] = field;
            }
            return this;
        }

        public Builder remove(String name) {
            int i = indexOf(fields, size, name);
            if (i >= 0) {
                own(0);
                removeAt(i);
            }
            return this;
        }

        public Builder setIfAbsent(String name, String value) {
            return indexOf(fields, size, name) >= 0 ? this : add(name, value);
        }

        /** The headers so far; building costs no copy, and the builder stays usable. */
        public Headers build() {
            if (size == 0) {
                return EMPTY;
            }
            shared = true;
            return new Headers(fields, size);
        }

        private void append(Field field) {
            own(1);
            fields[size++] = field;
        }

        private void removeAt(int i) {
            if (i >= 0) {
                System.arraycopy(fields, i + 1, fields, i, size - i - 1);
                fields[--size] = null;
            }
        }

        /** Makes the array this builder's own, with room for {@code more} fields. */
        private void own(int more) {
            int needed = size + more;
            if (shared || needed > fields.length) {
                int length = needed <= fields.length ? fields.length : Math.max(needed, fields.length * 2);
                fields = Arrays.copyOf(fields, Math.max(8, length));
                shared = false;
            }
        }
    }
}
