package vn.lantoa.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.lantoa.planformat.ChannelKind;

/**
 * Hoạt động đã thực hiện: what one unit did for one plan.
 *
 * @param id          stable id
 * @param planId      the plan it serves
 * @param unitId      the unit that did it (always the recording user's unit)
 * @param unitPath    that unit's path when it was recorded
 * @param title       what was done ("Hội nghị báo cáo viên quý I")
 * @param channel     the channel (hình thức tuyên truyền)
 * @param startsOn    first day
 * @param endsOn      last day (the same day for a one-day activity)
 * @param phaseLabel  the plan's phase it serves ("Đợt 1"), or null
 * @param taskText    the plan's task it carries out, as written, or null
 * @param place       where, or null
 * @param description what happened, or null
 * @param notable     marked by the unit as notable (hoạt động tiêu biểu): reports list it by name
 * @param outputs     quantity per indicator code, in catalogue order
 * @param evidence    files and links
 */
public record Activity(long id, long planId, long unitId, String unitPath, String title, ChannelKind channel,
        LocalDate startsOn, LocalDate endsOn, String phaseLabel, String taskText, String place, String description,
        boolean notable, Map<String, Long> outputs, List<Evidence> evidence, long version, long createdBy,
        Instant createdAt) {
}
