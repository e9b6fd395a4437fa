package vn.lantoa.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import vn.lantoa.planformat.Warning;

/**
 * Đọc văn bản thuần: a TXT or Markdown file. The encoding is UTF-8 (with or without a BOM) or UTF-16 with a BOM;
 * bytes that are not UTF-8 are either a legacy Vietnamese encoding (converted, with a warning) or refused with the
 * line and column of the first bad byte. Markdown marks are taken away; lines wrapped by hand or by a PDF
 * extraction are joined back into paragraphs.
 */
final class TextReader {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?$");
    private static final Pattern MD_BULLET = Pattern.compile("^([-*+•])\\s+");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\p{Punct}])");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\w])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![*\\w])");
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>");
    private static final Pattern RULE = Pattern.compile("^\\s*([-*_=])(\\s*\\1){2,}\\s*$");

    private final ImportLimits limits;

    TextReader(ImportLimits limits) {
        this.limits = limits;
    }

    DocumentText read(byte[] bytes, boolean markdownName) {
        List<Warning> warnings = new ArrayList<>();
        String text = decode(bytes, warnings);
        if (text.length() > limits.maxChars()) {
            throw ImportRejected.tooMuchContent(limits.maxChars());
        }
        LegacyEncoding.Converted legacy = LegacyEncoding.detect(text);
        if (legacy != null) {
            text = legacy.text();
            warnings.add(DocumentReader.legacyWarning(legacy.kind(), "toàn văn bản"));
        }
        boolean markdown = markdownName || looksLikeMarkdown(text);
        List<TextBlock> blocks = blocks(text, markdown);
        return new DocumentText(markdown ? SourceFormat.MARKDOWN : SourceFormat.TXT, blocks, warnings);
    }

    /** The text of the bytes, or a refusal naming where the first byte that is not UTF-8 is. */
    private String decode(byte[] bytes, List<Warning> warnings) {
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        }
        if (charset == StandardCharsets.UTF_8) {
            for (int i = offset; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    throw ImportRejected.unsupported(); // a binary file, whatever its name says
                }
            }
            // the JDK's own decoding (the fast one) puts U+FFFD for every malformed sequence: without one in its
            // result the bytes were valid UTF-8 and the text is what the strict decoder below would give
            String text = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return text;
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) bytes.length + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            if (charset == StandardCharsets.UTF_8) {
                LegacyEncoding.Converted legacy = LegacyEncoding.detect(Arrays.copyOfRange(bytes, offset, bytes.length));
                if (legacy != null) {
                    warnings.add(DocumentReader.legacyWarning(legacy.kind(), "toàn văn bản"));
                    return legacy.text();
                }
            }
            out.flip();
            String before = out.toString();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw ImportRejected.textEncoding(line, before.length() - lineStart + 1);
        }
        try {
            decoder.flush(out);
        } catch (RuntimeException e) {
            throw ImportRejected.corrupt("văn bản");
        }
        out.flip();
        return out.toString();
    }

    private static boolean looksLikeMarkdown(String text) {
        int marks = 0;
        for (String line : text.split("\n", 200)) {
            String l = line.strip();
            if (l.startsWith("#") && HEADING.matcher(l).matches() || l.startsWith("**") || l.startsWith("|")) {
                if (++marks >= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Line(String text, int number, int indent, boolean heading, boolean bold, boolean italic) {
    }

    private List<TextBlock> blocks(String text, boolean markdown) {
        String[] raw = lines(text);
        List<TextBlock> blocks = new ArrayList<>();
        List<String[]> table = new ArrayList<>();
        int tableLine = 0;
        StringBuilder paragraph = new StringBuilder();
        Line first = null;
        Line previous = null;
        int wrap = wrapWidth(raw);
        for (int i = 0; i < raw.length; i++) {
            if ((i & 0xff) == 0 && Thread.currentThread().isInterrupted()) {
                throw new ReadInterrupted();
            }
            String rawLine = raw[i];
            String stripped = rawLine.strip();
            if (stripped.startsWith("|") && stripped.endsWith("|") && stripped.length() > 1) {
                flush(blocks, paragraph, first);
                first = null;
                previous = null;
                if (!TABLE_SEPARATOR.matcher(stripped).matches()) {
                    if (table.isEmpty()) {
                        tableLine = i + 1;
                    }
                    table.add(cells(stripped));
                }
                continue;
            }
            if (!table.isEmpty()) {
                flushTable(blocks, table, tableLine);
                table.clear();
            }
            Line line = markdownLine(rawLine, i + 1); // "**" and "#" are marks in any text file
            if (line == null) { // blank, or a rule
                flush(blocks, paragraph, first);
                first = null;
                previous = null;
                continue;
            }
            boolean startsNew = previous == null || line.heading() || previous.heading()
                    || Paragraphs.startsItem(line.text())
                    || (Paragraphs.endsSentence(previous.text()) && previous.text().length() < wrap * 0.8)
                    || line.bold() != previous.bold()
                    || Paragraphs.isUpperCase(previous.text()) != Paragraphs.isUpperCase(line.text());
            if (startsNew) {
                flush(blocks, paragraph, first);
                first = line;
            }
            Paragraphs.join(paragraph, line.text());
            previous = line;
        }
        if (!table.isEmpty()) {
            flushTable(blocks, table, tableLine);
        }
        flush(blocks, paragraph, first);
        return blocks;
    }

    /** The text cut at its line breaks (CR LF, CR or LF), as {@code split("\r\n|\r|\n", -1)} without the regex. */
    static String[] lines(String text) {
        List<String> out = new ArrayList<>(text.length() / 40 + 4);
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out.toArray(new String[0]);
    }

    /** The length at which the text's lines were wrapped (a high percentile of the lengths of lines that go on). */
    private static int wrapWidth(String[] raw) {
        int[] lengths = new int[raw.length];
        int n = 0;
        for (int i = 0; i + 1 < raw.length; i++) {
            if (!raw[i].isBlank() && !raw[i + 1].isBlank()) {
                lengths[n++] = strippedLength(raw[i]);
            }
        }
        if (n < 3) {
            return Integer.MAX_VALUE / 2;
        }
        Arrays.sort(lengths, 0, n);
        return Math.max(20, lengths[(int) (n * 0.9)]);
    }

    /** {@code line.strip().length()} without the copy. */
    private static int strippedLength(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end - start;
    }

    private static Line markdownLine(String raw, int number) {
        String text = raw.strip();
        if (text.isEmpty() || "-*_=".indexOf(text.charAt(0)) >= 0 && RULE.matcher(text).matches()) {
            return null;
        }
        boolean heading = false;
        if (text.charAt(0) == '#') {
            var h = HEADING.matcher(text);
            if (h.matches()) {
                text = h.group(1);
                heading = true;
            }
        }
        if (text.startsWith("> ")) {
            text = text.substring(2).strip();
        }
        String bullet = "";
        if ("-*+•".indexOf(text.charAt(0)) >= 0) {
            var b = MD_BULLET.matcher(text);
            if (b.find()) {
                bullet = b.group(1).equals("+") ? "+ " : "- ";
                text = text.substring(b.end());
            }
        }
        boolean bold = false;
        boolean italic = false;
        if (text.length() > 4 && text.startsWith("**") && text.endsWith("**")) {
            bold = true;
        } else if (text.length() > 2 && (text.startsWith("*") && text.endsWith("*") || text.startsWith("_") && text.endsWith("_"))
                && !text.startsWith("* ")) {
            italic = true;
            text = text.substring(1, text.length() - 1);
        }
        if (text.indexOf('*') >= 0 || text.indexOf("__") >= 0) {
            text = text.replace("**", "").replace("__", "");
            text = EMPHASIS.matcher(text).replaceAll("$1");
            if (text.indexOf('*') > 0 && !text.endsWith(" *")) {
                text = text.charAt(0) + text.substring(1).replace("*", ""); // an emphasis mark left unpaired
            }
        }
        if (text.indexOf("](") >= 0) {
            text = LINK.matcher(text).replaceAll("$1");
        }
        if (text.indexOf('\\') >= 0) {
            text = ESCAPE.matcher(text).replaceAll("$1");
        }
        text = text.strip();
        if (text.isEmpty()) {
            return null;
        }
        return new Line(bullet + Paragraphs.normalizeBullet(text), number, indent(raw), heading, bold || heading, italic);
    }

    private static int indent(String raw) {
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ') {
                n++;
            } else if (c == '\t') {
                n += 4;
            } else {
                break;
            }
        }
        return n;
    }

    private static String[] cells(String row) {
        String inner = row.strip();
        if (inner.startsWith("|")) {
            inner = inner.substring(1);
        }
        if (inner.endsWith("|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        String[] cells = inner.split("(?<!\\\\)\\|", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = ESCAPE.matcher(cells[i].replace("**", "")).replaceAll("$1").strip();
        }
        return cells;
    }

    /** A two-column table (the header or the signature) gives column 1, then column 2; others read row by row. */
    private static void flushTable(List<TextBlock> blocks, List<String[]> rows, int firstLine) {
        boolean twoColumns = rows.stream().allMatch(r -> r.length == 2);
        if (twoColumns) {
            for (int column = 0; column < 2; column++) {
                for (int r = 0; r < rows.size(); r++) {
                    for (String part : rows.get(r)[column].split("<br\\s*/?>")) {
                        add(blocks, part, null, column + 1, firstLine + r);
                    }
                }
            }
            return;
        }
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            List<String> texts = new ArrayList<>(row.length);
            for (String cell : row) {
                texts.add(BREAK.matcher(cell).replaceAll(" "));
            }
            cells.add(texts);
        }
        List<AssignmentTable.Item> items = AssignmentTable.read(cells);
        if (items != null) {
            for (AssignmentTable.Item item : items) {
                add(blocks, item.text(), null, 0, firstLine + item.row() - 1);
            }
            return;
        }
        for (int r = 0; r < rows.size(); r++) {
            for (String cell : rows.get(r)) {
                add(blocks, cell, null, 0, firstLine + r);
            }
        }
    }

    private static void flush(List<TextBlock> blocks, StringBuilder paragraph, Line first) {
        if (paragraph.length() > 0 && first != null) {
            int level = first.indent() >= 2 && first.text().startsWith("- ") || first.text().startsWith("+ ")
                    ? Math.min(8, first.indent() / 2) : 0;
            blocks.add(new TextBlock(paragraph.toString(), null, level, TextBlock.Alignment.LEFT,
                    first.bold(), first.italic(), 0, "dòng " + first.number()));
        }
        paragraph.setLength(0);
    }

    private static void add(List<TextBlock> blocks, String text, String label, int column, int line) {
        if (!text.isBlank()) {
            blocks.add(new TextBlock(text.strip(), label, 0, TextBlock.Alignment.LEFT, false, false, column,
                    "dòng " + line));
        }
    }
}
