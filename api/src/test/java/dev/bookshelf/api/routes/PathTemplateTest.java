package dev.bookshelf.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
    /** What the split meant before it was written out by hand: {@code String.split} keeping trailing empties. */
    private static String[] reference(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    }

    /** A slash, then fewer than {@code maxLength} characters drawn from {@code alphabet}. */
    private static String randomPath(SplittableRandom random, char[] alphabet, int maxLength) {
        StringBuilder path = new StringBuilder("/");
        int length = random.nextInt(maxLength);
        for (int k = 0; k < length; k++) {
            path.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return path.toString();
    }

    @Test
    void split_keepsEverySegment_emptyOnesIncluded() {
        assertThat(PathTemplate.split("/")).isEmpty();
        assertThat(PathTemplate.split("/books")).containsExactly("books");
        assertThat(PathTemplate.split("/books/")).containsExactly("books", "");
        assertThat(PathTemplate.split("//")).containsExactly("", "");
        assertThat(PathTemplate.split("/a//b/")).containsExactly("a", "", "b", "");
        assertThat(PathTemplate.split("/books/책")).containsExactly("books", "책");
    }

    @Test
    void split_isStringSplitKeepingTrailingEmpties_forAnyPath() {
        SplittableRandom random = new SplittableRandom(20261203);
        char[] alphabet = {'/', '/', 'a', 'b', '책', '%', '{', '}'};
        for (int i = 0; i < 50_000; i++) {
            String p = randomPath(random, alphabet, 12);
            assertThat(PathTemplate.split(p)).as(p).containsExactly(reference(p));
        }
    }

    @Test
    void matches_literalsExactly_andVariablesOnlyWhenNotEmpty() {
        PathTemplate t = new PathTemplate("/books/{id}");

        assertThat(matches(t, "/books/1")).isTrue();
        assertThat(t.variables("/books/1", PathTemplate.bounds("/books/1"))).containsEntry("id", "1");
        assertThat(matches(t, "/books/")).isFalse();
        assertThat(matches(t, "/books/1/")).isFalse();
        assertThat(matches(t, "/Books/1")).isFalse();
        assertThat(matches(t, "/bookss/1")).isFalse();
        assertThat(matches(t, "/book/1")).isFalse();
        assertThat(matches(new PathTemplate("/"), "/")).isTrue();
        assertThat(matches(new PathTemplate("/books"), "/")).isFalse();

        PathTemplate two = new PathTemplate("/users/{user}/books/{id}");
        String p = "/users/u1/books/b2";
        assertThat(two.variables(p, PathTemplate.bounds(p))).containsExactly(
                java.util.Map.entry("user", "u1"), java.util.Map.entry("id", "b2"));
        assertThat(new PathTemplate("/books").variables("/books", PathTemplate.bounds("/books"))).isEmpty();
    }

    private static boolean matches(PathTemplate t, String path) {
        return t.matches(path, PathTemplate.bounds(path));
    }

    /**
     * Matching in place decides as matching the split segments did (literals equal, variables not
     * empty), and finds the same variables, for random paths against templates with literals and
     * variables in every position.
     */
    @Test
    void matchingInPlace_decidesAsTheSplitSegments_forAnyPath() {
        String[] templates = {"/", "/a", "/ab", "/{x}", "/a/{x}", "/{x}/b", "/a/{x}/b/{y}", "/책/{x}", "/a/b", "/{x}/{y}"};
        SplittableRandom random = new SplittableRandom(20261204);
        char[] alphabet = {'/', '/', 'a', 'b', '책', '%'};
        int matched = 0;
        for (int i = 0; i < 50_000; i++) {
            String p = randomPath(random, alphabet, 8);
            String[] segments = reference(p);
            int[] bounds = PathTemplate.bounds(p);
            assertThat(bounds).hasSize(segments.length + 1);
            for (String template : templates) {
                String[] literal = reference(template);
                boolean expected = literal.length == segments.length;
                java.util.Map<String, String> vars = new java.util.LinkedHashMap<>();
                for (int k = 0; expected && k < literal.length; k++) {
                    if (literal[k].startsWith("{")) {
                        expected = !segments[k].isEmpty();
                        vars.put(literal[k].substring(1, literal[k].length() - 1), segments[k]);
                    } else {
                        expected = literal[k].equals(segments[k]);
                    }
                }
                PathTemplate t = new PathTemplate(template);
                assertThat(t.matches(p, bounds)).as(template + " ~ " + p).isEqualTo(expected);
                if (expected) {
                    matched++;
                    assertThat(t.variables(p, bounds)).as(template + " ~ " + p).containsExactlyEntriesOf(vars);
                }
            }
        }
        assertThat(matched).as("paths that matched some template").isGreaterThan(1_000);
    }
}
