package vn.lantoa.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A plan's text (a fixture as its author typed it) laid out as a PDF the way an office prints one (Nghị định
 * 30/2020): the header in two columns side by side (issuer and number on the left, the national heading and the date
 * on the right), the kind and title centred in bold, paragraphs justified with a first-line indent (each word placed
 * on its own, as Word's PDF export does), the last line of a paragraph drawn as one string with its spaces, page
 * numbers at the top of pages 2 and on, "Nơi nhận" and the signature side by side at the end. Liberation Serif, the
 * font the document module bundles.
 */
final class PlanPdfs {

    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float LEFT = 85f; // 30 mm
    private static final float RIGHT = WIDTH - 57f; // 20 mm
    private static final float TOP = HEIGHT - 57f;
    private static final float BOTTOM = 57f;
    private static final float SIZE = 13f;
    private static final float LEADING = SIZE * 1.3f;
    private static final float INDENT = 28f;

    private final PDDocument document;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PDType0Font italic;
    private PDPageContentStream out;
    private int pages;
    private float y;

    private PlanPdfs(PDDocument document) throws IOException {
        this.document = document;
        this.regular = font("LiberationSerif-Regular.ttf");
        this.bold = font("LiberationSerif-Bold.ttf");
        this.italic = font("LiberationSerif-Italic.ttf");
    }

    private PDType0Font font(String name) throws IOException {
        try (InputStream in = PlanPdfs.class.getResourceAsStream("/document/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font not on the class path: " + name);
            }
            return PDType0Font.load(document, in, true);
        }
    }

    /** Writes the PDF form of a plan typed as plain text (one paragraph a line, blank lines between parts). */
    static Path write(String text, Path file) {
        try (PDDocument document = new PDDocument()) {
            PlanPdfs pdf = new PlanPdfs(document);
            pdf.layOut(text.replace("\r", "").split("\n"));
            pdf.out.close();
            document.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF form of a plan typed as plain text, read back by the importer's reader. */
    static DocumentText viaPdf(String text) {
        try {
            Path file = java.nio.file.Files.createTempFile("plan-", ".pdf");
            try {
                return new DocumentReader(ImportLimits.DEFAULT).read(write(text, file), "ke-hoach.pdf");
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void layOut(String[] lines) throws IOException {
        newPage();
        int i = 0;
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (; i < lines.length && !lines[i].strip().equals("KẾ HOẠCH"); i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean motto = line.startsWith("CỘNG HÒA") || line.startsWith("Độc lập") || line.startsWith("ĐẢNG CỘNG SẢN")
                    || line.contains(", ngày ");
            (motto ? right : left).add(line);
        }
        float middle = LEFT + (RIGHT - LEFT) * 0.4f;
        for (int row = 0; row < Math.max(left.size(), right.size()); row++) {
            if (row < left.size()) {
                String l = left.get(row);
                centred(l, l.startsWith("Số") ? regular : bold, 12.5f, LEFT - 20, middle);
            }
            if (row < right.size()) {
                String r = right.get(row);
                centred(r, r.contains(", ngày ") ? italic : bold, 12.5f, middle + 10, RIGHT + 20);
            }
            y -= LEADING;
        }
        y -= LEADING;
        // the kind, then the title up to the first blank line
        centred(lines[i++].strip(), bold, 14f, LEFT, RIGHT);
        y -= LEADING;
        for (; i < lines.length && !lines[i].isBlank(); i++) {
            for (String wrapped : wrap(lines[i].strip(), bold, 14f, RIGHT - LEFT - 60)) {
                centred(wrapped, bold, 14f, LEFT, RIGHT);
                y -= LEADING;
            }
        }
        y -= LEADING / 2;
        for (; i < lines.length && !lines[i].strip().equals("Nơi nhận:"); i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                paragraph(line);
            }
        }
        closing(lines, i);
    }

    /** A paragraph: headings in capitals bold and flush left, the rest indented and justified. */
    private void paragraph(String text) throws IOException {
        boolean heading = text.equals(text.toUpperCase(java.util.Locale.ROOT));
        PDType0Font font = heading ? bold : regular;
        float indent = heading ? 0 : INDENT;
        List<String> wrapped = wrap(text, font, SIZE, RIGHT - LEFT - indent);
        for (int k = 0; k < wrapped.size(); k++) {
            if (y < BOTTOM) {
                newPage();
            }
            float x = LEFT + (k == 0 ? indent : 0);
            if (k < wrapped.size() - 1) {
                justified(wrapped.get(k), font, x, RIGHT);
            } else {
                show(wrapped.get(k), font, SIZE, x);
            }
            y -= LEADING;
        }
        y -= 4;
    }

    /** "Nơi nhận" and its list on the left, the signature on the right, from the same height down. */
    private void closing(String[] lines, int from) throws IOException {
        List<String> recipients = new ArrayList<>();
        int i = from;
        for (; i < lines.length && !lines[i].isBlank(); i++) {
            recipients.add(lines[i].strip());
        }
        List<String> signature = new ArrayList<>();
        for (; i < lines.length; i++) {
            signature.add(lines[i].strip());
        }
        while (!signature.isEmpty() && signature.get(0).isEmpty()) {
            signature.remove(0);
        }
        if (y - LEADING * Math.max(recipients.size(), signature.size() + 3) < BOTTOM) {
            newPage();
        }
        y -= LEADING / 2;
        float top = y;
        for (int k = 0; k < recipients.size(); k++) {
            show(recipients.get(k), k == 0 ? italic : regular, k == 0 ? 12f : 11f, LEFT);
            y -= 14f;
        }
        y = top;
        float middle = LEFT + (RIGHT - LEFT) * 0.5f;
        for (String line : signature) {
            if (line.isEmpty()) {
                y -= LEADING * 3; // room for the signature and the seal
                continue;
            }
            centred(line, bold, SIZE, middle, RIGHT);
            y -= LEADING;
        }
    }

    private List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private void justified(String line, PDType0Font font, float from, float to) throws IOException {
        String[] words = line.split(" ");
        float inked = 0;
        for (String w : words) {
            inked += font.getStringWidth(w) / 1000 * SIZE;
        }
        float gap = words.length < 2 ? 0 : (to - from - inked) / (words.length - 1);
        float x = from;
        for (String w : words) {
            show(w, font, SIZE, x);
            x += font.getStringWidth(w) / 1000 * SIZE + gap;
        }
    }

    private void centred(String text, PDType0Font font, float size, float from, float to) throws IOException {
        float width = font.getStringWidth(text) / 1000 * size;
        show(text, font, size, from + (to - from - width) / 2);
    }

    private void show(String text, PDType0Font font, float size, float x) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        pages++;
        y = TOP;
        if (pages > 1) {
            centred(String.valueOf(pages), regular, 12f, LEFT, RIGHT);
            y -= LEADING * 2;
        }
    }
}
