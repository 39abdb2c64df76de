package dev.bookshelf.http;

/** The address a browser on this machine uses for a server bound to a host and port. */
final class Urls {
    private Urls() {
    }

    /**
     * {@code http://host:port}, with {@code localhost} for a wildcard bind ({@code 0.0.0.0},
     * {@code ::}) and brackets around an IPv6 literal.
     */
    static String origin(String bindHost, int port) {
        String host = bindHost;
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "localhost";
        } else if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port;
    }
}
