package dev.bookshelf.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
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

    ProxyEventReader(Json json) {
        this.factory = json.factory().rebuild()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Json.MAX_DEPTH)
                        .maxNumberLength(64)
                        .maxStringLength(MAX_EVENT_STRING)
                        .build())
                .build();
    }

    /** Reads one event; {@code fallbackId} names the request when the event carries no request id. */
    ProxyEvent read(byte[] event, Supplier<String> fallbackId) {
        EventFields fields = new EventFields();
        try (JsonParser p = factory.createParser(event)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new ProxyEvent.NotProxy(NOT_JSON);
            }
            readEvent(p, fields);
            if (p.nextToken() != null) {
                return new ProxyEvent.NotProxy(NOT_JSON);
            }
        } catch (WrongShape e) {
            return new ProxyEvent.NotProxy("The field '" + e.getMessage() + "' of the Lambda event does not have"
                    + " the type it has in an API Gateway Lambda proxy integration event.");
        } catch (IOException e) {
            return new ProxyEvent.NotProxy(NOT_JSON);
        }
        EventKind kind = fields.kind();
        return kind == null ? new ProxyEvent.NotProxy(NOT_PROXY) : RequestTranslation.translate(fields, kind, fallbackId);
    }

    private static void readEvent(JsonParser p, EventFields f) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "httpMethod" -> f.method = text(p, name);
                case "path" -> f.path = text(p, name);
                case "rawPath" -> f.rawPath = text(p, name);
                case "rawQueryString" -> f.rawQueryString = text(p, name);
                case "cookies" -> f.cookies = strings(p, name);
                case "version" -> f.version = text(p, name);
                case "headers" -> f.headers = singleValued(p, name);
                case "multiValueHeaders" -> f.multiValueHeaders = multiValued(p, name);
                case "queryStringParameters" -> f.query = singleValued(p, name);
                case "multiValueQueryStringParameters" -> f.multiValueQuery = multiValued(p, name);
                case "body" -> f.body = text(p, name);
                case "isBase64Encoded" -> f.base64 = bool(p, name);
                case "requestContext" -> readRequestContext(p, f);
                default -> p.skipChildren();
            }
        }
    }

    private static void readRequestContext(JsonParser p, EventFields f) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p, JsonToken.START_OBJECT, "requestContext");
        f.hasRequestContext = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "requestId" -> f.requestId = text(p, "requestContext.requestId");
                case "stage" -> f.stage = text(p, "requestContext.stage");
                case "domainName" -> f.domainName = text(p, "requestContext.domainName");
                case "identity" -> readIdentity(p, f);
                case "http" -> readHttp(p, f);
                case "elb" -> f.elb = p.currentToken() == JsonToken.START_OBJECT;
                default -> { }
            }
            p.skipChildren();
        }
    }

    /** {@code requestContext.identity}: payload 1.0's client address. */
    private static void readIdentity(JsonParser p, EventFields f) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("sourceIp")) {
                f.identitySourceIp = text(p, "requestContext.identity.sourceIp");
            } else {
                p.skipChildren();
            }
        }
    }

    /** {@code requestContext.http}: payload 2.0's method and client address. */
    private static void readHttp(JsonParser p, EventFields f) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p, JsonToken.START_OBJECT, "requestContext.http");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "method" -> f.httpMethod = text(p, "requestContext.http.method");
                case "sourceIp" -> f.httpSourceIp = text(p, "requestContext.http.sourceIp");
                default -> p.skipChildren();
            }
        }
    }

    /** {@code ["value", ...]} or null; null elements are left out. */
    private static List<String> strings(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.START_ARRAY, field);
        List<String> values = new ArrayList<>();
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
            if (value != null) {
                out.put(name, List.of(value));
            }
        }
        return out;
    }

    /** {@code {"name": ["value", ...]}} or null; null lists and null values are left out. */
    private static Map<String, List<String>> multiValued(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.START_OBJECT, field);
        Map<String, List<String>> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            expect(p, JsonToken.START_ARRAY, field);
            List<String> values = new ArrayList<>(1);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String value = text(p, field);
                if (value != null) {
                    values.add(value);
                }
            }
            out.put(name, values);
        }
        return out;
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

    /** A field of the event with a type no proxy event has; carries the field's name. */
    private static final class WrongShape extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongShape(String field) {
            super(field, null, false, false);
        }
    }
}
