package vn.lantoa.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Hostile and unusual files for the importer, made in code (RELIABILITY §(b), "Generation recipe"): nothing is
 * downloaded. Where the table names sample files of POI, PDFBox or pdf.js that cannot be fetched here, an equivalent
 * is generated (said at each method).
 */
final class HostileFiles {

    static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"%s\"/></Types>";
    static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    static final String DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";
    static final String ROOT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>";
    static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    private HostileFiles() {
    }

    // ---------------------------------------------------------------- DOCX

    /** A document.xml whose body is the given paragraphs' XML. */
    static String documentXml(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " + W + "><w:body>" + body
                + "</w:body></w:document>";
    }

    /** One paragraph of plain runs. */
    static String p(String text) {
        return "<w:p><w:r><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r></w:p>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A minimal DOCX with these parts (document.xml given), as bytes. */
    static byte[] docx(String documentXml, Map<String, String> moreParts) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", String.format(CONTENT_TYPES, DOCX_MAIN));
        parts.put("_rels/.rels", ROOT_RELS);
        parts.put("word/document.xml", documentXml);
        parts.putAll(moreParts);
        return zip(parts);
    }

    static byte[] docx(String... paragraphs) {
        return docx(documentXml(String.join("", java.util.Arrays.stream(paragraphs).map(HostileFiles::p).toList())),
                Map.of());
    }

    static byte[] zip(Map<String, String> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** B-DOC-06: an XXE in document.xml, to a file and to a listener on loopback. */
    static byte[] xxe(String systemId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + systemId
                + "\">]><w:document " + W + "><w:body><w:p><w:r><w:t>KẾ HOẠCH &xxe;</w:t></w:r></w:p></w:body></w:document>";
        return docx(xml, Map.of());
    }

    /** B-DOC-07: billion laughs, 10 levels of 10. */
    static byte[] billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\"?>" + dtd + "<w:document " + W
                + "><w:body><w:p><w:r><w:t>&lol10;</w:t></w:r></w:p></w:body></w:document>";
        return docx(xml, Map.of());
    }

    /**
     * B-DOC-08: a zip bomb: document.xml of one paragraph repeated until {@code inflatedBytes} (400 MB in the table),
     * deflated at the highest level. Streamed, never held in memory.
     */
    static Path zipBomb(Path dir, long inflatedBytes) throws IOException {
        Path file = dir.resolve("bomb.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "[Content_Types].xml", String.format(CONTENT_TYPES, DOCX_MAIN));
            put(zip, "_rels/.rels", ROOT_RELS);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\"?><w:document " + W + "><w:body>").getBytes(StandardCharsets.UTF_8));
            byte[] paragraph = p("Tuyên truyền Đại hội ").getBytes(StandardCharsets.UTF_8);
            byte[] block = new byte[paragraph.length * 4096];
            for (int i = 0; i < 4096; i++) {
                System.arraycopy(paragraph, 0, block, i * paragraph.length, paragraph.length);
            }
            for (long written = 0; written < inflatedBytes; written += block.length) {
                zip.write(block);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /**
     * B-DOC-09: a high-volume, normal-ratio DOCX: {@code chars} characters of varied Vietnamese words (30 million in
     * the table) in paragraphs, so that it deflates like text does (3–5×), not like a bomb.
     */
    static Path hugeDocument(Path dir, int chars) throws IOException {
        Path file = dir.resolve("huge.docx");
        String[] words = ("kế hoạch tuyên truyền đại hội đảng bộ các cấp tiến tới toàn quốc lần thứ nhân dân phường xã "
                + "thành phố tỉnh ủy ban thường vụ chỉ thị nghị quyết cán bộ đảng viên hội nghị báo cáo viên thi đua "
                + "yêu nước khen thưởng quần chúng mặt trận tổ quốc đoàn thể").split(" ");
        Random random = new Random(9);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_SPEED);
            put(zip, "[Content_Types].xml", String.format(CONTENT_TYPES, DOCX_MAIN));
            put(zip, "_rels/.rels", ROOT_RELS);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\"?><w:document " + W + "><w:body>").getBytes(StandardCharsets.UTF_8));
            StringBuilder paragraph = new StringBuilder();
            long written = 0;
            while (written < chars) {
                paragraph.setLength(0);
                for (int w = 0; w < 60; w++) {
                    paragraph.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
                }
                written += paragraph.length();
                zip.write(p(paragraph.toString()).getBytes(StandardCharsets.UTF_8));
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** B-DOC-10: a package of {@code count} entries. */
    static byte[] manyEntries(int count) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            parts.put("word/media/x" + i + ".xml", "<a/>");
        }
        return docx(documentXml(p("KẾ HOẠCH")), parts);
    }

    /**
     * B-DOC-11 (CVE-2025-31672): two entries named word/document.xml. ZipOutputStream refuses duplicates, so the
     * second is written as "word/documenX.xml" and renamed in the bytes (local header and central directory).
     */
    static byte[] duplicateDocument() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("word/documenX.xml", documentXml(p("Nội dung thứ hai")));
        byte[] bytes = docx(documentXml(p("KẾ HOẠCH")), parts);
        byte[] from = "word/documenX.xml".getBytes(StandardCharsets.US_ASCII);
        byte[] to = "word/document.xml".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            boolean match = true;
            for (int k = 0; k < from.length && match; k++) {
                match = bytes[i + k] == from[k];
            }
            if (match) {
                System.arraycopy(to, 0, bytes, i, to.length);
            }
        }
        return bytes;
    }

    /** B-DOC-12: entry names that climb out of any extraction directory, absolute, with backslashes. */
    static byte[] traversal(String canaryName) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("../../../../../../../../tmp/" + canaryName, "owned");
        parts.put("/tmp/" + canaryName + "-abs", "owned");
        parts.put("..\\..\\..\\..\\tmp\\" + canaryName + "-bs", "owned");
        return docx(documentXml(p("KẾ HOẠCH") + p("Tuyên truyền Đại hội")), parts);
    }

    /** B-DOC-13: tables nested {@code depth} deep. */
    static byte[] nestedTables(int depth) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            body.append("<w:tbl><w:tr><w:tc>");
        }
        body.append(p("sâu"));
        for (int i = 0; i < depth; i++) {
            body.append("</w:tc></w:tr></w:tbl>");
        }
        return docx(documentXml(p("KẾ HOẠCH") + body), Map.of());
    }

    /** B-DOC-14: an attached template and an image, both external, to a listener and to a local file. */
    static byte[] externalRelationships(int port) {
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\""
                + " Target=\"http://127.0.0.1:" + port + "/x.dotm\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rId10\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\""
                + " Target=\"file:///etc/passwd\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rId11\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
                + " Target=\"http://127.0.0.1:" + port + "/styles.xml\" TargetMode=\"External\"/>"
                + "</Relationships>";
        String settings = "<?xml version=\"1.0\"?><w:settings " + W
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:attachedTemplate r:id=\"rId9\"/></w:settings>";
        return docx(documentXml(p("KẾ HOẠCH") + p("Tuyên truyền Đại hội đảng bộ các cấp")),
                Map.of("word/_rels/document.xml.rels", rels, "word/settings.xml", settings));
    }

    /** B-DOC-15: a macro-enabled package (docm content type and vbaProject.bin) under a .docx name. */
    static byte[] macroEnabled() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", String.format(CONTENT_TYPES, DOCM_MAIN));
        parts.put("_rels/.rels", ROOT_RELS);
        parts.put("word/document.xml", documentXml(p("KẾ HOẠCH")));
        parts.put("word/vbaProject.bin", "Attribute VB_Name = \"NewMacros\"");
        return zip(parts);
    }

    /**
     * B-DOC-16: a password-encrypted DOCX (agile encryption, as POI's bug53475-password-is-pass.docx, which cannot
     * be downloaded here): POI's Encryptor writes the package into an OLE2 file with EncryptionInfo.
     */
    static byte[] encryptedDocx() throws Exception {
        byte[] plain = docx("KẾ HOẠCH", "Tuyên truyền");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("pass");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(plain);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    /** B-DOC-17: a legacy OLE2 Word file (a WordDocument stream, no EncryptionInfo). */
    static byte[] legacyDoc() throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    /** B-DOC-19: fuzzed copies of a real DOCX (POI's clusterfuzz files cannot be downloaded): bytes overwritten at random. */
    static List<byte[]> fuzzed(byte[] original, int copies, long seed) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            byte[] copy = original.clone();
            int flips = 1 + random.nextInt(20);
            for (int f = 0; f < flips; f++) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            out.add(copy);
        }
        return out;
    }

    // ---------------------------------------------------------------- PDF

    static Path vietnameseFont() {
        for (String candidate : List.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")) {
            if (Files.exists(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /** A line of text placed at (x, y) from the top-left of an A4 page. */
    record Placed(float x, float y, String text) {
    }

    /** A one-page PDF with Vietnamese text at the given places (needs a Vietnamese TrueType font). */
    static byte[] pdf(List<Placed> lines, StandardProtectionPolicy protection) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, vietnameseFont().toFile());
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (Placed line : lines) {
                    content.beginText();
                    content.setFont(font, 13);
                    content.newLineAtOffset(line.x(), PDRectangle.A4.getHeight() - line.y());
                    content.showText(line.text());
                    content.endText();
                }
            }
            if (protection != null) {
                document.protect(protection);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** Lines one under the other at the left margin. */
    static byte[] pdf(String... lines) throws IOException {
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            placed.add(new Placed(70, 80 + i * 28, lines[i]));
        }
        return pdf(placed, null);
    }

    static StandardProtectionPolicy protection(String owner, String user, boolean extract) {
        AccessPermission permission = new AccessPermission();
        permission.setCanExtractContent(extract);
        StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, permission);
        policy.setEncryptionKeyLength(256);
        return policy;
    }

    /** B-DOC-22: one page holding only an image, as a scan. */
    static byte[] imageOnlyPdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(200, 100,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xobject, 50, 500);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** B-DOC-26: a PDF whose OpenAction runs JavaScript. */
    static byte[] javascriptPdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, vietnameseFont().toFile());
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 13);
                content.newLineAtOffset(70, 760);
                content.showText("KẾ HOẠCH tuyên truyền Đại hội");
                content.endText();
            }
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x');"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * A PDF written by hand: the objects in order, then the xref table and the trailer (RELIABILITY's "raw PDFs").
     * {@code objects[i]} is the body of object i+1; object 1 is the catalog.
     */
    static byte[] rawPdf(String... objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        for (int i = 0; i < objects.length; i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
    }

    static final String HELVETICA = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    static String stream(String content) {
        return "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream";
    }

    /** B-DOC-23: a page tree that claims 2,147,483,647 pages and holds one. */
    static byte[] hugePageCount() {
        return rawPdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                stream("BT /F1 12 Tf 70 760 Td (KE HOACH tuyen truyen) Tj ET"), HELVETICA);
    }

    /** B-DOC-22 (second file): a page tree with no pages. */
    static byte[] noPages() {
        return rawPdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>");
    }

    /** B-DOC-25: a page tree whose only kid is itself. */
    static byte[] cyclicPageTree() {
        return rawPdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
    }

    /** B-DOC-25: a content stream of 200,000 nested arrays. */
    static byte[] nestedArrays(int depth) {
        String content = "[".repeat(depth) + "]".repeat(depth) + " BT /F1 12 Tf 70 760 Td (KE HOACH) Tj ET";
        return rawPdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                stream(content), HELVETICA);
    }

    /**
     * B-DOC-24 / F-14: a Flate bomb: a small file whose one content stream inflates to {@code inflated} bytes of the
     * given repeated operator text.
     */
    static byte[] flateBomb(String repeated, long inflated) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(compressed, deflater)) {
            byte[] unit = repeated.repeat(Math.max(1, 65536 / repeated.length())).getBytes(StandardCharsets.ISO_8859_1);
            for (long w = 0; w < inflated; w += unit.length) {
                out.write(unit);
            }
        }
        deflater.end();
        byte[] data = compressed.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n");
        String[] before = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"};
        for (int i = 0; i < before.length; i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + before[i] + "\nendobj\n");
        }
        offsets.add(out.size());
        write(out, "4 0 obj\n<< /Length " + data.length + " /Filter /FlateDecode >>\nstream\n");
        out.write(data, 0, data.length);
        write(out, "\nendstream\nendobj\n");
        offsets.add(out.size());
        write(out, "5 0 obj\n" + HELVETICA + "\nendobj\n");
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- other

    /** A PNG header (IHDR with a chosen size and its CRC), enough to be recognised as an image. */
    static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        byte[] ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
                .putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr);
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.writeBytes(new byte[4000]);
        return out.toByteArray();
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        bytes[0] = 0x13; // not by chance a magic number
        bytes[100] = 0;
        return bytes;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
