package vn.lantoa.importing;

/**
 * One paragraph of a document as a reader found it, in reading order.
 *
 * @param text      the paragraph's text in NFC, without its automatic list label; lines of one paragraph joined
 *                  with a single space (PDF and hard-wrapped TXT lines are re-joined by the reader where it can tell)
 * @param label     the list label that Word's automatic numbering displays ("1.", "2.1.", "a)", "-", "I.") and that
 *                  is therefore not in {@code text}; null when the label (if any) is part of the text itself
 * @param level     the list or outline level the format states (0 = top; 0 when unknown)
 * @param alignment how the paragraph is aligned, when the format says (DOCX, PDF by position); LEFT otherwise
 * @param bold      the whole paragraph is bold
 * @param italic    the whole paragraph is italic
 * @param column    0 for the full width; 1 and 2 for the left and right cells of a two-column layout (the header
 *                  table of an official document: issuer on the left, national motto or party name on the right;
 *                  the signature table: recipients on the left, signer on the right)
 * @param where     where a person finds it: "đoạn 12", "trang 2, dòng 5"
 */
public record TextBlock(String text, String label, int level, Alignment alignment, boolean bold, boolean italic,
        int column, String where) {

    public enum Alignment { LEFT, CENTER, RIGHT, JUSTIFY }

    /** The text as a person sees it: the label, if any, then the text. */
    public String displayed() {
        return label == null || label.isEmpty() ? text : label + " " + text;
    }
}
