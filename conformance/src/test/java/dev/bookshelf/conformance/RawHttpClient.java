package dev.bookshelf.conformance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on a loopback socket, for what {@code java.net.http} cannot do:
 * targets that {@link java.net.URI} refuses (a malformed percent-escape, which curl and browsers
 * send as typed) and {@code Expect: 100-continue} (on JDK 17 its client can wait forever, past its
 * timeout, when the server answers with a final status instead of 100). The body is sent after
 * {@code 100 Continue}, or not at all when a final answer comes first. One request per
 * connection; every read is bounded by a socket timeout and a size cap.
 */
final class RawHttpClient {
    private static final int TIMEOUT_MS = 60_000;
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 1 << 20;

    private RawHttpClient() {
    }

    static HttpAnswer send(int port, HttpCall call) {
        boolean expectContinue = call.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Expect"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(head(port, call).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Head head = expectContinue ? readHead(in) : null;
            if (head == null || head.status() == 100) {
                if (call.body() != null) {
                    out.write(call.body());
                    out.flush();
                }
                head = readHead(in);
            }
            return new HttpAnswer(head.status(), head.headers(), readBody(in, head));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + call, e);
        }
    }

    private static String head(int port, HttpCall call) {
        StringBuilder head = new StringBuilder(call.method()).append(' ').append(call.target()).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        call.headers().forEach(h -> head.append(h.name()).append(": ").append(h.value()).append("\r\n"));
        if (call.body() != null) {
            head.append("Content-Length: ").append(call.body().length).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString();
    }

    private record Head(int status, Map<String, List<String>> headers) {
        long contentLength() {
            List<String> values = headers.getOrDefault("content-length", List.of());
            return values.isEmpty() ? -1 : Long.parseLong(values.get(0));
        }
    }

    private static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0 || bytes.size() >= MAX_HEAD) {
                throw new IOException("no complete answer head after " + bytes.size() + " bytes");
            }
            bytes.write(b);
            lastFour = lastFour << 8 | b;
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).strip().split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    n -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        return new Head(Integer.parseInt(lines[0].split(" ")[1]), headers);
    }

    private static byte[] readBody(InputStream in, Head head) throws IOException {
        if (head.headers().containsKey("transfer-encoding")) {
            throw new IOException("chunked answers are not supported here: " + head.headers());
        }
        long length = head.contentLength();
        if (length > MAX_BODY) {
            throw new IOException("answer body larger than " + MAX_BODY + " bytes");
        }
        if (length >= 0) {
            return in.readNBytes((int) length);
        }
        byte[] rest = in.readNBytes(MAX_BODY + 1);
        if (rest.length > MAX_BODY) {
            throw new IOException("answer body larger than " + MAX_BODY + " bytes");
        }
        return rest;
    }
}
