package dev.bookshelf.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A deliberately small HTTP/1.1 client over a plain socket, for what {@code java.net.http}
 * refuses to send (malformed targets, hand-made chunked bodies, {@code Expect}, HEAD followed by
 * another request on the same connection). Every read is bounded by a socket timeout.
 */
final class RawHttp implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 20_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawHttp connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        s.setSoTimeout(READ_TIMEOUT_MS);
        return new RawHttp(s);
    }

    /** Sends a request head: the request line, {@code Host}, the given header lines, and the blank line. */
    RawHttp head(String requestLine, String... headerLines) throws IOException {
        StringBuilder b = new StringBuilder(requestLine).append("\r\n").append("Host: 127.0.0.1\r\n");
        for (String h : headerLines) {
            b.append(h).append("\r\n");
        }
        b.append("\r\n");
        return write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    RawHttp write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Writes one chunk of a chunked body. */
    RawHttp chunk(byte[] data) throws IOException {
        write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        write(data);
        return write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    RawHttp lastChunk() throws IOException {
        return write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads the next response (an interim 1xx one too); {@code toHead} means it has no body. */
    Response read(boolean toHead) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String statusLine = line(raw);
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String l = line(raw); !l.isEmpty(); l = line(raw)) {
            int colon = l.indexOf(':');
            headers.add(Map.entry(l.substring(0, colon).strip(), l.substring(colon + 1).strip()));
        }
        Response head = new Response(statusLine, status, headers, new byte[0], new byte[0]);
        byte[] body;
        if (toHead || status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (head.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            body = chunked(raw);
        } else if (head.header("Content-Length").isPresent()) {
            body = exactly(Integer.parseInt(head.header("Content-Length").get()), raw);
        } else {
            body = in.readAllBytes();
            raw.write(body);
        }
        return new Response(statusLine, status, headers, body, raw.toByteArray());
    }

    Response read() throws IOException {
        return read(false);
    }

    /** True when the server closed the connection: the next read sees the end of the stream. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private String line(ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed in the middle of a response head");
            }
            raw.write(c);
            if (c != '\r') {
                b.write(c);
            }
        }
        raw.write(c);
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private byte[] exactly(int n, ByteArrayOutputStream raw) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new EOFException("expected " + n + " body bytes, got " + bytes.length);
        }
        raw.write(bytes);
        return bytes;
    }

    private byte[] chunked(ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(raw);
            int n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
            if (n == 0) {
                String trailer;
                do {
                    trailer = line(raw);
                } while (!trailer.isEmpty());
                return body.toByteArray();
            }
            body.write(exactly(n, raw));
            line(raw);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One response as read off the wire; {@code raw} holds every byte of it. */
    record Response(String statusLine, int status, List<Map.Entry<String, String>> headers, byte[] body, byte[] raw) {
        Optional<String> header(String name) {
            return headers.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
        }

        List<String> headerNames() {
            return headers.stream().map(Map.Entry::getKey).toList();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
