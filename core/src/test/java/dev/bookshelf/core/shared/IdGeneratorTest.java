package dev.bookshelf.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void randomUuids_producesDistinctVersion4Uuids() {
        IdGenerator ids = IdGenerator.randomUuids();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ids.newId();
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
            seen.add(id);
        }

        assertThat(seen).hasSize(1000);
    }
}
