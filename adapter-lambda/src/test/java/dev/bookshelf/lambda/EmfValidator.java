package dev.bookshelf.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks one log line against the CloudWatch Embedded Metric Format specification ("Specification:
 * Embedded metric format", Amazon CloudWatch User Guide, and its JSON schema): the line is one
 * JSON object and nothing else, at most 1 MB; {@code _aws} holds {@code Timestamp} (an integer,
 * milliseconds since the epoch) and {@code CloudWatchMetrics}; each MetricDirective has exactly
 * {@code Namespace}, {@code Dimensions} (at least one DimensionSet, each at most 30 keys) and
 * {@code Metrics} (at most 100 MetricDefinitions of {@code Name}, optional {@code Unit} among
 * CloudWatch's units, optional {@code StorageResolution} 1 or 60); every dimension key names a
 * root member holding a string of at most 1024 characters, every metric name a root member
 * holding a number or an array of at most 100 numbers. Returns the violations found.
 */
final class EmfValidator {
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");
    /** 2001-09-09 and 2286-11-20 in milliseconds: a Timestamp in seconds or microseconds falls outside. */
    private static final long MIN_MILLIS = 1_000_000_000_000L;
    private static final long MAX_MILLIS = 9_999_999_999_999L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> problems = new ArrayList<>();

    private EmfValidator() {
    }

    static List<String> violations(String line) {
        EmfValidator v = new EmfValidator();
        v.line(line);
        return v.problems;
    }

    private void line(String line) {
        if (line.getBytes(StandardCharsets.UTF_8).length > 1024 * 1024) {
            problems.add("larger than 1 MB");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (IOException e) {
            problems.add("not one JSON value: " + e.getMessage());
            return;
        }
        if (root == null || !root.isObject() || !line.strip().startsWith("{") || !line.strip().endsWith("}")) {
            problems.add("not a JSON object with nothing before or after it");
            return;
        }
        metadata(root, root.get("_aws"));
    }

    private void metadata(JsonNode root, JsonNode aws) {
        if (aws == null || !aws.isObject()) {
            problems.add("_aws missing or not an object");
            return;
        }
        only(aws, "_aws", "Timestamp", "CloudWatchMetrics");
        JsonNode ts = aws.get("Timestamp");
        if (ts == null || !ts.isIntegralNumber() || ts.asLong() < MIN_MILLIS || ts.asLong() > MAX_MILLIS) {
            problems.add("_aws.Timestamp missing or not an integer in milliseconds: " + ts);
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray()) {
            problems.add("_aws.CloudWatchMetrics missing or not an array");
            return;
        }
        directives.forEach(d -> directive(root, d));
    }

    private void directive(JsonNode root, JsonNode d) {
        if (!d.isObject()) {
            problems.add("a MetricDirective is not an object");
            return;
        }
        only(d, "MetricDirective", "Namespace", "Dimensions", "Metrics");
        JsonNode ns = d.get("Namespace");
        if (ns == null || !ns.isTextual() || ns.asText().isEmpty() || ns.asText().length() > 1024) {
            problems.add("Namespace missing, not a string or not 1-1024 characters");
        }
        JsonNode dims = d.get("Dimensions");
        if (dims == null || !dims.isArray() || dims.isEmpty()) {
            problems.add("Dimensions missing, not an array or empty");
        } else {
            dims.forEach(set -> dimensionSet(root, set));
        }
        JsonNode metrics = d.get("Metrics");
        if (metrics == null || !metrics.isArray()) {
            problems.add("Metrics missing or not an array");
        } else if (metrics.size() > 100) {
            problems.add("more than 100 MetricDefinitions: " + metrics.size());
        } else {
            metrics.forEach(m -> metric(root, m));
        }
    }

    private void dimensionSet(JsonNode root, JsonNode set) {
        if (!set.isArray() || set.size() > 30) {
            problems.add("a DimensionSet is not an array of at most 30 keys: " + set);
            return;
        }
        for (JsonNode key : set) {
            String name = key.asText();
            if (!key.isTextual() || name.isEmpty() || name.length() > 250) {
                problems.add("a dimension key is not a string of 1-250 characters: " + key);
                continue;
            }
            JsonNode target = root.get(name);
            if (target == null || !target.isTextual() || target.asText().length() > 1024 || target.asText().isBlank()) {
                problems.add("dimension " + name + " has no root member holding a non-blank string of <= 1024 chars");
            }
        }
    }

    private void metric(JsonNode root, JsonNode m) {
        only(m, "MetricDefinition", "Name", "Unit", "StorageResolution");
        JsonNode name = m.get("Name");
        if (name == null || !name.isTextual() || name.asText().isEmpty() || name.asText().length() > 1024) {
            problems.add("a MetricDefinition's Name is missing or not 1-1024 characters: " + m);
            return;
        }
        JsonNode unit = m.get("Unit");
        if (unit != null && !(unit.isTextual() && UNITS.contains(unit.asText()))) {
            problems.add("metric " + name.asText() + " has an invalid Unit: " + unit);
        }
        JsonNode resolution = m.get("StorageResolution");
        if (resolution != null && !(resolution.isInt() && (resolution.asInt() == 1 || resolution.asInt() == 60))) {
            problems.add("metric " + name.asText() + " has an invalid StorageResolution: " + resolution);
        }
        JsonNode target = root.get(name.asText());
        boolean numbers = target != null && target.isArray() && target.size() <= 100;
        if (numbers) {
            target.forEach(v -> {
                if (!v.isNumber()) {
                    problems.add("metric " + name.asText() + " holds a non-number: " + v);
                }
            });
        } else if (target == null || !target.isNumber()) {
            problems.add("metric " + name.asText() + " has no root member holding a number or <= 100 numbers");
        }
    }

    /** Objects the specification defines take no other members. */
    private void only(JsonNode object, String what, String... allowed) {
        Set<String> names = Set.of(allowed);
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!names.contains(field)) {
                problems.add(what + " has a member the specification does not define: " + field);
            }
        }
    }
}
