package dev.bookshelf.http.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to the loopback server, so a test can send what an HTTP client
 * refuses to (bad paths, methods, headers and framing). Each exchange uses its own connection,
 * asks to close it, and reads until the server does (bounded by a timeout).
 */
final class RawHttp {
    private static final int TIMEOUT_MS = 10_000;
    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Builds a request: request line, {@code Host} and {@code Connection: close}, the given headers, the body. */
    static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] b = body == null ? new byte[0] : body;
        byte[] out = new byte[h.length + b.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(b, 0, out, h.length, b.length);
        return out;
    }

    Response send(String method, String target, Map<String, String> headers, byte[] body) {
        return exchange(request(method, target, headers, body));
    }

    Response get(String target, Map<String, String> headers) {
        return send("GET", target, headers, null);
    }

    /** Sends raw bytes and reads the whole answer (until the server closes the connection). */
    Response exchange(byte[] raw) {
        return exchange(raw, false);
    }

    /**
     * Sends raw bytes and reads until the server closes. {@code halfClose} ends the client's side
     * after the bytes, as a client that gives up does (Netty then closes the connection too).
     */
    Response exchange(byte[] raw, boolean halfClose) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(raw);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may answer and close before reading everything (e.g. a 431): read what it sent.
            }
            return Response.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no end of answer within " + TIMEOUT_MS + " ms; got " + all.size() + " bytes", e);
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    /** One parsed answer: status, headers by lower-case name, the body as framed by Content-Length. */
    record Response(int status, Map<String, List<String>> headers, byte[] body, byte[] raw) {
        static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return new Response(-1, Map.of(), new byte[0], raw);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
            int start = end + 4;
            int length = headers.containsKey("content-length")
                    ? Integer.parseInt(headers.get("content-length").get(0)) : raw.length - start;
            byte[] body = java.util.Arrays.copyOfRange(raw, start, Math.min(raw.length, start + length));
            return new Response(status, headers, body, raw);
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** True when the body has exactly the length the headers announced. */
        boolean complete() {
            String length = header("content-length");
            return length != null && Integer.parseInt(length) == body.length;
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text();
        }
    }
}
