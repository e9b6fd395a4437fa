package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF reader's own line and word building (PdfReader.Collector) on what office PDFs do: text drawn out of reading
 * order, words placed one by one, letters and their marks drawn apart, fake bold, text turned on its side.
 */
class PdfReaderTest {

    @TempDir
    Path dir;

    private interface Drawing {
        void draw(PDPageContentStream out, PDType0Font font) throws IOException;
    }

    /** The page's text: its paragraphs joined by a space. */
    private String read(Drawing drawing) throws IOException {
        Path file = dir.resolve("t.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font;
            try (InputStream in = getClass().getResourceAsStream("/document/fonts/LiberationSerif-Regular.ttf")) {
                font = PDType0Font.load(document, in, true);
            }
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                drawing.draw(out, font);
            }
            document.save(file.toFile());
        }
        return String.join(" ", new PdfReader(ImportLimits.DEFAULT).read(file).blocks().stream().map(TextBlock::text).toList());
    }

    private static void show(PDPageContentStream out, PDType0Font font, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(font, 13);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    @Test
    void linesComeInReadingOrderWhateverTheDrawingOrder() throws IOException {
        String text = read((out, font) -> {
            show(out, font, 85, 700, "Dòng thứ hai của văn bản.");
            show(out, font, 85, 750, "Dòng thứ nhất của văn bản.");
            show(out, font, 200, 725, "giữa dòng.");
            show(out, font, 85, 725, "Dòng ở");
        });
        assertThat(text).isEqualTo("Dòng thứ nhất của văn bản. Dòng ở giữa dòng. Dòng thứ hai của văn bản.");
    }

    @Test
    void wordsPlacedOneByOneAreWordsAndGlyphsDrawnTogetherAreOne() throws IOException {
        String text = read((out, font) -> {
            float x = 85;
            for (String word : "Ủy ban nhân dân huyện".split(" ")) {
                show(out, font, x, 700, word);
                x += font.getStringWidth(word) / 1000 * 13 + 9; // a justified line's wide spaces
            }
            // letters placed one by one without spaces, as some producers do: one word
            x = 85;
            for (String letter : List.of("T", "h", "a", "n", "h")) {
                show(out, font, x, 670, letter);
                x += font.getStringWidth(letter) / 1000 * 13;
            }
        });
        assertThat(text).isEqualTo("Ủy ban nhân dân huyện Thanh");
    }

    @Test
    void marksDrawnApartFromTheirLettersComeOutComposed() throws IOException {
        String nfd = Normalizer.normalize("Kế hoạch tuyên truyền Hà Nội", Normalizer.Form.NFD);
        String text = read((out, font) -> show(out, font, 85, 700, nfd));
        // each mark after its letter (DocumentReader then makes the text NFC)
        assertThat(Normalizer.normalize(text, Normalizer.Form.NFC)).isEqualTo("Kế hoạch tuyên truyền Hà Nội");
    }

    @Test
    void textDrawnTwiceOverItselfIsReadOnce() throws IOException {
        String text = read((out, font) -> {
            show(out, font, 85, 700, "TỔ CHỨC THỰC HIỆN");
            show(out, font, 85.4f, 700, "TỔ CHỨC THỰC HIỆN"); // fake bold: the same glyphs a hair to the right
        });
        assertThat(text).isEqualTo("TỔ CHỨC THỰC HIỆN");
    }

    @Test
    void textTurnedOnItsSideIsNotReadIntoTheLines() throws IOException {
        String text = read((out, font) -> {
            show(out, font, 85, 700, "Căn cứ Kế hoạch số 12/KH-UBND của Ủy ban nhân dân huyện.");
            out.beginText();
            out.setFont(font, 10);
            out.setTextMatrix(Matrix.getRotateInstance(Math.PI / 2, 40, 400));
            out.showText("BẢN SAO");
            out.endText();
        });
        assertThat(text).isEqualTo("Căn cứ Kế hoạch số 12/KH-UBND của Ủy ban nhân dân huyện.");
    }
}
