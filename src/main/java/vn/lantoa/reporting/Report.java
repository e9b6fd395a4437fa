package vn.lantoa.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Báo cáo: one unit's report on one plan for one period, with its figures (drafted live, frozen at each submission)
 * and the sources of each figure.
 *
 * @param id              stable id; null for a draft not saved yet (shown to a reader who may not write)
 * @param status          DRAFT, SUBMITTED, RETURNED (trả lại), ACCEPTED (tiếp nhận)
 * @param completion      where it stands against its deadline ("hoàn thành đúng hạn" …)
 * @param completionWords the same in officials' words
 * @param version         the version a change must carry (also the ETag)
 * @param revision        how many times it was submitted
 * @param receiverUnitId  the receiving body: the unit's parent, or null at the top of the tree
 * @param figures         totals per channel and indicator: own activities plus the children's accepted reports
 * @param notable         the unit's activities marked notable (hoạt động tiêu biểu) in the period
 * @param children        the children's reports this one consolidates
 * @param versions        every saved state, oldest first (only in the single-report answer)
 */
public record Report(Long id, long planId, long unitId, String unitName, String periodId, String periodLabel,
        LocalDate from, LocalDate to, LocalDate due, Status status, Completion completion, String completionWords,
        long version, int revision, Long receiverUnitId, String results, String shortcomings, String proposals,
        Instant submittedAt, Boolean onTime, String reviewComment, Instant reviewedAt, List<Figure> figures,
        List<Notable> notable, List<ChildReport> children, List<Version> versions) {

    /** The states of a report. */
    public enum Status {
        /** Dự thảo. */
        DRAFT,
        /** Đã gửi. */
        SUBMITTED,
        /** Bị trả lại (to be corrected and resubmitted). */
        RETURNED,
        /** Đã tiếp nhận. */
        ACCEPTED
    }

    /**
     * One figure and where it comes from.
     *
     * @param channel     the channel ({@code oral})
     * @param indicator   the indicator code, "" for the number of activities
     * @param name        the indicator's Vietnamese name ("Số hoạt động" for "")
     * @param unitLabel   its unit of count
     * @param quantity    the total: own + from reports
     * @param own         from the unit's own activities ({@code ownActivityIds})
     * @param fromReports from the children's accepted reports ({@code sourceReportIds})
     */
    public record Figure(String channel, String indicator, String name, String unitLabel, long quantity, long own,
            long fromReports, List<Long> ownActivityIds, List<Long> sourceReportIds) {
    }

    /** A notable activity, listed by name. */
    public record Notable(long activityId, String title, LocalDate startsOn, String place) {
    }

    /** A child unit's report as this one sees it. */
    public record ChildReport(long unitId, String unitName, Long reportId, Status status, String completionWords,
            Instant submittedAt, Boolean onTime) {
    }

    /** One saved state. */
    public record Version(long version, Status status, String results, String shortcomings, String proposals,
            String reviewComment, long savedBy, Instant savedAt) {
    }
}
