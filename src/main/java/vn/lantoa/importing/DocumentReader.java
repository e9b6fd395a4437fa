package vn.lantoa.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import vn.lantoa.planformat.Warning;

/**
 * Đọc tệp: a file, whatever its name claims, into {@link DocumentText}. The kind is told by the bytes (magic
 * numbers, the package's content types), and a name that says otherwise is refused as a mismatch. Every text comes
 * out NFC with invisible characters stripped (with a warning), legacy encodings converted (with a warning); a file
 * with a secrecy mark in its header is refused. Plain Java: the caller runs it under a timeout
 * ({@link PlanImporter}).
 */
public final class DocumentReader {

    /** Warning codes of the reading half (the parser adds its own). */
    public static final String LEGACY_ENCODING = "legacy-encoding";
    public static final String INVISIBLE_CHARACTERS = "invisible-characters";

    private final ImportLimits limits;

    public DocumentReader(ImportLimits limits) {
        this.limits = limits;
    }

    /** What the bytes are. */
    enum Kind {
        DOCX("Word (.docx)"), PDF("PDF"), TEXT("văn bản thuần"), OLE2("Word cũ (.doc) hoặc tệp Office cũ"),
        IMAGE("ảnh"), ZIP("tệp nén ZIP"), BINARY("tệp nhị phân");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * Reads a file. {@code name} is the name the user gave it (for its extension; may be null), {@code file} the
     * bytes on disk.
     */
    public DocumentText read(Path file, String name) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw ImportRejected.empty();
        }
        if (size > limits.maxBytes()) {
            throw ImportRejected.tooLarge(limits.maxBytes());
        }
        byte[] head;
        Kind kind;
        byte[] whole = null;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
            kind = sniff(head);
            if (kind == Kind.TEXT) {
                // a text file is read whole anyway: the rest from the same stream, not a second opening
                byte[] rest = in.readAllBytes();
                whole = rest.length == 0 ? head : concat(head, rest);
            }
        }
        String extension = extension(name);
        checkName(extension, kind);
        byte[] textBytes = whole;
        DocumentText text = switch (kind) {
            case DOCX, ZIP -> new DocxReader(limits).read(file);
            case PDF -> new PdfReader(limits).read(file);
            case TEXT -> new TextReader(limits).read(textBytes, "md".equals(extension) || "markdown".equals(extension));
            case OLE2 -> throw ole2(file);
            default -> throw ImportRejected.unsupported();
        };
        return finish(text);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Reads text given as a string (tests, the fuzz target): the TXT path without a file. */
    public DocumentText readText(byte[] bytes, boolean markdown) {
        if (bytes.length == 0) {
            throw ImportRejected.empty();
        }
        return finish(new TextReader(limits).read(bytes, markdown));
    }

    static Kind sniff(byte[] head) {
        if (startsWith(head, 0x50, 0x4b, 0x03, 0x04) || startsWith(head, 0x50, 0x4b, 0x05, 0x06)) {
            String names = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            return names.contains("[Content_Types].xml") || names.contains("word/") ? Kind.DOCX : Kind.ZIP;
        }
        if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
            return Kind.OLE2;
        }
        // "%PDF-" within the first kilobyte, as readers accept
        int window = Math.min(head.length, 1024);
        for (int i = 0; i + 5 <= window; i++) {
            if (head[i] == '%' && head[i + 1] == 'P' && head[i + 2] == 'D' && head[i + 3] == 'F' && head[i + 4] == '-') {
                return Kind.PDF;
            }
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xff, 0xd8, 0xff) || startsWith(head, 'G', 'I', 'F', '8')
                || startsWith(head, 'B', 'M') && head.length > 14 && head[6] == 0 && head[7] == 0) {
            return Kind.IMAGE;
        }
        if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
            return Kind.TEXT; // UTF-16 with a BOM
        }
        int controls = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return Kind.BINARY;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) {
                controls++;
            }
        }
        return controls > head.length / 20 + 1 ? Kind.BINARY : Kind.TEXT;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String extension(String name) {
        if (name == null) {
            return "";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    /** The name's extension must agree with the content, when the name has one we know. */
    private static void checkName(String extension, Kind kind) {
        Kind claimed = switch (extension) {
            case "docx", "docm", "dotx" -> Kind.DOCX;
            case "pdf" -> Kind.PDF;
            case "txt", "md", "markdown", "text" -> Kind.TEXT;
            case "doc" -> Kind.OLE2;
            default -> null;
        };
        if (claimed == null || kind == Kind.IMAGE || kind == Kind.BINARY) {
            return; // unknown names are judged by content alone; images and binaries are refused as unsupported
        }
        boolean agrees = claimed == kind || claimed == Kind.DOCX && (kind == Kind.ZIP || kind == Kind.OLE2);
        if (!agrees) {
            throw ImportRejected.typeMismatch(extension, kind.label);
        }
    }

    /** An OLE2 file: encrypted OOXML (it carries EncryptionInfo) or a legacy Word/Office file. */
    private static RuntimeException ole2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                return ImportRejected.encrypted();
            }
            return ImportRejected.legacyWord();
        } catch (IOException | RuntimeException e) {
            return ImportRejected.legacyWord();
        }
    }

    /** NFC, invisible characters, legacy text no font announced, emptiness, secrecy. */
    private DocumentText finish(DocumentText read) {
        List<TextBlock> blocks = new ArrayList<>(read.blocks().size());
        List<Warning> warnings = new ArrayList<>(read.warnings());
        int invisible = 0;
        String firstInvisible = null;
        boolean legacyDone = read.warnings().stream().anyMatch(w -> w.code().equals(LEGACY_ENCODING));
        for (TextBlock block : read.blocks()) {
            TextCleanup.Cleaned text = TextCleanup.clean(block.text());
            TextCleanup.Cleaned label = TextCleanup.clean(block.label());
            int removed = text.invisibleRemoved() + label.invisibleRemoved();
            if (removed > 0) {
                invisible += removed;
                if (firstInvisible == null) {
                    firstInvisible = block.where() + ": \"" + shorten(text.text()) + "\"";
                }
            }
            if (text.text().isEmpty() || text.text().equals("-") && label.text().isEmpty()) {
                continue; // nothing, or a bullet of an empty list item
            }
            blocks.add(new TextBlock(text.text(), label.text().isEmpty() ? null : label.text(), block.level(),
                    block.alignment(), block.bold(), block.italic(), block.column(), block.where()));
        }
        if (!legacyDone && read.format() != SourceFormat.TXT && read.format() != SourceFormat.MARKDOWN) {
            StringBuilder all = new StringBuilder();
            for (TextBlock b : blocks) {
                all.append(b.text()).append('\n');
            }
            LegacyEncoding.Converted converted = LegacyEncoding.detect(all.toString());
            if (converted != null) {
                List<TextBlock> convertedBlocks = new ArrayList<>(blocks.size());
                for (TextBlock b : blocks) {
                    String t = converted.kind() == LegacyEncoding.Kind.TCVN3 ? LegacyEncoding.fromTcvn3(b.text(), false)
                            : LegacyEncoding.fromVni(b.text());
                    convertedBlocks.add(new TextBlock(t, b.label(), b.level(), b.alignment(), b.bold(), b.italic(),
                            b.column(), b.where()));
                }
                blocks = convertedBlocks;
                warnings.add(legacyWarning(converted.kind(), "toàn văn bản"));
            }
        }
        if (invisible > 0) {
            warnings.add(new Warning(INVISIBLE_CHARACTERS, "Đã bỏ " + invisible
                    + " ký tự ẩn (khoảng trắng độ rộng 0, ký tự đảo chiều hiển thị) khỏi văn bản.", firstInvisible));
        }
        if (blocks.isEmpty()) {
            throw read.format() == SourceFormat.PDF ? ImportRejected.pdfNoText() : ImportRejected.empty();
        }
        String mark = SecrecyMarks.find(blocks);
        if (mark != null) {
            throw ImportRejected.secret(mark);
        }
        return new DocumentText(read.format(), blocks, warnings);
    }

    static Warning legacyWarning(LegacyEncoding.Kind kind, String where) {
        return new Warning(LEGACY_ENCODING, "Văn bản được gõ bằng bảng mã cũ " + kind.label()
                + " và đã được chuyển sang Unicode; hãy kiểm tra lại chữ có dấu.", where);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
