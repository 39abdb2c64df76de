package dev.bookshelf.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {
    @Test
    void lookup_isCaseInsensitive_andKeepsTheFirstSpelling() {
        Headers h = Headers.builder().add("Content-Type", "application/json").add("content-type", "text/plain").build();

        assertThat(h.first("CONTENT-TYPE")).contains("application/json");
        assertThat(h.all("content-Type")).containsExactly("application/json", "text/plain");
        assertThat(h.asMap()).containsOnlyKeys("Content-Type");
        assertThat(h.contains("cOnTeNt-TyPe")).isTrue();
    }

    @Test
    void values_areNeverSplitOnCommas() {
        Headers h = Headers.builder().add("If-Match", "\"1\", \"2\"").add("Accept-Language", "ko, en;q=0.5").build();

        assertThat(h.all("If-Match")).containsExactly("\"1\", \"2\"");
        assertThat(h.first("Accept-Language")).contains("ko, en;q=0.5");
    }

    @Test
    void set_replaces_remove_removes_setIfAbsent_keeps() {
        Headers h = Headers.builder().add("A", "1").add("A", "2").set("a", "3").add("B", "x").remove("b")
                .setIfAbsent("A", "4").setIfAbsent("C", "5").build();

        assertThat(h.all("A")).containsExactly("3");
        assertThat(h.contains("B")).isFalse();
        assertThat(h.first("C")).contains("5");
        assertThat(h.asMap()).containsOnlyKeys("a", "C");
    }

    @Test
    void built_isImmutableAndIndependentOfItsBuilder() {
        Headers.Builder b = Headers.builder().add("A", "1");
        Headers h = b.build();
        b.add("A", "2");

        assertThat(h.all("A")).containsExactly("1");
        assertThatThrownBy(() -> h.all("A").add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.asMap().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(h.toBuilder().add("A", "3").build().all("A")).containsExactly("1", "3");
        assertThat(h.all("A")).containsExactly("1");
    }

    @Test
    void missingHeader_isEmpty() {
        assertThat(Headers.empty().first("X")).isEmpty();
        assertThat(Headers.empty().all("X")).isEmpty();
        assertThat(Headers.builder().add("X", null).build().first("X")).contains("");
    }

    @Test
    void apiRequest_defaultsNullPartsAndCopiesWhatItIsGiven() {
        List<String> values = new ArrayList<>(List.of("READ"));
        Map<String, List<String>> query = new java.util.HashMap<>(Map.of("status", values));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        ApiRequest req = new ApiRequest("GET", "/books", null, query, body, "r", null);
        values.add("READING");
        query.put("limit", List.of("1"));
        body[0] = 'x';

        assertThat(req.headers().asMap()).isEmpty();
        assertThat(req.query()).containsOnlyKeys("status");
        assertThat(req.query().get("status")).containsExactly("READ");
        assertThat(req.queryParam("status")).contains("READ");
        assertThat(req.queryParam("limit")).isEmpty();
        assertThat(new ApiRequest("GET", "/", null, null, null, "r", null).hasBody()).isFalse();
        assertThat(new ApiRequest("GET", "/", null, null, null, null, null).requestId()).isNotBlank();
        assertThat(new ApiRequest("GET", "/", null, null, null, "a\r\nb", null).requestId()).doesNotContain("\n");
        assertThat(new ApiRequest("GET", "/", null, null, null, "c0ffee-42", null).requestId()).isEqualTo("c0ffee-42");
    }

    @Test
    void apiRequest_bodyAccessorReturnsACopy() {
        ApiRequest req = new ApiRequest("POST", "/x", null, null, new byte[] {1, 2}, "r", null);

        req.body()[0] = 9;

        assertThat(req.bodyUnsafe()).containsExactly(1, 2);
    }

    @Test
    void apiResponse_withoutBodyKeepsStatusAndHeaders() {
        ApiResponse r = new ApiResponse(200, Headers.builder().add("ETag", "\"1\"").build(), new byte[] {1});

        ApiResponse head = r.withoutBody();

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers().first("ETag")).contains("\"1\"");
        assertThat(head.bodyUnsafe()).isEmpty();
        assertThat(new ApiResponse(204, null, null).headers().asMap()).isEmpty();
    }

    @Test
    void lookup_staysCaseInsensitive_forManyDistinctAndLongNames() {
        Headers.Builder b = Headers.builder();
        for (int i = 0; i < 2000; i++) {
            b.add("X-Name-" + i + (i % 2 == 0 ? "" : "-" + "Long".repeat(40)), "v" + i);
        }
        Headers headers = b.build();

        for (int i = 0; i < 2000; i++) {
            String name = "x-NAME-" + i + (i % 2 == 0 ? "" : "-" + "lONG".repeat(40));
            assertThat(headers.first(name)).as(name).contains("v" + i);
        }
        assertThat(headers.first("İ")).isEmpty();
    }

    @Test
    void lookup_matchesNamesByTheirLowerCaseForm_outsideAsciiToo() {
        // U+212A KELVIN SIGN lower-cases to 'k'; U+0130 (capital I with dot) to "i" and a combining dot
        Headers h = Headers.builder().add("\u212A-Test", "kelvin").add("i", "dotless").add("X-Ascii", "a").build();

        assertThat(h.first("k-TEST")).contains("kelvin");
        assertThat(h.first("\u212A-TEST")).contains("kelvin");
        assertThat(h.first("\u0130")).isEmpty();
        assertThat(h.first("I")).contains("dotless");
        assertThat(h.first("x-ascii")).contains("a");
        assertThat(h.first("X-Ascii2")).isEmpty();
        assertThat(h.first("X-Asci")).isEmpty();
        assertThat(h.toBuilder().set("K-test", "replaced").build().asMap()).containsOnlyKeys("i", "X-Ascii", "K-test");
    }

    @Test
    void aHeaderGivenNoValues_isPresent_withoutAFirstValue() {
        Headers h = Headers.builder().addAll("X-Empty", List.of()).addAll("X-Nulls", java.util.Arrays.asList("a", null))
                .build();

        assertThat(h.contains("x-empty")).isTrue();
        assertThat(h.first("X-Empty")).isEmpty();
        assertThat(h.all("X-Empty")).isEmpty();
        assertThat(h.all("X-Nulls")).containsExactly("a", "");
        assertThat(h.toBuilder().add("X-Empty", "now").build().first("X-Empty")).contains("now");
    }

    @Test
    void addAllOnce_refusesASecondKeyOfTheSameSpelling_butMergesOtherCases() {
        Headers.Builder b = Headers.builder();

        assertThat(b.isEmpty()).isTrue();
        assertThat(b.addAllOnce("Accept", java.util.List.of("a"))).isTrue();
        assertThat(b.addAllOnce("accept", java.util.List.of("b"))).isTrue();
        assertThat(b.addAllOnce("Accept", java.util.List.of("c"))).isFalse();
        assertThat(b.isEmpty()).isFalse();
        assertThat(b.build().all("ACCEPT")).containsExactly("a", "b");
    }

    /** A transport's case-insensitive map, as Vert.x's: lines in order, lookups counted. */
    private static final class Lines implements Headers.Source {
        final List<String[]> lines = new ArrayList<>();
        int gathered;

        Lines add(String name, String value) {
            lines.add(new String[] {name, value});
            return this;
        }

        @Override
        public String get(String name) {
            return lines.stream().filter(l -> l[0].equalsIgnoreCase(name)).map(l -> l[1]).findFirst().orElse(null);
        }

        @Override
        public List<String> getAll(String name) {
            return new ArrayList<>(lines.stream().filter(l -> l[0].equalsIgnoreCase(name)).map(l -> l[1]).toList());
        }

        @Override
        public void forEach(java.util.function.BiConsumer<String, String> line) {
            gathered++;
            lines.forEach(l -> line.accept(l[0], l[1]));
        }
    }

    @Test
    void view_readsTheSourceInPlace_andAnswersAsABuiltCopyWould() {
        Lines source = new Lines().add("Host", "127.0.0.1").add("Accept-Language", "ko").add("X-Multi", "1")
                .add("x-multi", "2");
        Headers view = Headers.view(source);
        Headers built = Headers.builder().add("Host", "127.0.0.1").add("Accept-Language", "ko").add("X-Multi", "1")
                .add("x-multi", "2").build();

        assertThat(view.first("accept-language")).isEqualTo(built.first("accept-language")).contains("ko");
        assertThat(view.all("X-MULTI")).isEqualTo(built.all("X-MULTI")).containsExactly("1", "2");
        assertThat(view.contains("HOST")).isTrue();
        assertThat(view.contains("Origin")).isFalse();
        assertThat(view.first("Origin")).isEmpty();
        assertThat(view.all("Origin")).isEmpty();
        assertThat(source.gathered).as("lookups need no copy").isZero();

        assertThat(view.asMap()).isEqualTo(built.asMap()).containsOnlyKeys("Host", "Accept-Language", "X-Multi");
        assertThat(view.toBuilder().set("Host", "example.com").build().first("host")).contains("example.com");
        assertThat(view.first("Host")).contains("127.0.0.1");
        assertThat(view.toString()).isEqualTo(built.toString());
        assertThat(source.gathered).as("gathered once, for every whole-map use").isEqualTo(1);
        assertThatThrownBy(() -> view.all("X-Multi").add("3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void copies_shareFieldsUntilOneOfThemAddsAValue_thenOnlyThatOneChanges() {
        Headers original = Headers.builder().add("Vary", "Origin").add("ETag", "\"1\"").build();
        Headers.Builder first = original.toBuilder();
        Headers.Builder second = original.toBuilder();

        Headers a = first.add("vary", "Accept-Encoding").build();
        Headers b = second.addAll("VARY", List.of("Accept-Language")).build();
        Headers c = original.toBuilder().build();
        Headers.Builder third = c.toBuilder();
        third.addAllOnce("vary", new ArrayList<>(List.of("X")));

        assertThat(original.all("Vary")).containsExactly("Origin");
        assertThat(a.all("Vary")).containsExactly("Origin", "Accept-Encoding");
        assertThat(b.all("Vary")).containsExactly("Origin", "Accept-Language");
        assertThat(c.all("Vary")).containsExactly("Origin");
        assertThat(third.build().all("Vary")).containsExactly("Origin", "X");
        assertThat(a.asMap().keySet()).containsExactly("Vary", "ETag");
    }

    @Test
    void setAll_replacesEachNamedHeader_inOrder_andLeavesTheConstantAsItWas() {
        Headers constant = Headers.builder().set("Cache-Control", "no-store").set("X-Content-Type-Options", "nosniff")
                .build();
        Headers.Builder b = Headers.builder().add("cache-control", "max-age=60").add("ETag", "\"1\"");

        Headers h = b.setAll(constant).add("Cache-Control", "private").build();

        assertThat(h.asMap().keySet()).containsExactly("ETag", "Cache-Control", "X-Content-Type-Options");
        assertThat(h.all("cache-control")).containsExactly("no-store", "private");
        assertThat(constant.all("Cache-Control")).containsExactly("no-store");
        assertThat(Headers.builder().setAll(constant).build().asMap()).isEqualTo(constant.asMap());
    }

    @Test
    void byIndex_everyNameWithItsValues_inInsertionOrder_asForEachGivesThem() {
        Headers h = Headers.builder().add("ETag", "\"1\"").add("Vary", "Origin").add("vary", "Accept-Language")
                .set("X-Request-Id", "r1").build();
        List<String> byIndex = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            byIndex.add(h.name(i) + "=" + h.values(i));
        }
        List<String> byForEach = new ArrayList<>();
        h.forEach((name, values) -> byForEach.add(name + "=" + values));

        assertThat(byIndex).containsExactly("ETag=[\"1\"]", "Vary=[Origin, Accept-Language]", "X-Request-Id=[r1]")
                .isEqualTo(byForEach);
        assertThat(Headers.empty().size()).isZero();
        assertThatThrownBy(() -> h.name(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> h.values(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        Headers view = Headers.view(new Lines().add("Host", "h").add("X-Multi", "1").add("x-multi", "2"));
        assertThat(view.size()).isEqualTo(2);
        assertThat(view.name(1)).isEqualTo("X-Multi");
        assertThat(view.values(1)).containsExactly("1", "2");
    }
}
