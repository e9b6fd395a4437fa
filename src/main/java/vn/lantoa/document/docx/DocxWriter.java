package vn.lantoa.document.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import vn.lantoa.document.layout.Layout;
import vn.lantoa.document.layout.Layout.Block;
import vn.lantoa.document.layout.Layout.Columns;
import vn.lantoa.document.layout.Layout.Grid;
import vn.lantoa.document.layout.Layout.Para;
import vn.lantoa.document.layout.Layout.Span;

/**
 * Writes a {@link Layout} as DOCX with Apache POI (XWPF): A4 and the margins of the layout, the font named on every
 * run, exact line heights and spacing, the header and signature as borderless two-column tables, rules as bottom
 * borders of short indented paragraphs, page numbers in a header shown from the second page (a different first
 * page, {@code w:titlePg}).
 */
public final class DocxWriter {

    private DocxWriter() {
    }

    /** Twentieths of a point. */
    static BigInteger twips(float pt) {
        return BigInteger.valueOf(Math.round(pt * 20));
    }

    public static byte[] write(Layout layout) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024)) {
            doc.getProperties().getCoreProperties().setTitle(layout.title());
            doc.getProperties().getCoreProperties().setCreator("Lan Tỏa");
            defaults(doc, layout);
            for (Block block : layout.blocks()) {
                if (block instanceof Para p) {
                    para(doc.createParagraph(), p, layout.font(), layout.page().textWidth());
                    if (p.rule() > 0) {
                        ruleInto(doc.createParagraph(), p, layout.page().textWidth());
                    }
                } else if (block instanceof Columns c) {
                    columns(doc, c, layout);
                } else if (block instanceof Grid g) {
                    grid(doc, g, layout);
                }
            }
            section(doc, layout);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document defaults: the font and the body size, Vietnamese as the language. */
    private static void defaults(XWPFDocument doc, Layout layout) {
        var styles = doc.createStyles();
        var defaults = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults.Factory.newInstance();
        CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(layout.font());
        fonts.setHAnsi(layout.font());
        fonts.setCs(layout.font());
        fonts.setEastAsia(layout.font());
        rpr.addNewLang().setVal("vi-VN");
        styles.setDefaultFonts(fonts);
        styles.setSpellingLanguage("vi-VN");
    }

    private static void section(XWPFDocument doc, Layout layout) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        Layout.Page page = layout.page();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(twips(page.width()));
        size.setH(twips(page.height()));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(twips(page.top()));
        mar.setBottom(twips(page.bottom()));
        mar.setLeft(twips(page.left()));
        mar.setRight(twips(page.right()));
        mar.setHeader(twips(page.top() / 2 - layout.numbers().size() / 2));
        mar.setFooter(twips(page.bottom() / 2));
        mar.setGutter(BigInteger.ZERO);
        if (layout.numbers().fromPage() > 1) {
            sect.addNewTitlePg(); // a different first page: its header is empty, no number on page 1
            XWPFHeader first = doc.createHeader(HeaderFooterType.FIRST);
            first.createParagraph();
        }
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph p = header.createParagraph();
        p.setAlignment(layout.numbers().position().endsWith("right") ? ParagraphAlignment.RIGHT : ParagraphAlignment.CENTER);
        field(p, "PAGE", layout.font(), layout.numbers().size());
    }

    private static void field(XWPFParagraph p, String instruction, String font, float size) {
        XWPFRun begin = run(p, font, size);
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = run(p, font, size);
        var text = instr.getCTR().addNewInstrText();
        text.setStringValue(" " + instruction + " ");
        text.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        XWPFRun separate = run(p, font, size);
        separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        XWPFRun shown = run(p, font, size);
        shown.setText("2");
        XWPFRun end = run(p, font, size);
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private static XWPFRun run(XWPFParagraph p, String font, float size) {
        XWPFRun r = p.createRun();
        r.setFontFamily(font);
        r.setFontSize((double) size);
        return r;
    }

    static void para(XWPFParagraph target, Para p, String font, float width) {
        target.setAlignment(switch (p.align()) {
            case LEFT -> ParagraphAlignment.LEFT;
            case CENTER -> ParagraphAlignment.CENTER;
            case RIGHT -> ParagraphAlignment.RIGHT;
            case JUSTIFY -> ParagraphAlignment.BOTH;
        });
        CTPPr ppr = target.getCTP().isSetPPr() ? target.getCTP().getPPr() : target.getCTP().addNewPPr();
        if (p.firstIndent() != 0 || p.leftIndent() != 0) {
            var ind = ppr.addNewInd();
            if (p.leftIndent() != 0) {
                ind.setLeft(twips(p.leftIndent()));
            }
            if (p.firstIndent() != 0) {
                ind.setFirstLine(twips(p.firstIndent()));
            }
        }
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setBefore(twips(p.spaceBefore()));
        spacing.setAfter(twips(p.spaceAfter()));
        spacing.setLine(twips(p.lineHeight()));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        if (p.keepWithNext()) {
            ppr.addNewKeepNext();
        }
        if (p.spans().isEmpty()) {
            // an empty line still has the size of its paragraph mark
            var mark = ppr.addNewRPr();
            mark.addNewSz().setVal(BigInteger.valueOf(Math.round(p.size() * 2)));
        }
        for (Span s : p.spans()) {
            XWPFRun r = run(target, font, p.size());
            r.setText(s.text());
            if (s.bold()) {
                r.setBold(true);
            }
            if (s.italic()) {
                r.setItalic(true);
            }
            if (s.underline()) {
                r.setUnderline(UnderlinePatterns.SINGLE);
            }
        }
    }

    /**
     * The rule under a paragraph: a paragraph 2 pt high with a bottom border, indented so that the border is as long
     * as the layout says and centred.
     */
    private static void ruleInto(XWPFParagraph target, Para p, float width) {
        CTPPr ppr = target.getCTP().addNewPPr();
        float side = Math.max(0, (width - p.rule()) / 2);
        var ind = ppr.addNewInd();
        ind.setLeft(twips(side));
        ind.setRight(twips(side));
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(twips(2));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        CTBorder bottom = ppr.addNewPBdr().addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(6)); // eighths of a point: 0.75 pt
        bottom.setSpace(BigInteger.ZERO);
        bottom.setColor("000000");
        ppr.addNewRPr().addNewSz().setVal(BigInteger.valueOf(2));
    }

    private static void columns(XWPFDocument doc, Columns c, Layout layout) {
        float total = layout.page().textWidth();
        float leftWidth = total * c.leftFraction();
        XWPFTable table = doc.createTable(1, 2);
        shape(table, List.of(leftWidth, total - leftWidth), false);
        XWPFTableRow row = table.getRow(0);
        cell(row.getCell(0), c.left(), layout.font(), leftWidth);
        cell(row.getCell(1), c.right(), layout.font(), total - leftWidth);
    }

    private static void grid(XWPFDocument doc, Grid g, Layout layout) {
        float total = layout.page().textWidth();
        int columns = g.widths().size();
        XWPFTable table = doc.createTable(g.rows().size(), columns);
        List<Float> widths = g.widths().stream().map(w -> w * total).toList();
        shape(table, widths, true);
        for (int r = 0; r < g.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r);
            if (r < g.headerRows()) {
                row.setRepeatHeader(true);
            }
            row.setCantSplitRow(true);
            List<List<Para>> cells = g.rows().get(r);
            for (int c = 0; c < columns; c++) {
                cell(row.getCell(c), c < cells.size() ? cells.get(c) : List.of(), layout.font(), widths.get(c));
            }
        }
        doc.createParagraph(); // Word needs a paragraph between two tables
    }

    /** Fixed column widths, no cell margins beyond the default, borders or none. */
    private static void shape(XWPFTable table, List<Float> widths, boolean borders) {
        CTTbl tbl = table.getCTTbl();
        CTTblPr pr = tbl.getTblPr() == null ? tbl.addNewTblPr() : tbl.getTblPr();
        CTTblWidth w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        float total = 0;
        for (float x : widths) {
            total += x;
        }
        w.setW(twips(total));
        w.setType(STTblWidth.DXA);
        pr.addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblBorders b = pr.isSetTblBorders() ? pr.getTblBorders() : pr.addNewTblBorders();
        STBorder.Enum kind = borders ? STBorder.SINGLE : STBorder.NONE;
        for (CTBorder border : new CTBorder[] {b.isSetTop() ? b.getTop() : b.addNewTop(),
            b.isSetBottom() ? b.getBottom() : b.addNewBottom(), b.isSetLeft() ? b.getLeft() : b.addNewLeft(),
            b.isSetRight() ? b.getRight() : b.addNewRight(), b.isSetInsideH() ? b.getInsideH() : b.addNewInsideH(),
            b.isSetInsideV() ? b.getInsideV() : b.addNewInsideV()}) {
            border.setVal(kind);
            if (borders) {
                border.setSz(BigInteger.valueOf(4));
                border.setColor("000000");
            }
        }
        CTTblGrid grid = tbl.getTblGrid() == null ? tbl.addNewTblGrid() : tbl.getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (float x : widths) {
            grid.addNewGridCol().setW(twips(x));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int i = 0; i < row.getTableCells().size(); i++) {
                var tcPr = row.getCell(i).getCTTc().isSetTcPr() ? row.getCell(i).getCTTc().getTcPr()
                        : row.getCell(i).getCTTc().addNewTcPr();
                CTTblWidth cw = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
                cw.setW(twips(widths.get(i)));
                cw.setType(STTblWidth.DXA);
            }
        }
    }

    /** A cell's paragraphs (the cell's first, empty paragraph is used for the first). */
    private static void cell(XWPFTableCell cell, List<Para> paras, String font, float width) {
        float inner = width - 2 * 5.4f; // Word's default cell margins, 0.08"
        boolean first = true;
        for (Para p : paras) {
            XWPFParagraph target = first ? cell.getParagraphs().get(0) : cell.addParagraph();
            first = false;
            para(target, p, font, inner);
            if (p.rule() > 0) {
                ruleInto(cell.addParagraph(), p, inner);
            }
        }
    }
}
