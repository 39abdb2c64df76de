package dev.bookshelf.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What the browser itself saw on the network, read from Chrome's performance log (DevTools
 * {@code Network.*} events): every request with its method, resource type and outcome. This is how
 * the tests see CORS preflights, which page scripts cannot observe.
 */
final class NetworkLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the browser saw it; {@code status} is 0 and {@code failure} set when it failed. */
    record Exchange(String id, String method, String url, String type, int status, String failure) {
        boolean isPreflight() {
            return "Preflight".equals(type) || "OPTIONS".equals(method);
        }
    }

    private final Map<String, Exchange> exchanges = new LinkedHashMap<>();

    /** Reads (and so drains) the browser's buffered performance log. */
    NetworkLog collect(WebDriver driver) {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            read(entry.getMessage());
        }
        return this;
    }

    private void read(String raw) {
        JsonNode message;
        try {
            message = JSON.readTree(raw).path("message");
        } catch (Exception e) {
            return;
        }
        JsonNode p = message.path("params");
        String id = p.path("requestId").asText();
        switch (message.path("method").asText()) {
            case "Network.requestWillBeSent" -> exchanges.put(id, new Exchange(id,
                    p.path("request").path("method").asText(), p.path("request").path("url").asText(),
                    p.path("type").asText(), 0, null));
            case "Network.responseReceived" -> update(id, e -> new Exchange(id, e.method(), e.url(),
                    p.path("type").asText(e.type()), p.path("response").path("status").asInt(), null));
            case "Network.loadingFailed" -> update(id, e -> new Exchange(id, e.method(), e.url(), e.type(),
                    e.status(), p.path("errorText").asText() + " " + p.path("corsErrorStatus").path("corsError").asText()));
            default -> {
            }
        }
    }

    private void update(String id, java.util.function.UnaryOperator<Exchange> change) {
        Exchange e = exchanges.get(id);
        if (e != null) {
            exchanges.put(id, change.apply(e));
        }
    }

    List<Exchange> exchanges() {
        return new ArrayList<>(exchanges.values());
    }

    /** The CORS preflights the browser sent to URLs starting with {@code prefix}. */
    List<Exchange> preflightsTo(String prefix) {
        return exchanges.values().stream().filter(Exchange::isPreflight).filter(e -> e.url().startsWith(prefix)).toList();
    }
}
