package vn.lantoa.activity;

import java.time.LocalDate;
import java.util.Map;

import vn.lantoa.planformat.ChannelKind;

/**
 * Published synchronously inside the transaction that records an activity (listeners that keep totals run in it, so a
 * total is exact the moment the activity commits; a listener's failure rolls the recording back).
 *
 * @param activityId the activity
 * @param planId     the plan it serves
 * @param unitId     the unit that did it
 * @param unitPath   that unit's materialised path
 * @param channel    its channel
 * @param startsOn   its first day: it counts in the period that contains it
 * @param outputs    quantity per indicator code
 * @param phase      the label of the phase it names, or null (the dashboard counts per phase)
 */
public record ActivityRecorded(long activityId, long planId, long unitId, String unitPath, ChannelKind channel,
        LocalDate startsOn, Map<String, Long> outputs, String phase) {

    public ActivityRecorded {
        outputs = Map.copyOf(outputs);
    }
}
