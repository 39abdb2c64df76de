package dev.bookshelf.lambda;

import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Gzip for answers too large for comfort in a Lambda response, when the client accepts it. */
final class ResponseCompression {
    private ResponseCompression() {
    }

    /**
     * Whether {@code Accept-Encoding} allows gzip: {@code gzip} (or {@code x-gzip}) with a
     * non-zero q, or {@code *} with a non-zero q when gzip is not refused by name.
     */
    static boolean acceptsGzip(Headers requestHeaders) {
        Double gzip = null;
        Double any = null;
        for (String value : requestHeaders.all("Accept-Encoding")) {
            for (String element : value.split(",")) {
                String[] parts = element.split(";");
                String coding = parts[0].strip().toLowerCase(Locale.ROOT);
                double q = quality(parts);
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    gzip = gzip == null ? q : Math.max(gzip, q);
                } else if (coding.equals("*")) {
                    any = q;
                }
            }
        }
        return gzip != null ? gzip > 0 : any != null && any > 0;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT);
            if (param.startsWith("q=")) {
                try {
                    return Double.parseDouble(param.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The same answer with its body gzipped and {@code Content-Encoding: gzip}. */
    static ApiResponse gzip(ApiResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(response.bodyUnsafe().length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(response.bodyUnsafe());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Headers headers = response.headers().toBuilder()
                .set("Content-Encoding", "gzip")
                .remove("Content-Length")
                .build();
        return new ApiResponse(response.status(), headers, out.toByteArray());
    }

    /** Adds {@code Accept-Encoding} to {@code Vary}: the answer depends on it. */
    static ApiResponse varyOnAcceptEncoding(ApiResponse response) {
        List<String> vary = response.headers().all("Vary");
        String joined = String.join(", ", vary);
        if (joined.strip().equals("*") || joined.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
            return response;
        }
        String merged = joined.isBlank() ? "Accept-Encoding" : joined + ", Accept-Encoding";
        return response.withHeaders(response.headers().toBuilder().set("Vary", merged).build());
    }
}
