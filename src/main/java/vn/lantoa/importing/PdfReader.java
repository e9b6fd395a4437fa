package vn.lantoa.importing;

import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
import org.apache.pdfbox.pdmodel.font.PDFont;
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

    private static final int BOLD = 1;
    private static final int ITALIC = 2;
    /** PDFTextStripper's defaults: a gap wider than half a space, or than 0.3 of an average letter, parts two words. */
    private static final float SPACING_TOLERANCE = 0.5f;
    private static final float AVERAGE_CHAR_TOLERANCE = 0.3f;

    private final ImportLimits limits;

    PdfReader(ImportLimits limits) {
        this.limits = limits;
    }

    record Chunk(int page, float x0, float x1, float y, float size, boolean bold, boolean italic, String text) {
    }

    DocumentText read(Path file) {
        List<Line> lines;
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                IOUtils.createMemoryOnlyStreamCache())) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw ImportRejected.pdfEncrypted();
            }
            Collector collector = new Collector(limits);
            collector.setStartPage(1);
            collector.setEndPage(limits.maxPdfPages());
            collector.writeText(document, Writer.nullWriter());
            lines = collector.lines;
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
        if (lines.isEmpty()) {
            throw ImportRejected.pdfNoText();
        }
        return layout(lines);
    }

    /**
     * The glyphs of each page, taken as PDFBox shows them and put into lines and words here: one pass, without
     * PDFTextStripper's own sorting, duplicate search and word splitting (which cost more than the whole layout
     * below). A page's glyphs sit in flat arrays, reused from page to page.
     */
    private static final class Collector extends PDFTextStripper {
        final List<Line> lines = new ArrayList<>();
        private final ImportLimits limits;
        private final Map<PDFont, Integer> styles = new IdentityHashMap<>();
        private long chars;
        private long glyphs;
        private int operators;

        // the current page's glyphs, in drawing order
        private int n;
        private float[] x = new float[2048];
        private float[] end = new float[2048];
        private float[] y = new float[2048];
        private float[] size = new float[2048];
        private float[] space = new float[2048];
        private int[] style = new int[2048];
        private String[] text = new String[2048];
        /** The last glyph kept, for a diacritic drawn as a glyph of its own over it. */
        private TextPosition last;

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
            n = 0;
            last = null;
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
                int read;
                while ((read = in.read(buffer)) > 0) {
                    total += read;
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
        protected void processTextPosition(TextPosition glyph) {
            // counted as the glyphs come: a page could otherwise hold any number of them before it is laid out
            if (++glyphs > limits.maxChars()) {
                throw ImportRejected.tooMuchContent(limits.maxChars());
            }
            String unicode = glyph.getUnicode();
            if (unicode == null || unicode.isEmpty()) {
                return;
            }
            chars += unicode.length();
            if (chars > limits.maxChars()) {
                throw ImportRejected.tooMuchContent(limits.maxChars());
            }
            // a mark drawn on its own over a letter (PDFs of decomposed text): merged into the letter, as PDFBox does
            if (last != null && last.getDir() == glyph.getDir()) {
                if (glyph.isDiacritic() && last.contains(glyph)) {
                    last.mergeDiacritic(glyph);
                    text[n - 1] = last.getUnicode();
                    return;
                }
                if (last.isDiacritic() && glyph.contains(last)) {
                    glyph.mergeDiacritic(last);
                    n--;
                }
            }
            if (n == x.length) {
                grow();
            }
            x[n] = glyph.getXDirAdj();
            end[n] = x[n] + glyph.getWidthDirAdj();
            y[n] = glyph.getYDirAdj();
            size[n] = glyph.getFontSizeInPt();
            space[n] = glyph.getWidthOfSpace();
            style[n] = styleOf(glyph.getFont()) | direction(glyph.getDir()) << 2;
            text[n] = glyph.getUnicode();
            n++;
            last = glyph;
        }

        private void grow() {
            int capacity = x.length * 2;
            x = Arrays.copyOf(x, capacity);
            end = Arrays.copyOf(end, capacity);
            y = Arrays.copyOf(y, capacity);
            size = Arrays.copyOf(size, capacity);
            space = Arrays.copyOf(space, capacity);
            style = Arrays.copyOf(style, capacity);
            text = Arrays.copyOf(text, capacity);
        }

        private int styleOf(PDFont font) {
            Integer known = styles.get(font);
            if (known == null) {
                String name = font == null || font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
                boolean bold = name.contains("bold") || name.contains("black") || name.contains("heavy") || name.endsWith(",b");
                boolean italic = name.contains("italic") || name.contains("oblique");
                known = (bold ? BOLD : 0) | (italic ? ITALIC : 0);
                styles.put(font, known);
            }
            return known;
        }

        private static int direction(float dir) {
            return Math.round(dir / 90f) & 3;
        }

        /** Called by PDFTextStripper once the page's content has been shown: the page's lines. */
        @Override
        protected void writePage() {
            if (n == 0) {
                return;
            }
            // text turned against the page's own (a stamp, a watermark) is not read
            int[] perDirection = new int[4];
            for (int i = 0; i < n; i++) {
                perDirection[style[i] >> 2]++;
            }
            int direction = 0;
            for (int d = 1; d < 4; d++) {
                if (perDirection[d] > perDirection[direction]) {
                    direction = d;
                }
            }
            List<Run> runs = runs(direction);
            runs.sort(Run.TOP_DOWN);
            int page = getCurrentPageNo();
            int number = 0;
            for (int r = 0; r < runs.size();) {
                Run first = runs.get(r);
                float tolerance = Math.max(2f, first.size * 0.3f);
                int to = r + 1;
                while (to < runs.size() && Math.abs(runs.get(to).y - first.y) <= tolerance) {
                    to++;
                }
                Line line = line(page, first.y, runs.subList(r, to));
                if (!line.chunks.isEmpty()) {
                    line.number = ++number;
                    lines.add(line);
                }
                r = to;
            }
        }

        /** Glyphs drawn one after the other on one baseline, left to right: most of a line, a word, a stamp. */
        private List<Run> runs(int direction) {
            List<Run> runs = new ArrayList<>();
            Run run = null;
            for (int i = 0; i < n; i++) {
                if ((i & 0xffff) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new ReadInterrupted();
                }
                if ((style[i] >> 2) != direction) {
                    continue;
                }
                if (run == null || Math.abs(y[i] - run.y) > Math.max(1f, size[i] * 0.1f)
                        || x[i] < end[run.last] - Math.max(1f, (end[run.last] - x[run.last]) * 0.5f)) {
                    run = new Run(i, x[i], y[i], size[i]);
                    runs.add(run);
                }
                run.add(i);
            }
            return runs;
        }

        /** One line from its runs: glyphs left to right, duplicates dropped, cut into words where there is a gap. */
        private Line line(int page, float lineY, List<Run> runs) {
            runs.sort(Run.LEFT_RIGHT);
            int count = 0;
            for (Run run : runs) {
                count += run.count;
            }
            int[] order = new int[count];
            int k = 0;
            boolean overlapping = false;
            float reach = -Float.MAX_VALUE;
            for (Run run : runs) {
                overlapping |= run.x0 < reach - 1f;
                for (int g = 0; g < run.count; g++) {
                    int i = run.glyphs[g];
                    order[k++] = i;
                    reach = Math.max(reach, end[i]);
                }
            }
            if (overlapping) {
                sortByX(order);
            }
            Line line = new Line(page, lineY);
            StringBuilder word = new StringBuilder();
            int wordFirst = -1;
            int previous = -1;
            float previousSpace = -1;
            float previousCharWidth = -1;
            int seen = 0;
            for (int i : order) {
                if ((++seen & 0xfff) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new ReadInterrupted();
                }
                String t = text[i];
                float width = end[i] - x[i];
                if (previous >= 0 && t.equals(text[previous]) && Math.abs(x[i] - x[previous]) < width / t.length() / 3
                        && Math.abs(y[i] - y[previous]) < Math.max(1f, size[i] * 0.1f)) {
                    continue; // the same glyph drawn twice over itself (fake bold, a shadow)
                }
                if (isSpace(t)) {
                    addWord(line, page, word, wordFirst, previous);
                    wordFirst = -1;
                    previous = i;
                    continue;
                }
                if (wordFirst >= 0 && previous >= 0) {
                    float charWidth = width / t.length();
                    float spaceTolerance = space[i] <= 0 || Float.isNaN(space[i]) ? Float.MAX_VALUE
                            : (previousSpace < 0 ? space[i] : (space[i] + previousSpace) / 2) * SPACING_TOLERANCE;
                    float charTolerance = (previousCharWidth < 0 ? charWidth : (charWidth + previousCharWidth) / 2)
                            * AVERAGE_CHAR_TOLERANCE;
                    if (x[i] > end[previous] + Math.min(spaceTolerance, charTolerance)) {
                        addWord(line, page, word, wordFirst, previous);
                        wordFirst = -1;
                    }
                }
                if (wordFirst < 0) {
                    wordFirst = i;
                }
                appendNormalized(word, t);
                previous = i;
                previousSpace = space[i];
                previousCharWidth = width / t.length();
            }
            addWord(line, page, word, wordFirst, previous);
            return line;
        }

        private void addWord(Line line, int page, StringBuilder word, int first, int lastGlyph) {
            if (first >= 0 && word.length() > 0) {
                line.chunks.add(new Chunk(page, x[first], end[lastGlyph], y[first], size[first],
                        (style[first] & BOLD) != 0, (style[first] & ITALIC) != 0, word.toString()));
            }
            word.setLength(0);
        }

        /**
         * Glyph numbers sorted by x, stably. The input is nearly sorted (runs that overlap a little), which the JDK's
         * merge sort does in about linear time; an insertion sort did too, but took quadratic time on a hostile page
         * that draws millions of glyphs over one another, far past the import's timeout.
         */
        private void sortByX(int[] order) {
            Integer[] boxed = new Integer[order.length];
            for (int i = 0; i < order.length; i++) {
                boxed[i] = order[i];
            }
            int[] comparisons = {0};
            Arrays.sort(boxed, (a, b) -> {
                if ((++comparisons[0] & 0xffff) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new ReadInterrupted(); // millions of glyphs on one line: stop at the timeout
                }
                return x[a] < x[b] ? -1 : x[a] > x[b] ? 1 : 0;
            });
            for (int i = 0; i < order.length; i++) {
                order[i] = boxed[i];
            }
        }

        private static boolean isSpace(String t) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                    return false;
                }
            }
            return true;
        }

        /** Ligatures and presentation forms (U+FB00–FDFF, U+FE70–FEFF) as their letters, as PDFBox does. */
        private static void appendNormalized(StringBuilder word, String t) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c >= 0xFB00 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF) {
                    word.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
                } else {
                    word.append(c);
                }
            }
        }

        /** Consecutive glyph numbers first..last of the page, with where they start. */
        private static final class Run {
            static final Comparator<Run> TOP_DOWN = (a, b) -> a.y != b.y ? Float.compare(a.y, b.y) : Float.compare(a.x0, b.x0);
            static final Comparator<Run> LEFT_RIGHT = (a, b) -> Float.compare(a.x0, b.x0);

            final float x0;
            final float y;
            final float size;
            int[] glyphs = new int[16];
            int count;
            int last;

            Run(int first, float x0, float y, float size) {
                this.x0 = x0;
                this.y = y;
                this.size = size;
                this.last = first;
            }

            void add(int glyph) {
                if (count == glyphs.length) {
                    glyphs = Arrays.copyOf(glyphs, count * 2);
                }
                glyphs[count++] = glyph;
                last = glyph;
            }

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

    private DocumentText layout(List<Line> lines) {
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
                        || samePage && previousShort && firstLineIndent(line, left, right) && !hangs(line, previous)
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

    /**
     * A line set in by a first-line indent (not centred): after a short line, it starts a paragraph even when the
     * short line has no full stop ("1. Phòng Văn hóa và Thông tin" over its tasks).
     */
    private static boolean firstLineIndent(Line line, float left, float right) {
        float leftMargin = line.x0() - left;
        float rightMargin = right - line.x1();
        return leftMargin > 8 && leftMargin < (right - left) * 0.12f
                && Math.abs(leftMargin - rightMargin) >= Math.max(12, (right - left) * 0.04f);
    }

    /** A list item's second line set under the text after its bullet or number (a hanging indent). */
    private static boolean hangs(Line line, Line previous) {
        return previous.chunks.size() > 1 && Math.abs(line.x0() - previous.chunks.get(1).x0()) < 3;
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
