package vn.lantoa.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Reading rendered documents back in the tests: DOCX paragraphs in body order, PDF text per page. */
final class Rendered {

    private Rendered() {
    }

    static XWPFDocument docx(byte[] bytes) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty paragraph's text in body order, table cells row by row, left cell before right. */
    static List<String> docxLines(byte[] bytes) {
        try (XWPFDocument doc = docx(bytes)) {
            List<String> lines = new ArrayList<>();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    add(lines, p);
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cell.getParagraphs().forEach(p -> add(lines, p));
                        }
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(List<String> lines, XWPFParagraph p) {
        String text = p.getText();
        if (!text.isBlank()) {
            lines.add(text);
        }
    }

    /** The text of each page, lines sorted by their position on the page (the columns of a line merged). */
    static List<String> pdfPages(byte[] bytes) {
        return pdfPages(bytes, true);
    }

    /** The text of each page, in position order or in the order it was written (a column's lines together). */
    static List<String> pdfPages(byte[] bytes, boolean byPosition) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(byPosition);
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
