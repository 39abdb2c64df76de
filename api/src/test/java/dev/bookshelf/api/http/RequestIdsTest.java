package dev.bookshelf.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Request ids are random UUIDs, and a process restored from a snapshot does not repeat its siblings' ids. */
class RequestIdsTest {
    @Test
    void ids_areDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.next();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(seen.add(id)).as(id).isTrue();
        }
    }

    @Test
    void sameState_givesTheSameIds_asEveryCopyRestoredFromOneSnapshotWould() {
        RequestIds.reseed(42);
        List<String> first = take(3);
        RequestIds.reseed(42);

        assertThat(take(3)).isEqualTo(first);
    }

    @Test
    void reseed_changesTheSequence_evenOnAThreadThatAlreadyHasItsGenerator() {
        RequestIds.reseed(42);
        List<String> snapshot = take(3);
        RequestIds.reseed(42);
        RequestIds.next();

        RequestIds.reseed();

        assertThat(take(3)).doesNotContainAnyElementsOf(snapshot);
    }

    @Test
    void threads_drawDifferentIds() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> ids.addAll(take(1000))));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(ids).hasSize(4000);
    }

    private static List<String> take(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(RequestIds.next());
        }
        return out;
    }
}
