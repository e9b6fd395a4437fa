package vn.lantoa.importing;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import vn.lantoa.planformat.Warning;

/**
 * Đọc PDF có lớp văn bản. PDFBox gives text with positions; this class puts the lines back into paragraphs (line
 * gaps, indentation, list labels, sentence ends), finds centred lines, and splits the two-column header (issuer on
 * the left, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or "ĐẢNG CỘNG SẢN VIỆT NAM" on the right) and the two-column
 * signature block into column 1 and column 2.
 *
 * <p>The page count the file claims is not trusted: at most {@link ImportLimits#maxPdfPages()} pages are read, and
 * the reading stops when the thread is interrupted (the import's timeout).
 */
final class PdfReader {

    private static final Pattern PAGE_NUMBER = Pattern.compile("^[-–—\\s]*(?:Trang\\s*)?\\d{1,3}(?:\\s*/\\s*\\d{1,3})?[-–—\\s]*$");

    /** Inflated content of one page; a typical page holds 10–100 KB. */
    static final long MAX_PAGE_CONTENT_BYTES = 16L * 1024 * 1024;

    private final ImportLimits limits;

    PdfReader(ImportLimits limits) {
        this.limits = limits;
    }

    record Chunk(int page, float x0, float x1, float y, float size, boolean bold, boolean italic, String text) {
    }

    DocumentText read(Path file) {
        List<Chunk> chunks;
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                IOUtils.createMemoryOnlyStreamCache())) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw ImportRejected.pdfEncrypted();
            }
            Collector collector = new Collector(limits);
            collector.setSortByPosition(true);
            collector.setStartPage(1);
            collector.setEndPage(limits.maxPdfPages());
            collector.writeText(document, Writer.nullWriter());
            chunks = collector.chunks;
        } catch (InvalidPasswordException e) {
            throw ImportRejected.pdfEncrypted();
        } catch (IOException e) {
            if (e.getCause() instanceof ReadInterrupted interrupted) {
                throw interrupted;
            }
            throw ImportRejected.corrupt("PDF");
        } catch (ReadInterrupted | vn.lantoa.shared.Problem e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // PDFBox on a malformed file: a cycle, a wrong type, nesting too deep
            throw ImportRejected.corrupt("PDF");
        }
        if (chunks.isEmpty()) {
            throw ImportRejected.pdfNoText();
        }
        return layout(chunks);
    }

    /** The text of each page as positioned chunks, checked against the limits as it comes. */
    private static final class Collector extends PDFTextStripper {
        final List<Chunk> chunks = new ArrayList<>();
        private final ImportLimits limits;
        private long chars;
        private long glyphs;
        private int operators;

        Collector(ImportLimits limits) {
            this.limits = limits;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if ((++operators & 0xff) == 0 && Thread.currentThread().isInterrupted()) {
                throw new ReadInterrupted();
            }
            super.processOperator(operator, operands);
        }

        @Override
        public void processPage(PDPage page) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new ReadInterrupted();
            }
            checkContentSize(page);
            super.processPage(page);
        }

        /** A page's content streams, inflated, must stay reasonable (a Flate bomb inflates 200 KB to 200 MB). */
        private void checkContentSize(PDPage page) throws IOException {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (java.io.InputStream in = page.getContents()) {
                if (in == null) {
                    return;
                }
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_PAGE_CONTENT_BYTES) {
                        throw ImportRejected.tooMuchContent(limits.maxChars());
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new ReadInterrupted();
                    }
                }
            }
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            // counted as the glyphs come: the stripper would otherwise gather a whole page before writing any of it
            if (++glyphs > limits.maxChars()) {
                throw ImportRejected.tooMuchContent(limits.maxChars());
            }
            super.processTextPosition(text);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (positions.isEmpty() || text.isBlank()) {
                return;
            }
            chars += text.length();
            if (chars > limits.maxChars()) {
                throw ImportRejected.tooMuchContent(limits.maxChars());
            }
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            String font = first.getFont() == null || first.getFont().getName() == null ? ""
                    : first.getFont().getName().toLowerCase(Locale.ROOT);
            boolean bold = font.contains("bold") || font.contains("black") || font.contains("heavy") || font.endsWith(",b");
            boolean italic = font.contains("italic") || font.contains("oblique");
            chunks.add(new Chunk(getCurrentPageNo(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                    first.getYDirAdj(), first.getFontSizeInPt(), bold, italic, text));
        }
    }

    /** One line of text: its chunks left to right. */
    private static final class Line {
        final int page;
        final float y;
        final List<Chunk> chunks = new ArrayList<>();
        int number;
        int column;

        Line(int page, float y) {
            this.page = page;
            this.y = y;
        }

        float x0() {
            return chunks.get(0).x0();
        }

        float x1() {
            return chunks.get(chunks.size() - 1).x1();
        }

        String text() {
            StringBuilder s = new StringBuilder();
            for (Chunk c : chunks) {
                if (s.length() > 0) {
                    s.append(' ');
                }
                s.append(c.text().strip());
            }
            return s.toString();
        }

        float size() {
            return chunks.get(0).size();
        }
    }

    private DocumentText layout(List<Chunk> chunks) {
        List<Line> lines = lines(chunks);
        dropPageNumbers(lines);
        if (lines.isEmpty()) {
            throw ImportRejected.pdfNoText();
        }
        float[] x0s = new float[lines.size()];
        float[] x1s = new float[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            x0s[i] = lines.get(i).x0();
            x1s[i] = lines.get(i).x1();
        }
        Arrays.sort(x0s);
        Arrays.sort(x1s);
        float left = x0s[(int) (x0s.length * 0.05)];
        float right = x1s[Math.min(x1s.length - 1, (int) (x1s.length * 0.95))];
        float spacing = modalSpacing(lines);

        List<Line> header = twoColumnZone(lines, 0, left, right, true);
        List<Line> signature = twoColumnZone(lines, header.size(), left, right, false);
        List<TextBlock> blocks = new ArrayList<>();
        List<Line> body = lines.subList(header.size(), lines.size() - signature.size());
        paragraphsOfColumns(header, blocks, left, right, spacing);
        paragraphs(body, 0, blocks, left, right, spacing);
        paragraphsOfColumns(signature, blocks, left, right, spacing);
        return new DocumentText(SourceFormat.PDF, blocks, List.<Warning>of());
    }

    private static List<Line> lines(List<Chunk> chunks) {
        List<Line> lines = new ArrayList<>();
        Line current = null;
        Map<Integer, Integer> perPage = new HashMap<>();
        for (Chunk chunk : chunks) {
            if (current == null || current.page != chunk.page() || Math.abs(current.y - chunk.y()) > Math.max(2f, chunk.size() * 0.3f)) {
                current = new Line(chunk.page(), chunk.y());
                lines.add(current);
            }
            current.chunks.add(chunk);
        }
        for (Line line : lines) {
            line.chunks.sort((a, b) -> Float.compare(a.x0(), b.x0()));
            line.number = perPage.merge(line.page, 1, Integer::sum);
        }
        return lines;
    }

    /** Page numbers and "Trang 2" alone as the first or last line of a page are not text of the document. */
    private static void dropPageNumbers(List<Line> lines) {
        List<Line> drop = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            boolean firstOfPage = i == 0 || lines.get(i - 1).page != line.page;
            boolean lastOfPage = i == lines.size() - 1 || lines.get(i + 1).page != line.page;
            if ((firstOfPage || lastOfPage) && line.chunks.size() == 1 && PAGE_NUMBER.matcher(line.text()).matches()) {
                drop.add(line);
            }
        }
        lines.removeAll(drop);
    }

    /** The usual distance between two lines of one paragraph. */
    private static float modalSpacing(List<Line> lines) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            Line a = lines.get(i - 1);
            Line b = lines.get(i);
            if (a.page == b.page && b.y > a.y) {
                counts.merge(Math.round((b.y - a.y) * 2), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() / 2f).orElse(16f);
    }

    /**
     * The lines at the top of the first page (or at the end of the last) that stand in two columns: each line is in
     * one half only, or in two parts with a wide gap across the middle. Splits the two-part lines and marks each line
     * with its column. Empty when there is no such zone, or when nothing stands in the right half.
     */
    private static List<Line> twoColumnZone(List<Line> lines, int from, float left, float right, boolean top) {
        float middle = (left + right) / 2;
        List<Line> zone = new ArrayList<>();
        boolean rightSide = false;
        boolean leftSide = false;
        int n = lines.size();
        for (int k = 0; k < n - from; k++) {
            int i = top ? from + k : n - 1 - k;
            Line line = lines.get(i);
            if (top && line.page != lines.get(from).page || !top && line.page != lines.get(n - 1).page) {
                break;
            }
            float gapLimit = line.size() * 2.5f;
            int split = -1;
            for (int c = 1; c < line.chunks.size(); c++) {
                Chunk a = line.chunks.get(c - 1);
                Chunk b = line.chunks.get(c);
                if (b.x0() - a.x1() > gapLimit && a.x1() < middle + 20 && b.x0() > middle - 40) {
                    split = c;
                    break;
                }
            }
            if (split > 0) {
                zone.add(line);
                leftSide = true;
                rightSide = true;
            } else if (line.x1() < middle + 10) {
                zone.add(line);
                leftSide = true;
            } else if (line.x0() > middle - 10) {
                zone.add(line);
                rightSide = true;
            } else {
                break;
            }
        }
        if (!rightSide || !leftSide || zone.size() < 2) {
            return List.of();
        }
        if (!top) {
            java.util.Collections.reverse(zone);
        }
        return zone;
    }

    private void paragraphsOfColumns(List<Line> zone, List<TextBlock> blocks, float left, float right, float spacing) {
        if (zone.isEmpty()) {
            return;
        }
        float middle = (left + right) / 2;
        List<Line> leftLines = new ArrayList<>();
        List<Line> rightLines = new ArrayList<>();
        for (Line line : zone) {
            Line l = new Line(line.page, line.y);
            Line r = new Line(line.page, line.y);
            l.number = line.number;
            r.number = line.number;
            for (Chunk c : line.chunks) {
                ((c.x0() + c.x1()) / 2 < middle ? l : r).chunks.add(c);
            }
            if (!l.chunks.isEmpty()) {
                leftLines.add(l);
            }
            if (!r.chunks.isEmpty()) {
                rightLines.add(r);
            }
        }
        // the header and signature columns are short lines, each a unit of its own (issuer, "Số: …", a stamp)
        for (Line l : leftLines) {
            paragraphs(List.of(l), 1, blocks, left, middle, spacing);
        }
        for (Line r : rightLines) {
            paragraphs(List.of(r), 2, blocks, middle, right, spacing);
        }
    }

    private void paragraphs(List<Line> lines, int column, List<TextBlock> blocks, float left, float right, float spacing) {
        StringBuilder text = new StringBuilder();
        Line first = null;
        Line previous = null;
        boolean centered = true;
        boolean bold = true;
        boolean italic = true;
        float width = right - left;
        for (Line line : lines) {
            String lineText = line.text();
            boolean startsNew = previous == null;
            if (!startsNew) {
                boolean samePage = previous.page == line.page;
                float gap = line.y - previous.y;
                boolean previousShort = previous.x1() < right - width * 0.15f;
                startsNew = samePage && gap > spacing * 1.35f
                        || Paragraphs.startsItem(lineText)
                        || previousShort && Paragraphs.endsSentence(previous.text())
                        || samePage && line.x0() < previous.x0() - 8 && previousShort
                        || (previous.chunks.get(0).bold() != line.chunks.get(0).bold() && previousShort)
                        || Paragraphs.isUpperCase(previous.text()) != Paragraphs.isUpperCase(lineText);
            }
            if (startsNew) {
                emit(blocks, text, first, column, centered, bold, italic);
                first = line;
                centered = true;
                bold = true;
                italic = true;
            }
            Paragraphs.join(text, lineText);
            float leftMargin = line.x0() - left;
            float rightMargin = right - line.x1();
            centered &= leftMargin > 15 && Math.abs(leftMargin - rightMargin) < Math.max(12, width * 0.04f);
            for (Chunk c : line.chunks) {
                bold &= c.bold();
                italic &= c.italic();
            }
            previous = line;
        }
        emit(blocks, text, first, column, centered, bold, italic);
    }

    private static void emit(List<TextBlock> blocks, StringBuilder text, Line first, int column, boolean centered,
            boolean bold, boolean italic) {
        if (text.length() > 0 && first != null) {
            blocks.add(new TextBlock(Paragraphs.normalizeBullet(text.toString()), null, 0,
                    centered ? TextBlock.Alignment.CENTER : TextBlock.Alignment.LEFT, bold, italic, column,
                    "trang " + first.page + ", dòng " + first.number));
        }
        text.setLength(0);
    }
}
