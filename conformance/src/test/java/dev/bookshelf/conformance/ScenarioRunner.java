package dev.bookshelf.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one scenario on one transport: sends each step, captures, normalizes, checks expectations. */
final class ScenarioRunner {
    /** One step's request as sent on a transport, the raw answer, and its normalized rendering. */
    record Exchange(Step step, HttpCall call, HttpAnswer answer, String rendering) {
    }

    private final Normalizer normalizer;

    ScenarioRunner(Normalizer normalizer) {
        this.normalizer = normalizer;
    }

    List<Exchange> run(Scenario scenario, Transport transport, String transportName) {
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < scenario.steps().size(); i++) {
            Step step = scenario.steps().get(i);
            String where = scenario.name() + ", step " + (i + 1) + " " + step + ", on " + transportName;
            HttpCall call = step.toCall(vars);
            HttpAnswer answer = transport.send(call);
            capture(step, answer, vars, ids, where);
            String rendering;
            try {
                rendering = normalizer.render(answer, ids);
            } catch (AssertionError e) {
                throw new AssertionError(where + ": " + e.getMessage() + "\n" + Normalizer.body(answer.body()), e);
            }
            check(step, answer, rendering, where);
            exchanges.add(new Exchange(step, call, answer, rendering));
        }
        return exchanges;
    }

    private static void check(Step step, HttpAnswer answer, String rendering, String where) {
        if (answer.status() != step.expectedStatus()) {
            throw new AssertionError(where + ": expected status " + step.expectedStatus() + " but got:\n" + rendering);
        }
        for (String fragment : step.shows()) {
            if (!rendering.contains(fragment)) {
                throw new AssertionError(where + ": the answer does not show «" + fragment + "»:\n" + rendering);
            }
        }
    }

    private static void capture(Step step, HttpAnswer answer, Map<String, String> vars, Map<String, String> ids,
                                String where) {
        for (Step.Capture c : step.captures()) {
            String value;
            if (c.header() != null) {
                List<String> values = answer.header(c.header());
                value = values.size() == 1 ? values.get(0) : null;
            } else {
                value = pointer(answer.body(), c.pointer());
            }
            if (value == null || value.isEmpty()) {
                throw new AssertionError(where + ": nothing to capture as {{" + c.name() + "}} from "
                        + (c.header() != null ? "header " + c.header() : "body " + c.pointer()) + ":\n"
                        + Normalizer.body(answer.body()));
            }
            vars.put(c.name(), value);
            if (c.varies()) {
                ids.put(c.name(), value);
            }
        }
    }

    private static String pointer(byte[] body, String pointer) {
        try {
            JsonNode node = RestProxyEvents.JSON.readTree(body).at(pointer);
            return node.isValueNode() && !node.isNull() ? node.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
