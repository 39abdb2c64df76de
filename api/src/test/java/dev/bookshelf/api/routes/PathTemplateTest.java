package dev.bookshelf.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
    /** What the split meant before it was written out by hand: {@code String.split} keeping trailing empties. */
    private static String[] reference(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
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
            StringBuilder path = new StringBuilder("/");
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                path.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String p = path.toString();
            assertThat(PathTemplate.split(p)).as(p).containsExactly(reference(p));
        }
    }

    @Test
    void matches_literalsExactly_andVariablesOnlyWhenNotEmpty() {
        PathTemplate t = new PathTemplate("/books/{id}");

        assertThat(t.matches(PathTemplate.split("/books/1"))).isTrue();
        assertThat(t.variables(PathTemplate.split("/books/1"))).containsEntry("id", "1");
        assertThat(t.matches(PathTemplate.split("/books/"))).isFalse();
        assertThat(t.matches(PathTemplate.split("/books/1/"))).isFalse();
        assertThat(t.matches(PathTemplate.split("/Books/1"))).isFalse();

        PathTemplate two = new PathTemplate("/users/{user}/books/{id}");
        assertThat(two.variables(PathTemplate.split("/users/u1/books/b2"))).containsExactly(
                java.util.Map.entry("user", "u1"), java.util.Map.entry("id", "b2"));
        assertThat(new PathTemplate("/books").variables(PathTemplate.split("/books"))).isEmpty();
    }
}
