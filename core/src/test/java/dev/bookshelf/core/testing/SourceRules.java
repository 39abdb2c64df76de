package dev.bookshelf.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks on source trees that need no library: which packages a module's sources may name.
 * A plain scan of the text, so it also catches fully qualified names and imports in comments.
 */
public final class SourceRules {
    private SourceRules() {
    }

    /**
     * Fails, listing every offending file and line, when a {@code .java} file under
     * {@code sourceRoot} imports or mentions one of the forbidden packages (or a subpackage).
     * Also fails when {@code sourceRoot} holds no Java file, so a wrong path cannot pass silently.
     */
    public static void assertNoReferences(Path sourceRoot, String... forbiddenPackagePrefixes) {
        assertThat(forbiddenPackagePrefixes).as("forbidden package prefixes").isNotEmpty();
        assertThat(sourceRoot).as("source root (working directory %s)", Path.of("").toAbsolutePath())
                .isDirectory();
        List<Path> files = javaFiles(sourceRoot);
        assertThat(files).as("Java files under %s", sourceRoot.toAbsolutePath()).isNotEmpty();
        Pattern forbidden = patternFor(forbiddenPackagePrefixes);
        List<String> violations = new ArrayList<>();
        for (Path file : files) {
            violations.addAll(violationsIn(sourceRoot, file, forbidden));
        }
        assertThat(violations)
                .withFailMessage("%s must not reference %s, but:%n%s", sourceRoot,
                        List.of(forbiddenPackagePrefixes), String.join(System.lineSeparator(), violations))
                .isEmpty();
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".java"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Pattern patternFor(String... prefixes) {
        String alternatives = Stream.of(prefixes).map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\w.$])(?:" + alternatives + ")(?![\\w$])");
    }

    private static List<String> violationsIn(Path root, Path file, Pattern forbidden) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (forbidden.matcher(lines.get(i)).find()) {
                found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        return found;
    }
}
