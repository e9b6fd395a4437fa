package vn.lantoa.planformat;

import java.util.List;

/**
 * Chế độ báo cáo: who reports, to whom, through whom, how often and by when.
 *
 * @param from      the reporting unit(s), as written; null when the text does not say
 * @param to        the body reported to
 * @param via       the body the report goes through ("qua Ban Tuyên giáo Thành ủy"), or null
 * @param frequency how often, or null
 * @param due       the due dates the text gives
 */
public record ReportingDuty(String from, String to, String via, Frequency frequency, List<TimeRef> due) {

    public ReportingDuty {
        due = Lists.copy(due);
    }
}
