package dev.bookshelf.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the generated OpenAPI document: {@code OpenApiMain [path, default deploy/openapi.yaml]}. */
public final class OpenApiMain {
    private OpenApiMain() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "deploy/openapi.yaml");
        Files.writeString(out, OpenApiDocument.yaml(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
