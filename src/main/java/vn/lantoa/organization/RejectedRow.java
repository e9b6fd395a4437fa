package vn.lantoa.organization;

/**
 * A row of a bulk-load file that cannot be loaded, and why (in Vietnamese).
 *
 * @param row the row number as the spreadsheet shows it (the header is row 1)
 */
public record RejectedRow(int row, String reason) {
}
