package vn.lantoa.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The calendar's index of whom an issued plan assigns, kept one row per assignment (its units in an array): what is
 * read back is exactly what was put, a unit of two assignments included, and a new put replaces it.
 */
@SpringBootTest
class IndexedPlansTest {

    @Autowired
    IndexedPlans index;

    @Test
    void theUnitsOfEachAssignmentAreReadBackAsPutAndReplacedByTheNextPut() {
        long plan = 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
        long other = plan + 1;
        index.put(plan, 7L, Map.of(11L, Set.of(0), 12L, Set.of(0, 1), 13L, Set.of(1), 14L, Set.of(3)), Instant.now());
        index.put(other, 7L, Map.of(11L, Set.of(2)), Instant.now());
        assertThat(index.assigned(List.of(plan, other))).isEqualTo(Map.of(
                plan, Map.of(11L, Set.of(0), 12L, Set.of(0, 1), 13L, Set.of(1), 14L, Set.of(3)),
                other, Map.of(11L, Set.of(2))));

        // an amendment assigns anew: the old assignments go
        index.put(plan, 7L, Map.of(13L, Set.of(0)), Instant.now());
        assertThat(index.assigned(List.of(plan))).isEqualTo(Map.of(plan, Map.of(13L, Set.of(0))));
        // no units matched: the plan keeps its row, without units (a calendar then shows all its tasks)
        index.put(plan, 7L, Map.of(), Instant.now());
        assertThat(index.assigned(List.of(plan, other))).isEqualTo(Map.of(other, Map.of(11L, Set.of(2))));
        assertThat(index.all()).extracting(IndexedPlans.Row::planId).contains(plan, other);
    }

    @Test
    void anAssignmentOfMoreUnitsThanOneArrayHoldsOnH2IsKeptWhole() {
        long plan = 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
        int units = vn.lantoa.shared.SqlArrays.MAX_ELEMENTS * 2 + 7;
        Map<Long, Set<Integer>> assigned = new java.util.HashMap<>();
        for (long unit = 1; unit <= units; unit++) {
            assigned.put(unit, unit % 1_000 == 0 ? Set.of(0, 1) : Set.of(0));
        }
        index.put(plan, 7L, assigned, Instant.now());
        assertThat(index.assigned(List.of(plan))).isEqualTo(Map.of(plan, assigned));
        index.put(plan, 7L, Map.of(), Instant.now());
    }
}
