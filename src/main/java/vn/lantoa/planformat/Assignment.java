package vn.lantoa.planformat;

import java.util.List;

/**
 * Tổ chức thực hiện: one unit's part in the plan.
 *
 * @param unit  the heading's unit name as written, without its number and without a leading "Đề nghị"; a heading
 *              that names a group ("UBND các xã, phường") stays one assignment
 * @param role  lead, requested or standing
 * @param tasks its tasks, in document order
 */
public record Assignment(String unit, Role role, List<Task> tasks) {

    public Assignment {
        tasks = Lists.copy(tasks);
    }
}
