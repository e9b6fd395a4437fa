package vn.lantoa.planformat;

import java.util.Locale;

/**
 * The stable warning codes of the spec's table. Each makes a {@link Warning} with its Vietnamese message from
 * {@code i18n/planformat.properties} (key {@code planformat.warning.<code>}).
 */
public enum WarningCode {
    /** The same symbol is cited with two different dates. Arguments: symbol, first date, other date. */
    INCONSISTENT_CITATION_DATE,
    /** Two sections or items at one level carry the same number. Argument: the number. */
    DUPLICATE_SECTION_NUMBER,
    /** A level's numbering skips. Arguments: the number before, the number after. */
    SECTION_NUMBER_GAP,
    /** One congress is given two different ordinals. Arguments: the congress, one ordinal, the other. */
    INCONSISTENT_EVENT_ORDINAL,
    /** A phase's end comes before its start. Argument: the phase. */
    PHASE_ENDS_BEFORE_START,
    /** A task or report is due before the document's own date. Arguments: the due date, the issue date. */
    DUE_BEFORE_ISSUE_DATE,
    /** The document is dated before a document it implements. Arguments: the basis, its date, the issue date. */
    ISSUED_BEFORE_BASIS,
    /** A symbol was repaired to be read. Arguments: as printed, as repaired. */
    SYMBOL_REPAIRED,
    /** The text was in a legacy Vietnamese encoding and was converted. Argument: the encoding. */
    LEGACY_ENCODING,
    /** The number or the date is left blank. Argument: what is missing ("số", "ngày"). */
    MISSING_NUMBER,
    /** The document does not read as a plan. Argument: why. */
    NOT_A_PLAN,
    /** A day and month were given without a year; the year was taken from the context. Arguments: as printed, year. */
    INFERRED_YEAR;

    /** The code as it appears in JSON: {@code inconsistent-citation-date}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant for a code, or null. */
    public static WarningCode fromCode(String code) {
        for (WarningCode c : values()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        return null;
    }

    /** A warning of this code, found at {@code where}, with its message filled from {@code args}. */
    public Warning at(String where, Object... args) {
        return new Warning(code(), Messages.get("planformat.warning." + code(), args), where);
    }
}
