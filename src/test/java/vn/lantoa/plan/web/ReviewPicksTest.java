package vn.lantoa.plan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** Units picked on the import review stay with their assignment heading when the officer removes another row. */
class ReviewPicksTest {

    private static Map<Integer, List<Long>> picked() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("pick0", "11");
        form.add("pick2", "22");
        form.add("pick2", "23");
        form.add("none3", "true");
        return PlanPages.picks(form);
    }

    @Test
    void removingARowAboveMovesThePicksBelowUpWithTheirRows() {
        Map<Integer, List<Long>> after = PlanPages.afterOperation(picked(), "remove:/assignments/1");
        assertThat(after).isEqualTo(Map.of(0, List.of(11L), 1, List.of(22L, 23L), 2, List.of()));
    }

    @Test
    void removingAPickedRowDropsItsPick() {
        Map<Integer, List<Long>> after = PlanPages.afterOperation(picked(), "remove:/assignments/2");
        assertThat(after).containsOnlyKeys(0, 2);
        assertThat(after.get(0)).containsExactly(11L);
        assertThat(after.get(2)).isEmpty(); // "không phải đơn vị" of the former row 3
    }

    @Test
    void otherOperationsMoveNothing() {
        assertThat(PlanPages.afterOperation(picked(), "add:/assignments")).isEqualTo(picked());
        assertThat(PlanPages.afterOperation(picked(), "remove:/assignments/1/tasks/0")).isEqualTo(picked());
        assertThat(PlanPages.afterOperation(picked(), "remove:/phases/0")).isEqualTo(picked());
    }
}
