package vn.lantoa.plan;

import java.time.Instant;
import java.util.List;

/**
 * One version (revision) of a plan in its history (lịch sử sửa đổi): who saved it, when, why, and what changed from
 * the version before it, field by field.
 *
 * @param revision    1 for the original, more for each amendment
 * @param savedBy     the user's id
 * @param savedByName the user's name as shown when it was saved (null for an old revision)
 * @param savedAt     when
 * @param note        the reason given for the amendment, or null
 * @param changes     what changed from the previous revision (empty for the first)
 */
public record PlanVersion(int revision, long savedBy, String savedByName, Instant savedAt, String note,
        List<Change> changes) {

    public PlanVersion {
        changes = List.copyOf(changes);
    }

    /** Where a JSON pointer of a plan is, as a person says it ("Tổ chức thực hiện › 1 › nhiệm vụ › 1 › thời hạn"). */
    public static String label(String pointer) {
        return PlanDiff.label(pointer);
    }

    /**
     * One field that changed.
     *
     * @param pointer the JSON pointer of the field in the plan ({@code /document/title}, {@code /assignments/2/tasks/0/due})
     * @param label   where, as a person says it ("Trích yếu", "Tổ chức thực hiện › 3 › nhiệm vụ 1 › thời hạn")
     * @param before  its value before, as text; null when it was not there
     * @param after   its value after, as text; null when it was removed
     */
    public record Change(String pointer, String label, String before, String after) {
    }
}
