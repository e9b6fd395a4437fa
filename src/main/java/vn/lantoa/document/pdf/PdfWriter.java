package vn.lantoa.document.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.apache.fontbox.ttf.TTFParser;

import vn.lantoa.document.layout.Fonts;
import vn.lantoa.document.layout.Layout;
import vn.lantoa.document.layout.Layout.Align;
import vn.lantoa.document.layout.Layout.Block;
import vn.lantoa.document.layout.Layout.Columns;
import vn.lantoa.document.layout.Layout.Grid;
import vn.lantoa.document.layout.Layout.Para;
import vn.lantoa.document.layout.Layout.Span;

/**
 * Writes a {@link Layout} as PDF with PDFBox. PDFBox places glyphs but does not lay out text, so this class breaks
 * lines (greedy, on spaces, with the widths of the bundled font), justifies them (the extra space spread over the gaps
 * with TJ adjustments, real space characters kept so that the text extracts with its spaces), paginates (headings kept
 * with the next line, table header rows repeated), and numbers the pages from the layout's first numbered page.
 * The four faces of Liberation Serif 2 are embedded as subsets; the text it receives is NFC (the layout made it so).
 */
public final class PdfWriter {

    /** Word's default left and right cell margins (0.08"), so that columns wrap as in the DOCX. */
    static final float CELL_PAD = 5.4f;
    private static final float RULE_HEIGHT = 2f;

    private final Layout layout;
    private final PDDocument doc;
    private final PDFont[] fonts = new PDFont[4];
    private PDPageContentStream cs;
    private float y;
    private boolean pageEmpty;
    private final List<PDPage> pages = new ArrayList<>();

    private PdfWriter(Layout layout, PDDocument doc) {
        this.layout = layout;
        this.doc = doc;
    }

    public static byte[] write(Layout layout) {
        try (PDDocument doc = new PDDocument()) {
            PdfWriter w = new PdfWriter(layout, doc);
            w.run();
            doc.getDocumentInformation().setTitle(layout.title());
            doc.getDocumentInformation().setCreator("Lan Tỏa");
            doc.getDocumentCatalog().setLanguage("vi-VN");
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() throws IOException {
        newPage();
        for (Block block : layout.blocks()) {
            if (block instanceof Para p) {
                para(p, layout.page().left(), layout.page().textWidth());
            } else if (block instanceof Columns c) {
                columns(c);
            } else if (block instanceof Grid g) {
                grid(g);
            }
        }
        cs.close();
        numbers();
    }

    // ---- pages

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        Layout.Page page = layout.page();
        PDPage p = new PDPage(new PDRectangle(page.width(), page.height()));
        doc.addPage(p);
        pages.add(p);
        cs = new PDPageContentStream(doc, p);
        y = page.height() - page.top();
        pageEmpty = true;
    }

    private float bottom() {
        return layout.page().bottom();
    }

    private PDFont font(int face) throws IOException {
        if (fonts[face] == null) {
            fonts[face] = PDType0Font.load(doc, new TTFParser().parse(new RandomAccessReadBuffer(Fonts.get().bytes(face))),
                    true);
        }
        return fonts[face];
    }

    /** The page numbers, centred in the top margin, from the layout's first numbered page. */
    private void numbers() throws IOException {
        Layout.PageNumbers n = layout.numbers();
        Layout.Page page = layout.page();
        for (int i = Math.max(0, n.fromPage() - 1); i < pages.size(); i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND,
                    true)) {
                String text = String.valueOf(i + 1);
                float width = Fonts.get().width(text, 0, n.size());
                float x = n.position().endsWith("right") ? page.width() - page.right() - width
                        : page.left() + (page.textWidth() - width) / 2;
                float headerTop = page.height() - (page.top() / 2 - n.size() / 2);
                s.beginText();
                s.setFont(font(0), n.size());
                s.setTextMatrix(Matrix.getTranslateInstance(x, headerTop - n.size() * Fonts.ASCENT));
                s.showText(text);
                s.endText();
            }
        }
    }

    // ---- paragraphs

    /** A piece of a word in one face. */
    record Piece(String text, int face, boolean underline, float width) {
    }

    /** A word: pieces with no space between them. */
    record Word(List<Piece> pieces, float width) {
    }

    /** A laid-out line. */
    record Line(List<Word> words, float natural, boolean first, boolean last) {
    }

    /** The words of a paragraph, with characters the font lacks shown as '?'. */
    static List<Word> words(Para p) {
        List<Word> words = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        Fonts fonts = Fonts.get();
        for (Span s : p.spans()) {
            int face = Fonts.face(s.bold(), s.italic());
            String text = s.text();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    if (!current.isEmpty()) {
                        words.add(word(current));
                        current = new ArrayList<>();
                    }
                    i++;
                    continue;
                }
                int j = i;
                StringBuilder b = new StringBuilder();
                while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
                    char x = text.charAt(j);
                    b.append(fonts.has(face, x) ? x : '?');
                    j++;
                }
                String piece = b.toString();
                current.add(new Piece(piece, face, s.underline(), fonts.width(piece, face, p.size())));
                i = j;
            }
        }
        if (!current.isEmpty()) {
            words.add(word(current));
        }
        return words;
    }

    private static Word word(List<Piece> pieces) {
        float w = 0;
        for (Piece p : pieces) {
            w += p.width();
        }
        return new Word(List.copyOf(pieces), w);
    }

    /** Greedy line breaking within a width. */
    static List<Line> lines(Para p, float width) {
        List<Word> words = words(p);
        List<Line> lines = new ArrayList<>();
        float space = Fonts.get().width(" ", 0, p.size());
        List<Word> line = new ArrayList<>();
        float natural = 0;
        for (Word w : words) {
            float avail = width - p.leftIndent() - (lines.isEmpty() ? p.firstIndent() : 0);
            float next = line.isEmpty() ? w.width() : natural + space + w.width();
            if (!line.isEmpty() && next > avail + 0.01f) {
                lines.add(new Line(line, natural, lines.isEmpty(), false));
                line = new ArrayList<>();
                natural = w.width();
            } else {
                natural = next;
            }
            line.add(w);
        }
        lines.add(new Line(line, natural, lines.isEmpty(), true));
        return lines;
    }

    /** Height of a paragraph laid out in a width, rule included, space before included. */
    static float height(Para p, float width) {
        return p.spaceBefore() + lines(p, width).size() * p.lineHeight() + p.spaceAfter()
                + (p.rule() > 0 ? RULE_HEIGHT : 0);
    }

    /** A paragraph in the flow: page breaks between lines, headings kept with the next lines. */
    private void para(Para p, float x, float width) throws IOException {
        List<Line> lines = lines(p, width);
        if (!pageEmpty) {
            y -= p.spaceBefore();
        }
        float need = p.keepWithNext() ? (lines.size() + 2) * p.lineHeight() : Math.min(2, lines.size()) * p.lineHeight();
        if (!pageEmpty && y - need < bottom()) {
            newPage();
        }
        for (Line line : lines) {
            if (y - p.lineHeight() < bottom() - 0.01f) {
                newPage();
            }
            drawLine(cs, p, line, x, y, width);
            y -= p.lineHeight();
            pageEmpty = false;
        }
        if (p.rule() > 0) {
            drawRule(cs, x + (width - p.rule()) / 2, y - RULE_HEIGHT / 2, p.rule());
            y -= RULE_HEIGHT;
        }
        y -= p.spaceAfter();
    }

    /** Draws paragraphs in a box from a top (no page breaks); returns the height used. */
    private float paras(List<Para> paras, float x, float top, float width) throws IOException {
        float cursor = top;
        for (Para p : paras) {
            cursor -= p.spaceBefore();
            for (Line line : lines(p, width)) {
                drawLine(cs, p, line, x, cursor, width);
                cursor -= p.lineHeight();
            }
            if (p.rule() > 0) {
                drawRule(cs, x + (width - p.rule()) / 2, cursor - RULE_HEIGHT / 2, p.rule());
                cursor -= RULE_HEIGHT;
            }
            cursor -= p.spaceAfter();
        }
        return top - cursor;
    }

    private static float height(List<Para> paras, float width) {
        float h = 0;
        for (Para p : paras) {
            h += height(p, width);
        }
        return h;
    }

    private void drawLine(PDPageContentStream s, Para p, Line line, float x, float top, float width)
            throws IOException {
        if (line.words().isEmpty()) {
            return;
        }
        float size = p.size();
        float start = x + p.leftIndent() + (line.first() ? p.firstIndent() : 0);
        float avail = width - p.leftIndent() - (line.first() ? p.firstIndent() : 0);
        float space = Fonts.get().width(" ", 0, size);
        float extra = 0;
        switch (p.align()) {
            case CENTER -> start += Math.max(0, (avail - line.natural()) / 2);
            case RIGHT -> start += Math.max(0, avail - line.natural());
            case JUSTIFY -> {
                if (!line.last() && line.words().size() > 1) {
                    extra = Math.max(0, (avail - line.natural()) / (line.words().size() - 1));
                }
            }
            default -> { }
        }
        float baseline = top - (p.lineHeight() - size * (Fonts.ASCENT + Fonts.DESCENT)) / 2 - size * Fonts.ASCENT;
        s.beginText();
        s.setTextMatrix(Matrix.getTranslateInstance(start, baseline));
        int face = -1;
        float pen = start;
        List<float[]> underlines = new ArrayList<>();
        for (int w = 0; w < line.words().size(); w++) {
            Word word = line.words().get(w);
            if (w > 0) {
                // the space in the face of the next word, widened by the justification
                int spaceFace = word.pieces().get(0).face();
                if (spaceFace != face) {
                    face = spaceFace;
                    s.setFont(font(face), size);
                }
                if (extra > 0) {
                    s.showTextWithPositioning(new Object[] {" ", -extra * 1000f / size});
                } else {
                    s.showText(" ");
                }
                pen += Fonts.get().width(" ", face, size) + extra;
            }
            for (Piece piece : word.pieces()) {
                if (piece.face() != face) {
                    face = piece.face();
                    s.setFont(font(face), size);
                }
                s.showText(piece.text());
                if (piece.underline()) {
                    underlines.add(new float[] {pen, piece.width()});
                }
                pen += piece.width();
            }
        }
        s.endText();
        for (float[] u : underlines) {
            s.setLineWidth(size * 0.05f);
            s.moveTo(u[0], baseline - size * 0.1f);
            s.lineTo(u[0] + u[1], baseline - size * 0.1f);
            s.stroke();
        }
    }

    private static void drawRule(PDPageContentStream s, float x, float y, float width) throws IOException {
        s.setLineWidth(0.75f);
        s.moveTo(x, y);
        s.lineTo(x + width, y);
        s.stroke();
    }

    // ---- columns and tables

    private void columns(Columns c) throws IOException {
        float total = layout.page().textWidth();
        float leftWidth = total * c.leftFraction();
        float rightWidth = total - leftWidth;
        float innerLeft = leftWidth - 2 * CELL_PAD;
        float innerRight = rightWidth - 2 * CELL_PAD;
        float h = Math.max(height(c.left(), innerLeft), height(c.right(), innerRight));
        if (!pageEmpty && y - h < bottom()) {
            newPage();
        }
        float x = layout.page().left();
        float a = paras(c.left(), x + CELL_PAD, y, innerLeft);
        float b = paras(c.right(), x + leftWidth + CELL_PAD, y, innerRight);
        y -= Math.max(a, b);
        pageEmpty = false;
    }

    private void grid(Grid g) throws IOException {
        float total = layout.page().textWidth();
        List<Float> widths = g.widths().stream().map(w -> w * total).toList();
        for (int r = 0; r < g.rows().size(); r++) {
            float h = rowHeight(g.rows().get(r), widths);
            if (!pageEmpty && y - h < bottom() && r >= g.headerRows()) {
                newPage();
                for (int hr = 0; hr < g.headerRows(); hr++) {
                    row(g.rows().get(hr), widths, rowHeight(g.rows().get(hr), widths));
                }
            }
            row(g.rows().get(r), widths, h);
        }
        // the paragraph Word needs after a table
        y -= layout.blocks().isEmpty() ? 0 : 2;
    }

    private static float rowHeight(List<List<Para>> cells, List<Float> widths) {
        float h = 0;
        for (int c = 0; c < widths.size(); c++) {
            List<Para> cell = c < cells.size() ? cells.get(c) : List.of();
            h = Math.max(h, height(cell, widths.get(c) - 2 * CELL_PAD));
        }
        return h;
    }

    private void row(List<List<Para>> cells, List<Float> widths, float h) throws IOException {
        float x = layout.page().left();
        cs.setLineWidth(0.5f);
        for (int c = 0; c < widths.size(); c++) {
            float w = widths.get(c);
            List<Para> cell = c < cells.size() ? cells.get(c) : List.of();
            paras(cell, x + CELL_PAD, y, w - 2 * CELL_PAD);
            cs.addRect(x, y - h, w, h);
            cs.stroke();
            x += w;
        }
        y -= h;
        pageEmpty = false;
    }
}
