/**
 * Báo cáo: reporting periods and regimes (Nghị định 09/2019/NĐ-CP and the Party's fixed dates), units' periodic
 * reports drafted from their activities, their review (return, accept), and the consolidation of a subtree's
 * figures up the tree. Publishes {@link vn.lantoa.reporting.ReportSubmitted} when a report is submitted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Báo cáo")
package vn.lantoa.reporting;
