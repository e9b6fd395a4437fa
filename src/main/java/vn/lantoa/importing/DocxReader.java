package vn.lantoa.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import vn.lantoa.planformat.Warning;

/**
 * Đọc tệp Word (.docx). The package is checked before any XML is parsed: entry count, duplicate names, declared and
 * actual inflated sizes, the content type of the main part (a macro-enabled package renamed .docx is refused), and
 * every XML part's prolog (no DOCTYPE). The parts are then streamed with StAX, DTDs off, nothing fetched
 * (external relationships are never followed: only the main part, its styles and its numbering are read).
 *
 * <p>What comes out: one {@link TextBlock} per paragraph with the label Word's automatic numbering displays,
 * alignment, bold and italic, and column 1/2 for the cells of two-column tables (the header and signature tables of
 * an official document). Runs in TCVN3 or VNI fonts are converted to Unicode.
 */
final class DocxReader {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final String MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String MAIN_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
    private static final int PROLOG_BYTES = 4096;

    private final ImportLimits limits;

    DocxReader(ImportLimits limits) {
        this.limits = limits;
    }

    DocumentText read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return read(zip);
        } catch (ZipException e) {
            throw ImportRejected.corrupt("Word");
        } catch (IOException e) {
            throw ImportRejected.corrupt("Word");
        } catch (XMLStreamException e) {
            throw ImportRejected.corrupt("Word");
        } catch (IllegalArgumentException e) { // malformed entry names
            throw ImportRejected.corrupt("Word");
        }
    }

    private DocumentText read(ZipFile zip) throws IOException, XMLStreamException {
        Map<String, ZipEntry> entries = checkEntries(zip);
        ZipEntry types = entries.get("[Content_Types].xml");
        if (types == null) {
            throw ImportRejected.corrupt("Word"); // a ZIP, but not an Office package
        }
        for (ZipEntry entry : entries.values()) {
            String name = entry.getName().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xml") || name.endsWith(".rels")) {
                checkProlog(zip, entry);
            }
        }
        String main = mainPart(zip, types);
        ZipEntry document = entries.get(main);
        if (document == null) {
            throw ImportRejected.corrupt("Word");
        }
        String dir = main.contains("/") ? main.substring(0, main.lastIndexOf('/') + 1) : "";
        Map<String, String> related = relationships(zip, entries.get(dir + "_rels/" + main.substring(dir.length()) + ".rels"), dir);
        DocxStyles styles = new DocxStyles();
        ZipEntry stylesEntry = entries.get(related.getOrDefault("styles", dir + "styles.xml"));
        if (stylesEntry != null) {
            try (InputStream in = open(zip, stylesEntry)) {
                styles.read(xml(in), limits.maxXmlDepth());
            }
        }
        DocxNumbering numbering = new DocxNumbering();
        ZipEntry numberingEntry = entries.get(related.getOrDefault("numbering", dir + "numbering.xml"));
        if (numberingEntry != null) {
            try (InputStream in = open(zip, numberingEntry)) {
                readNumbering(xml(in), numbering);
            }
        }
        try (InputStream in = open(zip, document)) {
            return new Body(styles, numbering).read(xml(in));
        }
    }

    private Map<String, ZipEntry> checkEntries(ZipFile zip) {
        if (zip.size() > limits.maxZipEntries()) {
            throw ImportRejected.zipBomb();
        }
        Map<String, ZipEntry> entries = new HashMap<>();
        var all = zip.entries();
        int count = 0;
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (++count > limits.maxZipEntries()) {
                throw ImportRejected.zipBomb();
            }
            String name = entry.getName();
            if (entries.put(name, entry) != null) {
                throw ImportRejected.corrupt("Word"); // two parts under one name: readers disagree on which counts
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")) {
                throw ImportRejected.macro();
            }
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size > limits.maxEntryBytes()) {
                if (compressed > 0 && size / (double) compressed > limits.maxInflateRatio()) {
                    throw ImportRejected.zipBomb();
                }
                throw ImportRejected.tooMuchContent(limits.maxChars());
            }
            if (size > 1_000_000 && compressed > 0 && size / (double) compressed > limits.maxInflateRatio()) {
                throw ImportRejected.zipBomb();
            }
        }
        return entries;
    }

    /** A part's stream, stopped when it inflates beyond what its compressed size or the limits allow. */
    private InputStream open(ZipFile zip, ZipEntry entry) throws IOException {
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long ratioCap = (long) Math.max(4_000_000, compressed * limits.maxInflateRatio());
        return new Bounded(zip.getInputStream(entry), limits.maxEntryBytes(), ratioCap);
    }

    /** Counts inflated bytes: past the ratio cap it is a bomb, past the entry cap too much content. */
    private static final class Bounded extends FilterInputStream {
        private final long maxBytes;
        private final long ratioCap;
        private long read;

        Bounded(InputStream in, long maxBytes, long ratioCap) {
            super(in);
            this.maxBytes = maxBytes;
            this.ratioCap = ratioCap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new ReadInterrupted();
            }
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > ratioCap) {
                throw ImportRejected.zipBomb();
            }
            if (read > maxBytes) {
                throw ImportRejected.tooMuchContent(0);
            }
        }
    }

    /** No DOCTYPE (entities, external DTDs, billion laughs) in any XML part of the package. */
    private void checkProlog(ZipFile zip, ZipEntry entry) throws IOException {
        byte[] head;
        try (InputStream in = open(zip, entry)) {
            head = in.readNBytes(PROLOG_BYTES);
        }
        String text;
        if (head.length >= 2 && ((head[0] == (byte) 0xff && head[1] == (byte) 0xfe) || (head[0] == 0x3c && head[1] == 0))) {
            text = new String(head, StandardCharsets.UTF_16LE);
        } else if (head.length >= 2 && ((head[0] == (byte) 0xfe && head[1] == (byte) 0xff) || (head[0] == 0 && head[1] == 0x3c))) {
            text = new String(head, StandardCharsets.UTF_16BE);
        } else {
            text = new String(head, StandardCharsets.ISO_8859_1);
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
            throw ImportRejected.xmlForbidden();
        }
    }

    private String mainPart(ZipFile zip, ZipEntry types) throws IOException, XMLStreamException {
        String main = null;
        boolean otherOffice = false;
        try (InputStream in = open(zip, types)) {
            XMLStreamReader xml = xml(in);
            while (xml.hasNext()) {
                int event = next(xml);
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Override")) {
                    String type = xml.getAttributeValue(null, "ContentType");
                    String part = xml.getAttributeValue(null, "PartName");
                    if (type == null || part == null) {
                        continue;
                    }
                    if (type.contains("macroEnabled")) {
                        throw ImportRejected.macro();
                    }
                    if (type.equals(MAIN_DOCUMENT) || type.equals(MAIN_TEMPLATE)) {
                        main = part.startsWith("/") ? part.substring(1) : part;
                    } else if (type.contains("spreadsheetml.sheet.main") || type.contains("presentationml.presentation.main")) {
                        otherOffice = true;
                    }
                }
            }
        }
        if (main == null) {
            throw otherOffice ? ImportRejected.unsupported() : ImportRejected.corrupt("Word");
        }
        return main;
    }

    /** Internal relationships of the main part by kind (styles, numbering); external targets are ignored. */
    private Map<String, String> relationships(ZipFile zip, ZipEntry rels, String dir) throws IOException, XMLStreamException {
        Map<String, String> byType = new HashMap<>();
        if (rels == null) {
            return byType;
        }
        try (InputStream in = open(zip, rels)) {
            XMLStreamReader xml = xml(in);
            while (xml.hasNext()) {
                if (next(xml) == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                    String type = xml.getAttributeValue(null, "Type");
                    String target = xml.getAttributeValue(null, "Target");
                    String mode = xml.getAttributeValue(null, "TargetMode");
                    if (type == null || target == null || "External".equalsIgnoreCase(mode)) {
                        continue;
                    }
                    String kind = type.substring(type.lastIndexOf('/') + 1);
                    String resolved = target.startsWith("/") ? target.substring(1) : dir + target;
                    byType.putIfAbsent(kind, resolved);
                }
            }
        }
        return byType;
    }

    private static final XMLInputFactory FACTORY = secureFactory();

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity refused");
        });
        return factory;
    }

    static XMLStreamReader xml(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /** The next event; a DTD anywhere is refused. */
    static int next(XMLStreamReader xml) throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw ImportRejected.xmlForbidden();
        }
        return event;
    }

    private void readNumbering(XMLStreamReader xml, DocxNumbering numbering) throws XMLStreamException {
        DocxNumbering.Abstract currentAbstract = null;
        DocxNumbering.Num currentNum = null;
        DocxNumbering.Level level = null;
        int overrideLevel = -1;
        int depth = 0;
        while (xml.hasNext()) {
            int event = next(xml);
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                String name = xml.getLocalName();
                if (name.equals("abstractNum")) {
                    currentAbstract = null;
                } else if (name.equals("num")) {
                    currentNum = null;
                } else if (name.equals("lvl")) {
                    level = null;
                } else if (name.equals("lvlOverride")) {
                    overrideLevel = -1;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (++depth > limits.maxXmlDepth()) {
                throw ImportRejected.corrupt("Word");
            }
            String name = xml.getLocalName();
            String val = xml.getAttributeValue(W, "val");
            switch (name) {
                case "abstractNum" -> {
                    currentAbstract = new DocxNumbering.Abstract();
                    numbering.abstracts.put(xml.getAttributeValue(W, "abstractNumId"), currentAbstract);
                }
                case "num" -> {
                    currentNum = new DocxNumbering.Num();
                    numbering.nums.put(xml.getAttributeValue(W, "numId"), currentNum);
                }
                case "abstractNumId" -> {
                    if (currentNum != null) {
                        currentNum.abstractId = val;
                    }
                }
                case "lvlOverride" -> overrideLevel = intOr(xml.getAttributeValue(W, "ilvl"), -1);
                case "startOverride" -> {
                    if (currentNum != null && overrideLevel >= 0 && overrideLevel < 9) {
                        currentNum.startOverrides.put(overrideLevel, intOr(val, 1));
                    }
                }
                case "lvl" -> {
                    int ilvl = intOr(xml.getAttributeValue(W, "ilvl"), -1);
                    if (ilvl >= 0 && ilvl < 9) {
                        level = new DocxNumbering.Level();
                        if (currentNum != null && overrideLevel >= 0) {
                            currentNum.levelOverrides.put(ilvl, level);
                        } else if (currentAbstract != null) {
                            currentAbstract.levels[ilvl] = level;
                        }
                    }
                }
                case "start" -> {
                    if (level != null) {
                        level.start = intOr(val, 1);
                    }
                }
                case "numFmt" -> {
                    if (level != null && val != null) {
                        level.format = val;
                    }
                }
                case "lvlText" -> {
                    if (level != null) {
                        level.text = val;
                    }
                }
                case "isLgl" -> {
                    if (level != null) {
                        level.legal = DocxStyles.on(val);
                    }
                }
                default -> {
                }
            }
        }
    }

    static int intOr(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The walk over document.xml. */
    private final class Body {
        private final DocxStyles styles;
        private final DocxNumbering numbering;
        private final List<TextBlock> out = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();
        private final Set<LegacyEncoding.Kind> legacyWarned = new HashSet<>();
        /** Where finished paragraphs go: the document, or the cell of the innermost table. */
        private final Deque<Table> tables = new ArrayDeque<>();
        private final Deque<Para> paragraphs = new ArrayDeque<>();
        private int paragraphCount;
        private long chars;

        Body(DocxStyles styles, DocxNumbering numbering) {
            this.styles = styles;
            this.numbering = numbering;
        }

        DocumentText read(XMLStreamReader xml) throws XMLStreamException {
            int depth = 0;
            int events = 0;
            Run run = null;
            boolean inRunProperties = false;
            boolean inParagraphProperties = false;
            boolean inText = false;
            int skipDepth = 0; // inside deleted text, field instructions, fallback content
            int fieldDepth = 0; // between fldChar begin and separate: instructions, not shown
            while (xml.hasNext()) {
                int event = next(xml);
                if ((++events & 0x3ff) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new ReadInterrupted();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (++depth > limits.maxXmlDepth()) {
                        throw ImportRejected.corrupt("Word");
                    }
                    String ns = xml.getNamespaceURI();
                    String name = xml.getLocalName();
                    if (skipDepth > 0) {
                        skipDepth++;
                        continue;
                    }
                    if (MC.equals(ns) && name.equals("Fallback") || W.equals(ns) && (name.equals("del")
                            || name.equals("instrText") || name.equals("delText") || name.equals("moveFrom"))) {
                        skipDepth = 1;
                        continue;
                    }
                    if (!W.equals(ns)) {
                        continue;
                    }
                    Para para = paragraphs.peek();
                    switch (name) {
                        case "tbl" -> tables.push(new Table());
                        case "tr" -> {
                            if (!tables.isEmpty()) {
                                tables.peek().rows.add(new ArrayList<>());
                            }
                        }
                        case "tc" -> {
                            if (!tables.isEmpty() && !tables.peek().rows.isEmpty()) {
                                tables.peek().rows.get(tables.peek().rows.size() - 1).add(new ArrayList<>());
                            }
                        }
                        case "p" -> {
                            paragraphs.push(new Para(++paragraphCount));
                            run = null;
                        }
                        case "pPr" -> inParagraphProperties = true;
                        case "r" -> run = new Run();
                        case "rPr" -> inRunProperties = !inParagraphProperties;
                        case "pStyle" -> {
                            if (para != null && inParagraphProperties) {
                                para.style = xml.getAttributeValue(W, "val");
                            }
                        }
                        case "jc" -> {
                            if (para != null && inParagraphProperties && !inRunProperties) {
                                para.jc = xml.getAttributeValue(W, "val");
                            }
                        }
                        case "ilvl" -> {
                            if (para != null && inParagraphProperties) {
                                para.ilvl = intOr(xml.getAttributeValue(W, "val"), 0);
                            }
                        }
                        case "numId" -> {
                            if (para != null && inParagraphProperties) {
                                para.numId = xml.getAttributeValue(W, "val");
                            }
                        }
                        case "rStyle" -> {
                            if (run != null && inRunProperties) {
                                run.style = xml.getAttributeValue(W, "val");
                            }
                        }
                        case "b" -> {
                            if (run != null && inRunProperties) {
                                run.bold = DocxStyles.on(xml.getAttributeValue(W, "val"));
                            }
                        }
                        case "i" -> {
                            if (run != null && inRunProperties) {
                                run.italic = DocxStyles.on(xml.getAttributeValue(W, "val"));
                            }
                        }
                        case "rFonts" -> {
                            if (run != null && inRunProperties) {
                                run.font = DocxStyles.font(xml);
                            }
                        }
                        case "t" -> inText = fieldDepth == 0;
                        case "tab", "ptab" -> {
                            if (run != null && !inParagraphProperties && fieldDepth == 0) {
                                run.text.append('\t');
                            }
                        }
                        case "br", "cr" -> {
                            if (run != null && fieldDepth == 0) {
                                run.text.append('\n');
                            }
                        }
                        case "noBreakHyphen" -> {
                            if (run != null) {
                                run.text.append('-');
                            }
                        }
                        case "fldChar" -> {
                            String type = xml.getAttributeValue(W, "fldCharType");
                            if ("begin".equals(type)) {
                                fieldDepth++;
                            } else if (("separate".equals(type) || "end".equals(type)) && fieldDepth > 0) {
                                fieldDepth--;
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (skipDepth > 0) {
                        skipDepth--;
                        continue;
                    }
                    if (!W.equals(xml.getNamespaceURI())) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "t" -> inText = false;
                        case "pPr" -> inParagraphProperties = false;
                        case "rPr" -> inRunProperties = false;
                        case "r" -> {
                            if (run != null && !paragraphs.isEmpty()) {
                                paragraphs.peek().runs.add(run);
                            }
                            run = null;
                        }
                        case "p" -> {
                            Para para = paragraphs.poll();
                            if (para != null) {
                                finish(para);
                            }
                        }
                        case "tbl" -> {
                            if (!tables.isEmpty()) {
                                finish(tables.pop());
                            }
                        }
                        default -> {
                        }
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && inText
                        && run != null && skipDepth == 0) {
                    run.text.append(xml.getText());
                    chars += xml.getTextLength();
                    if (chars > limits.maxChars()) {
                        throw ImportRejected.tooMuchContent(limits.maxChars());
                    }
                }
            }
            while (!tables.isEmpty()) {
                finish(tables.pop());
            }
            return new DocumentText(SourceFormat.DOCX, out, warnings);
        }

        private void finish(Para para) {
            DocxStyles.Style style = styles.paragraph(para.style);
            String numId = para.numId;
            int ilvl = para.ilvl;
            if (numId == null && style != null && style.numId() != null) {
                numId = style.numId();
                ilvl = style.ilvl() == null ? 0 : style.ilvl();
            }
            StringBuilder text = new StringBuilder();
            boolean allBold = true;
            boolean allItalic = true;
            boolean any = false;
            for (Run run : para.runs) {
                String runText = run.text.toString();
                if (runText.isEmpty()) {
                    continue;
                }
                String font = run.font != null ? run.font : styles.font(run.style, para.style);
                LegacyEncoding.Kind legacy = LegacyEncoding.ofFont(font);
                if (legacy == LegacyEncoding.Kind.TCVN3) {
                    runText = LegacyEncoding.fromTcvn3(runText, LegacyEncoding.isTcvn3CapitalFont(font));
                } else if (legacy == LegacyEncoding.Kind.VNI) {
                    runText = LegacyEncoding.fromVni(runText);
                }
                if (legacy != null && legacyWarned.add(legacy)) {
                    warnings.add(DocumentReader.legacyWarning(legacy, "đoạn " + para.number + " (phông " + font + ")"));
                }
                text.append(runText);
                if (!runText.isBlank()) {
                    any = true;
                    boolean bold = run.bold != null ? run.bold : styles.bold(run.style, para.style);
                    boolean italic = run.italic != null ? run.italic : styles.italic(run.style, para.style);
                    allBold &= bold;
                    allItalic &= italic;
                }
            }
            // the label is counted even for an empty paragraph, as Word does
            String label = numbering.next(numId, ilvl);
            if (!any) {
                return;
            }
            String jc = para.jc != null ? para.jc : style == null ? null : style.jc();
            TextBlock block = new TextBlock(text.toString(), label, numId == null ? 0 : Math.max(0, ilvl),
                    alignment(jc), allBold, allItalic, 0, "đoạn " + para.number);
            if (tables.isEmpty()) {
                out.add(block);
            } else {
                Table table = tables.peek();
                if (table.rows.isEmpty()) {
                    table.rows.add(new ArrayList<>());
                }
                List<List<TextBlock>> row = table.rows.get(table.rows.size() - 1);
                if (row.isEmpty()) {
                    row.add(new ArrayList<>());
                }
                row.get(row.size() - 1).add(block);
            }
        }

        /** Each cell's paragraphs as one text (labels shown), row by row. */
        private static List<List<String>> cellTexts(Table table) {
            List<List<String>> rows = new ArrayList<>(table.rows.size());
            for (List<List<TextBlock>> row : table.rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (List<TextBlock> cell : row) {
                    StringBuilder text = new StringBuilder();
                    for (TextBlock b : cell) {
                        if (text.length() > 0) {
                            text.append(' ');
                        }
                        text.append(b.displayed());
                    }
                    cells.add(text.toString());
                }
                rows.add(cells);
            }
            return rows;
        }

        private static String firstWhere(Table table) {
            for (List<List<TextBlock>> row : table.rows) {
                for (List<TextBlock> cell : row) {
                    if (!cell.isEmpty()) {
                        return cell.get(0).where();
                    }
                }
            }
            return null;
        }

        /**
         * A two-column table gives its left cells (column 1), then its right cells (column 2); an assignment table
         * its units and their tasks ({@link AssignmentTable}); any other table its cells row by row.
         */
        private void finish(Table table) {
            List<TextBlock> blocks = new ArrayList<>();
            boolean twoColumns = !table.rows.isEmpty() && table.rows.stream().allMatch(r -> r.size() == 2);
            if (twoColumns) {
                for (int column = 0; column < 2; column++) {
                    for (List<List<TextBlock>> row : table.rows) {
                        for (TextBlock b : row.get(column)) {
                            blocks.add(new TextBlock(b.text(), b.label(), b.level(), b.alignment(), b.bold(), b.italic(),
                                    column + 1, b.where()));
                        }
                    }
                }
            } else {
                List<AssignmentTable.Item> items = AssignmentTable.read(cellTexts(table));
                if (items != null) {
                    String where = firstWhere(table);
                    for (AssignmentTable.Item item : items) {
                        blocks.add(new TextBlock(item.text(), null, 0, TextBlock.Alignment.LEFT, false, false, 0,
                                "bảng" + (where == null ? "" : " ở " + where) + ", hàng " + item.row()));
                    }
                } else {
                    for (List<List<TextBlock>> row : table.rows) {
                        for (List<TextBlock> cell : row) {
                            blocks.addAll(cell);
                        }
                    }
                }
            }
            if (tables.isEmpty()) {
                out.addAll(blocks);
            } else {
                Table parent = tables.peek();
                if (parent.rows.isEmpty()) {
                    parent.rows.add(new ArrayList<>());
                }
                List<List<TextBlock>> row = parent.rows.get(parent.rows.size() - 1);
                if (row.isEmpty()) {
                    row.add(new ArrayList<>());
                }
                row.get(row.size() - 1).addAll(blocks);
            }
        }
    }

    static TextBlock.Alignment alignment(String jc) {
        if (jc == null) {
            return TextBlock.Alignment.LEFT;
        }
        return switch (jc) {
            case "center" -> TextBlock.Alignment.CENTER;
            case "right", "end" -> TextBlock.Alignment.RIGHT;
            case "both", "distribute", "lowKashida", "mediumKashida", "highKashida", "thaiDistribute" ->
                TextBlock.Alignment.JUSTIFY;
            default -> TextBlock.Alignment.LEFT;
        };
    }

    private static final class Para {
        final int number;
        String style;
        String jc;
        String numId;
        int ilvl;
        final List<Run> runs = new ArrayList<>();

        Para(int number) {
            this.number = number;
        }
    }

    private static final class Run {
        String style;
        Boolean bold;
        Boolean italic;
        String font;
        final StringBuilder text = new StringBuilder();
    }

    private static final class Table {
        final List<List<List<TextBlock>>> rows = new ArrayList<>();
    }
}
