package vn.lantoa.importing.structure;

import vn.lantoa.importing.TextBlock;

/**
 * One paragraph, cleaned (Markdown marks, bold asterisks and odd spaces gone), with its label read and its folded
 * form alongside.
 */
public final class Line {

    /** The cleaned text, label included. */
    public final String text;
    /** Same length as {@link #text}: lower case, no marks. */
    public final String folded;
    /** The label, or null. */
    public final Label label;
    /** The text after the label. */
    public final String body;
    /** {@link #body} folded. */
    public final String bodyFolded;
    public final TextBlock.Alignment alignment;
    public final int column;
    public final boolean bold;
    /** Where a person finds it ("đoạn 12"). */
    public final String where;

    Line(String text, Label label, TextBlock.Alignment alignment, int column, boolean bold, String where) {
        this.text = text;
        this.folded = Fold.of(text);
        this.label = label;
        int cut = label == null ? 0 : Math.min(label.length(), text.length());
        int end = text.length();
        while (cut < end && text.charAt(cut) <= ' ') {
            cut++;
        }
        while (end > cut && text.charAt(end - 1) <= ' ') {
            end--;
        }
        this.body = text.substring(cut, end);
        this.bodyFolded = folded.substring(cut, end); // folding keeps every character in its place
        this.alignment = alignment == null ? TextBlock.Alignment.LEFT : alignment;
        this.column = column;
        this.bold = bold;
        this.where = where;
    }

    static Line of(String text, TextBlock.Alignment alignment, int column, boolean bold, String where) {
        return new Line(text, Label.of(text), alignment, column, bold, where);
    }

    /** A line with the same attributes and other text. */
    Line with(String other) {
        return of(other, alignment, column, bold, where);
    }

    private byte caps = -1;

    /** Whether the line is written in capitals (remembered: asked often). */
    public boolean caps() {
        if (caps < 0) {
            caps = (byte) (Fold.isCaps(text) ? 1 : 0);
        }
        return caps == 1;
    }

    public boolean numbered() {
        return label != null && label.style().numbered();
    }

    /** A short quote of the line for a warning's "where". */
    public String quote() {
        String q = text.length() > 70 ? text.substring(0, 67).trim() + "…" : text;
        return where == null || where.isBlank() ? "“" + q + "”" : "“" + q + "” (" + where + ")";
    }

    @Override
    public String toString() {
        return text;
    }
}
