package dev.bookshelf.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchemaTest {
    @Test
    void timeKeys_sortAsTextLikeTheirInstants() {
        Random random = new Random(42);
        List<Instant> instants = new ArrayList<>(List.of(Instant.MIN, Instant.MAX, Instant.EPOCH,
                Instant.EPOCH.minusNanos(1), Instant.EPOCH.plusNanos(1), Instant.parse("2026-11-25T15:20:00Z")));
        for (int i = 0; i < 1_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextInt() * 10L, random.nextInt(1_000_000_000)));
        }

        List<Instant> byKey = instants.stream().sorted(Comparator.comparing(Schema::timeKey))
                .collect(Collectors.toList());

        assertThat(byKey).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(instants).allSatisfy(t -> assertThat(Schema.isTimeKey(Schema.timeKey(t))).isTrue());
    }

    @Test
    void statusPrefixes_neverMatchAnotherStatus() {
        assertThat(Schema.statusKey(dev.bookshelf.core.book.ReadingStatus.READING, "0".repeat(28), "x"))
                .doesNotStartWith(Schema.statusPrefix(dev.bookshelf.core.book.ReadingStatus.READ));
    }
}
