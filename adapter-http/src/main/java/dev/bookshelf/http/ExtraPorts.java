package dev.bookshelf.http;

import dev.bookshelf.api.config.EnvReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the servers beside the API: the management port ({@code MANAGEMENT_PORT}, default 9000,
 * {@code 0} any free port, {@code off} none; {@code MANAGEMENT_HOST}, default {@code HOST}) and
 * the web client's site ({@code WEB_ROOT}, {@code WEB_PORT} default 5173, {@code WEB_HOST}
 * default {@code HOST}, {@code WEB_API_URL} default the API's own address). Problems go to the
 * shared {@link EnvReader}, so they are listed with all the others.
 */
final class ExtraPorts {
    private final Map<String, String> env;
    private final EnvReader r;
    private final String host;
    private final int apiPort;

    ExtraPorts(Map<String, String> env, EnvReader r, String host, int apiPort) {
        this.env = env;
        this.r = r;
        this.host = host;
        this.apiPort = apiPort;
    }

    /** The management address, or null when it is off. */
    HttpConfig.Listen management() {
        String raw = env.get("MANAGEMENT_PORT");
        if (raw != null && raw.strip().toLowerCase(Locale.ROOT).equals("off")) {
            return null;
        }
        int port = port("MANAGEMENT_PORT", raw, HttpConfig.DEFAULT_MANAGEMENT_PORT, " or 'off'");
        if (port != 0 && port == apiPort) {
            r.problem("MANAGEMENT_PORT must differ from PORT (both are " + port + ")");
        }
        return new HttpConfig.Listen(hostOf("MANAGEMENT_HOST"), port);
    }

    /** The web client's site, or null when {@code WEB_ROOT} is not set. */
    HttpConfig.WebSite web(HttpConfig.Listen management) {
        String rootRaw = env.get("WEB_ROOT");
        if (rootRaw == null || rootRaw.isBlank()) {
            return null;
        }
        Path root = root(rootRaw.strip());
        int port = port("WEB_PORT", env.get("WEB_PORT"), HttpConfig.DEFAULT_WEB_PORT, "");
        if (port != 0 && port == apiPort) {
            r.problem("WEB_PORT must differ from PORT (both are " + port + ")");
        }
        if (port != 0 && management != null && management.port() == port) {
            r.problem("WEB_PORT must differ from MANAGEMENT_PORT (both are " + port + ")");
        }
        return new HttpConfig.WebSite(root, new HttpConfig.Listen(hostOf("WEB_HOST"), port), apiUrl());
    }

    private int port(String name, String raw, int dflt, String alternative) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 0 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        r.problem(name + " must be a port number between 0 and 65535 (0: any free port)" + alternative
                + " (got '" + raw + "')");
        return dflt;
    }

    private String hostOf(String name) {
        String v = env.get(name);
        if (v == null) {
            return host;
        }
        if (v.isBlank()) {
            r.problem(name + " must not be empty (leave it unset to use HOST)");
            return host;
        }
        return v.strip();
    }

    private Path root(String raw) {
        try {
            Path root = Path.of(raw).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve("index.html"))) {
                r.problem("WEB_ROOT must be a directory with an index.html (got '" + raw + "', e.g. deploy/web)");
            }
            return root;
        } catch (InvalidPathException e) {
            r.problem("WEB_ROOT is not a valid path (got '" + raw + "')");
            return null;
        }
    }

    /** {@code WEB_API_URL}: an absolute http(s) URL without query or fragment; trailing slashes dropped. */
    private String apiUrl() {
        String v = env.get("WEB_API_URL");
        if (v == null || v.isBlank()) {
            return null;
        }
        String url = v.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        r.problem("WEB_API_URL must be an http:// or https:// URL without query or fragment, e.g. "
                + "https://api.example.org/prod (got '" + v + "')");
        return null;
    }
}
