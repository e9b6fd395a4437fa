package vn.lantoa.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a person sends to record an activity (the JSON part {@code activity} of the multipart request, or the form).
 * The unit is never part of it: an activity is always the recording user's unit's.
 *
 * @param planId      the plan it serves
 * @param title       required, at most 500 characters
 * @param channel     a channel kind of {@code lantoa.plan/1} ({@code oral}, {@code visual} …)
 * @param startsOn    first day, required
 * @param endsOn      last day, or null for a one-day activity
 * @param phase       the plan's phase label, or null
 * @param task        the task it carries out, or null
 * @param place       where, or null
 * @param description what happened, or null
 * @param notable     whether to list it by name in reports
 * @param outputs     quantity per indicator code (non-negative)
 * @param links       evidence links (http or https)
 */
public record NewActivity(Long planId, String title, String channel, LocalDate startsOn, LocalDate endsOn,
        String phase, String task, String place, String description, Boolean notable, Map<String, Long> outputs,
        List<String> links) {

    public NewActivity {
        outputs = outputs == null ? Map.of() : outputs;
        links = links == null ? List.of() : links;
    }
}
