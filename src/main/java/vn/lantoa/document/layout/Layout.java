package vn.lantoa.document.layout;

import java.util.List;

/**
 * The intermediate form of a document that both writers consume: the page, the blocks in document order, and where
 * the page numbers go. All lengths in points; all text NFC.
 *
 * @param page    the page and its margins
 * @param font    the font family the DOCX names (the PDF embeds the bundled Liberation Serif, metric-compatible)
 * @param blocks  the content
 * @param numbers the page numbers
 * @param title   the document's title (metadata)
 */
public record Layout(Page page, String font, List<Block> blocks, PageNumbers numbers, String title) {

    public Layout {
        blocks = List.copyOf(blocks);
    }

    /** Page size and margins, in points. */
    public record Page(float width, float height, float top, float bottom, float left, float right) {

        public float textWidth() {
            return width - left - right;
        }
    }

    /**
     * Page numbers: from which page (the first page shows none), size, and position ({@code header-center}).
     */
    public record PageNumbers(int fromPage, float size, String position) {
    }

    /** A piece of the content. */
    public sealed interface Block permits Para, Columns, Grid {
    }

    public enum Align { LEFT, CENTER, RIGHT, JUSTIFY }

    /** A run of text of one style. */
    public record Span(String text, boolean bold, boolean italic, boolean underline) {

        public static Span plain(String text) {
            return new Span(text, false, false, false);
        }
    }

    /**
     * A paragraph.
     *
     * @param spans        its text
     * @param align        its alignment
     * @param size         font size (pt)
     * @param firstIndent  first-line indent (pt)
     * @param leftIndent   left indent of every line (pt)
     * @param spaceBefore  space before (pt)
     * @param spaceAfter   space after (pt)
     * @param lineHeight   exact line height (pt)
     * @param rule         width of a solid rule centred under the paragraph (pt), 0 for none
     * @param keepWithNext keep on the page of the next paragraph (headings)
     */
    public record Para(List<Span> spans, Align align, float size, float firstIndent, float leftIndent,
            float spaceBefore, float spaceAfter, float lineHeight, float rule, boolean keepWithNext) implements Block {

        public Para {
            spans = List.copyOf(spans);
        }

        public String text() {
            StringBuilder b = new StringBuilder();
            spans.forEach(s -> b.append(s.text()));
            return b.toString();
        }
    }

    /**
     * Two columns side by side without borders: the header (issuer | nation) and the signature area (recipients |
     * signer).
     *
     * @param leftFraction the left column's share of the text width
     */
    public record Columns(float leftFraction, List<Para> left, List<Para> right) implements Block {

        public Columns {
            left = List.copyOf(left);
            right = List.copyOf(right);
        }
    }

    /**
     * A table with borders (a report's figures).
     *
     * @param widths     each column's share of the text width
     * @param rows       rows of cells, each cell its paragraphs
     * @param headerRows how many first rows repeat on each page
     */
    public record Grid(List<Float> widths, List<List<List<Para>>> rows, int headerRows) implements Block {

        public Grid {
            widths = List.copyOf(widths);
            rows = rows.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
        }
    }
}
