package dev.bookshelf.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.http.RequestContext;
import dev.bookshelf.api.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a Lambda HTTP event (API Gateway payload 1.0 or 2.0, function URL, Application Load
 * Balancer) with Jackson's streaming parser: no data binding, no tree, and every field we do not
 * use is skipped unread. Tells the kind from the event's shape ({@link EventFields#kind}). Never
 * mutates or keeps the event, and never throws: whatever is not such an event becomes
 * {@link ProxyEvent.NotProxy}.
 */
final class ProxyEventReader {
    /** Lambda refuses synchronous payloads over 6 MB, so no string of a real event is longer. */
    static final int MAX_EVENT_STRING = 8 * 1024 * 1024;

    static final String NOT_JSON = "The Lambda event is not a JSON object.";
    static final String NOT_PROXY = "The Lambda event is not an HTTP event from API Gateway (proxy integration),"
            + " a function URL or an Application Load Balancer (it lacks httpMethod and path, or version 2.0 with"
            + " rawPath and requestContext.http.method, or a requestContext).";

    private final JsonFactory factory;
    private final BasePathInference basePaths;

    /** A reader that infers base paths and drops the mismatch warning (for tests of the reading alone). */
    ProxyEventReader(Json json) {
        this(json, new BasePathInference(false, null));
    }

    ProxyEventReader(Json json, BasePathInference basePaths) {
        this.basePaths = basePaths;
        this.factory = json.factory().rebuild()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Json.MAX_DEPTH)
                        .maxNumberLength(64)
                        .maxStringLength(MAX_EVENT_STRING)
                        .build())
                // Duplicates are refused where they matter, in the fields read (Seen, the maps);
                // the parser's own detection would hash every name of every skipped object too.
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Reads one event; {@code fallbackId} names the request when the event carries no request id. */
    ProxyEvent read(byte[] event, Supplier<String> fallbackId) {
        return read(event, fallbackId, RequestContext.NONE);
    }

    /** As {@link #read(byte[], Supplier)}, the request carrying {@code transport} (the invocation's context). */
    ProxyEvent read(byte[] event, Supplier<String> fallbackId, RequestContext transport) {
        EventFields fields = new EventFields();
        try (JsonParser p = factory.createParser(event)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new ProxyEvent.NotProxy(NOT_JSON);
            }
            readEvent(p, fields);
            if (p.nextToken() != null) {
                return new ProxyEvent.NotProxy(NOT_JSON);
            }
            readDeferred(event, fields);
        } catch (WrongShape e) {
            return new ProxyEvent.NotProxy("The field '" + e.getMessage() + "' of the Lambda event does not have"
                    + " the type it has in an API Gateway Lambda proxy integration event.");
        } catch (Duplicate e) {
            return new ProxyEvent.NotProxy("The field '" + e.getMessage() + "' appears more than once in the Lambda"
                    + " event, which no API Gateway Lambda proxy integration event does.");
        } catch (IOException e) {
            return new ProxyEvent.NotProxy(NOT_JSON);
        }
        EventKind kind = fields.kind();
        return kind == null ? new ProxyEvent.NotProxy(NOT_PROXY) : RequestTranslation.translate(fields, kind, fallbackId, basePaths,
                transport);
    }

    private static void readEvent(JsonParser p, EventFields f) throws IOException {
        Seen seen = new Seen();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "httpMethod" -> f.method = text(p, seen.once(name, 0));
                case "path" -> f.path = text(p, seen.once(name, 1));
                case "rawPath" -> f.rawPath = text(p, seen.once(name, 2));
                case "rawQueryString" -> f.rawQueryString = text(p, seen.once(name, 3));
                case "cookies" -> f.cookies = strings(p, seen.once(name, 4));
                case "version" -> f.version = text(p, seen.once(name, 5));
                case "headers" -> {
                    seen.once(name, 6);
                    if ("2.0".equals(f.version)) {
                        f.headers = singleValued(p, name);
                    } else {
                        f.headersSpan = deferred(p, name);
                    }
                }
                case "multiValueHeaders" -> f.multiValueHeaders = multiValuedHeaders(p, seen.once(name, 7));
                case "queryStringParameters" -> f.querySpan = deferred(p, seen.once(name, 8));
                case "multiValueQueryStringParameters" -> f.multiValueQuery = multiValuedMap(p, seen.once(name, 9));
                case "body" -> f.body = text(p, seen.once(name, 10));
                case "isBase64Encoded" -> f.base64 = bool(p, seen.once(name, 11));
                case "requestContext" -> readRequestContext(p, f, seen.once(name, 12));
                case "resource" -> f.resource = lenientText(p, seen.once(name, 13));
                case "routeKey" -> f.routeKey = lenientText(p, seen.once(name, 14));
                case "pathParameters" -> readPathParameters(p, f, seen.once(name, 15));
                default -> p.skipChildren();
            }
        }
    }

    /**
     * A single-valued map ({@code headers}, {@code queryStringParameters}) is only read when its
     * multi-valued twin is absent or empty: REST API events carry both, and the twin wins. Until
     * then it is only checked to be an object (or null) and its place in the event is kept.
     */
    private static Span deferred(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.START_OBJECT, field);
        long start = p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        long end = p.currentLocation().getByteOffset();
        return new Span(field, (int) start, (int) (end - start));
    }

    private void readDeferred(byte[] event, EventFields f) throws IOException {
        if (f.headersSpan != null && (f.multiValueHeaders == null || f.multiValueHeaders.isEmpty())) {
            f.headers = readSpan(event, f.headersSpan);
        }
        if (f.querySpan != null && (f.multiValueQuery == null || f.multiValueQuery.isEmpty())) {
            f.query = readSpan(event, f.querySpan);
        }
    }

    private Map<String, List<String>> readSpan(byte[] event, Span span) throws IOException {
        try (JsonParser p = factory.createParser(event, span.start, span.length)) {
            p.nextToken();
            return singleValued(p, span.field);
        }
    }

    private static void readRequestContext(JsonParser p, EventFields f, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p, JsonToken.START_OBJECT, field);
        f.hasRequestContext = true;
        Seen seen = new Seen();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "requestId" -> f.requestId = text(p, seen.once("requestContext.requestId", 0));
                case "stage" -> f.stage = text(p, seen.once("requestContext.stage", 1));
                case "domainName" -> f.domainName = text(p, seen.once("requestContext.domainName", 2));
                case "identity" -> readIdentity(p, f, seen.once("requestContext.identity", 3));
                case "http" -> readHttp(p, f, seen.once("requestContext.http", 4));
                case "elb" -> {
                    seen.once("requestContext.elb", 5);
                    f.elb = p.currentToken() == JsonToken.START_OBJECT;
                }
                default -> { }
            }
            p.skipChildren();
        }
    }

    /** {@code requestContext.identity}: payload 1.0's client address. */
    private static void readIdentity(JsonParser p, EventFields f, String field) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return;
        }
        Seen seen = new Seen();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("sourceIp")) {
                f.identitySourceIp = text(p, seen.once("requestContext.identity.sourceIp", 0));
            } else {
                p.skipChildren();
            }
        }
    }

    /** {@code requestContext.http}: payload 2.0's method and client address. */
    private static void readHttp(JsonParser p, EventFields f, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p, JsonToken.START_OBJECT, field);
        Seen seen = new Seen();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "method" -> f.httpMethod = text(p, seen.once("requestContext.http.method", 0));
                case "sourceIp" -> f.httpSourceIp = text(p, seen.once("requestContext.http.sourceIp", 1));
                default -> p.skipChildren();
            }
        }
    }

    /**
     * {@code resource} and {@code routeKey} only serve to infer the base path: another type is
     * not refused, it just leaves nothing to infer from.
     */
    private static String lenientText(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** {@code {"name": "value"}}; anything else only marks the parameters as unusable for inference. */
    private static void readPathParameters(JsonParser p, EventFields f, String field) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            f.pathParametersUnreadable = p.currentToken() != JsonToken.VALUE_NULL;
            p.skipChildren();
            return;
        }
        Map<String, String> out = new LinkedHashMap<>(4);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (p.currentToken() == JsonToken.VALUE_STRING && !out.containsKey(name)) {
                out.put(name, p.getText());
            } else {
                f.pathParametersUnreadable = true;
                p.skipChildren();
            }
        }
        f.pathParameters = out;
    }

    /** {@code ["value", ...]} or null; null elements are left out. */
    private static List<String> strings(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.START_ARRAY, field);
        List<String> values = new ArrayList<>(2);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String value = text(p, field);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** {@code {"name": "value"}} or null; null values are left out. */
    private static Map<String, List<String>> singleValued(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.START_OBJECT, field);
        Map<String, List<String>> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            String value = text(p, field);
            if (value != null && out.put(name, List.of(value)) != null) {
                throw new Duplicate(field + "." + name);
            }
        }
        return out;
    }

    /**
     * {@code multiValueHeaders}, read straight into request headers: a name spelled twice alike is
     * a duplicate (names differing in case merge, as headers do).
     */
    private static Headers.Builder multiValuedHeaders(JsonParser p, String field) throws IOException {
        Headers.Builder out = Headers.builder();
        return multiValued(p, field, out::addAllOnce) ? out : null;
    }

    private static Map<String, List<String>> multiValuedMap(JsonParser p, String field) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        return multiValued(p, field, (name, values) -> out.put(name, values) == null) ? out : null;
    }

    /** Where the entries of a multi-valued map go; false when the name is there already. */
    private interface Entries {
        boolean addOnce(String name, List<String> values);
    }

    /**
     * {@code {"name": ["value", ...]}} into {@code out}; false when the map is null. Null lists and
     * null values are left out.
     */
    private static boolean multiValued(JsonParser p, String field, Entries out) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(p, JsonToken.START_OBJECT, field);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            List<String> values = strings(p, field);
            if (values != null && !out.addOnce(name, values)) {
                throw new Duplicate(field + "." + name);
            }
        }
        return true;
    }

    private static String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.VALUE_STRING, field);
        return p.getText();
    }

    private static boolean bool(JsonParser p, String field) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_FALSE) {
            return false;
        }
        if (t != JsonToken.VALUE_TRUE) {
            throw new WrongShape(field);
        }
        return true;
    }

    private static void expect(JsonParser p, JsonToken expected, String field) {
        if (p.currentToken() != expected) {
            throw new WrongShape(field);
        }
    }

    /** Where a single-valued map is in the event, to be read only if it is needed. */
    record Span(String field, int start, int length) {
    }

    /**
     * The fields of one JSON object that the reader uses, each allowed once: a duplicate would be
     * read one way here and maybe another elsewhere. Fields it skips are never looked at.
     */
    private static final class Seen {
        private int bits;

        /** {@code field} (its full name), after checking that its bit was not set before in this object. */
        String once(String field, int bit) {
            if ((bits & 1 << bit) != 0) {
                throw new Duplicate(field);
            }
            bits |= 1 << bit;
            return field;
        }
    }

    /** A field the reader uses appears twice in one object; carries the field's name. */
    private static final class Duplicate extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Duplicate(String field) {
            super(field, null, false, false);
        }
    }

    /** A field of the event with a type no proxy event has; carries the field's name. */
    private static final class WrongShape extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongShape(String field) {
            super(field, null, false, false);
        }
    }
}
