package vn.lantoa.activity;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import vn.lantoa.shared.Problem;

/**
 * What an uploaded evidence file is, decided by its bytes and never by its name (RELIABILITY.md B-EV): JPEG and PNG
 * photos, PDF, and DOCX (an OOXML package with a Word document and no macros). Anything else is refused, as is a name
 * whose extension says another type than the content, an image whose header claims more pixels than a phone takes
 * (read from the header, before any decoding: no decompression bomb), and the EICAR test string (the stub of a malware
 * scanner). Photos get a JPEG thumbnail written afresh, so it carries no EXIF (no GPS position).
 */
final class EvidenceFiles {

    /** Images above this many pixels, or this many on a side, are refused without decoding. */
    static final long MAX_PIXELS = 50_000_000L;
    static final int MAX_SIDE = 12_000;
    static final int THUMBNAIL_SIDE = 320;
    private static final int MAX_ZIP_ENTRIES = 5_000;
    private static final byte[] EICAR = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE".getBytes(StandardCharsets.US_ASCII);

    private EvidenceFiles() {
    }

    /** A recognised type. */
    enum Type {
        JPEG("image/jpeg", "jpg", "jpeg"),
        PNG("image/png", "png"),
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

        final String mediaType;
        final String[] extensions;

        Type(String mediaType, String... extensions) {
            this.mediaType = mediaType;
            this.extensions = extensions;
        }

        boolean image() {
            return this == JPEG || this == PNG;
        }

        String label() {
            return this == JPEG ? "ảnh JPEG" : this == PNG ? "ảnh PNG" : name();
        }
    }

    /** What the inspection found: the type, and for an image its size. */
    record Inspected(Type type, Integer width, Integer height) {
    }

    /** Inspects a staged file; a refusal is a {@link Problem} whose code names the reason. */
    static Inspected inspect(Path file, String displayName) throws IOException {
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == 0) {
            throw Problem.unprocessable("EVIDENCE_EMPTY", "Tệp \"{0}\" rỗng.", displayName);
        }
        if (contains(head, n, EICAR)) {
            throw Problem.unprocessable("MALWARE_DETECTED", "Tệp \"{0}\" chứa mã độc, không được lưu.", displayName);
        }
        Type type = type(head, n);
        if (type == null) {
            throw new Problem(415, "UNSUPPORTED_TYPE", "Tệp \"{0}\" không phải ảnh JPEG, PNG, tệp PDF hay DOCX.",
                    displayName).withMessageKey("activity.problem.UNSUPPORTED_TYPE");
        }
        String extension = extension(displayName);
        if (extension != null && !matches(type, extension)) {
            throw new Problem(415, "TYPE_MISMATCH", "Tệp có đuôi .{0} nhưng nội dung là {1}.", extension, type.label());
        }
        return switch (type) {
            case JPEG, PNG -> image(file, type, displayName);
            case DOCX -> {
                checkDocx(file, displayName);
                yield new Inspected(type, null, null);
            }
            case PDF -> new Inspected(type, null, null);
        };
    }

    /** The type the first bytes announce. */
    static Type type(byte[] head, int n) {
        if (n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Type.JPEG;
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0d && head[5] == 0x0a && head[6] == 0x1a && head[7] == 0x0a) {
            return Type.PNG;
        }
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return Type.PDF;
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Type.DOCX; // a zip: checkDocx decides whether it is a Word document
        }
        return null;
    }

    private static Inspected image(Path file, Type type, String displayName) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw corrupt(displayName);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0); // from the header: nothing is decoded yet
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw corrupt(displayName);
                }
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    throw Problem.unprocessable("IMAGE_TOO_LARGE",
                            "Ảnh \"{0}\" quá lớn ({1}×{2} điểm ảnh); ảnh tối đa {3} triệu điểm ảnh.", displayName,
                            width, height, MAX_PIXELS / 1_000_000);
                }
                return new Inspected(type, width, height);
            } catch (IOException | RuntimeException e) {
                if (e instanceof Problem p) {
                    throw p;
                }
                throw corrupt(displayName);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * A JPEG thumbnail of at most {@link #THUMBNAIL_SIDE} pixels a side, decoded with subsampling (so that a 12-megapixel
     * photo does not take 48 MB of heap), written afresh without metadata.
     */
    static byte[] thumbnail(Path file, Inspected inspected) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            BufferedImage source;
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(inspected.width(), inspected.height()) / (THUMBNAIL_SIDE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                source = reader.read(0, param);
            } finally {
                reader.dispose();
            }
            double scale = Math.min(1.0, (double) THUMBNAIL_SIDE / Math.max(source.getWidth(), source.getHeight()));
            int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
            BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = thumb.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.drawImage(source, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam wp = writer.getDefaultWriteParam();
                wp.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                wp.setCompressionQuality(0.8f);
                writer.write(null, new IIOImage(thumb, null, null), wp);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (RuntimeException e) {
            throw new IOException("cannot make a thumbnail", e);
        }
    }

    /** An OOXML Word document: [Content_Types].xml and word/document.xml, no macros, a sane number of entries. */
    private static void checkDocx(Path file, String displayName) throws IOException {
        boolean contentTypes = false;
        boolean document = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int entries = 0;
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw Problem.unprocessable("ZIP_BOMB", "Tệp \"{0}\" có quá nhiều thành phần nén.", displayName)
                            .withMessageKey("activity.problem.ZIP_BOMB");
                }
                String name = e.getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (name.equals("word/document.xml")) {
                    document = true;
                } else if (name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    throw Problem.unprocessable("DOC_MACRO", "Tệp có macro, hãy lưu lại dưới dạng .docx.");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw corrupt(displayName);
        }
        if (!contentTypes || !document) {
            throw new Problem(415, "UNSUPPORTED_TYPE", "Tệp \"{0}\" không phải ảnh JPEG, PNG, tệp PDF hay DOCX.",
                    displayName).withMessageKey("activity.problem.UNSUPPORTED_TYPE");
        }
    }

    /**
     * The name to show and to offer on download: path parts dropped, control and invisible formatting characters
     * removed, NFC, at most 200 characters (keeping the extension); "tep" when nothing is left (B-EV-05).
     */
    static String displayName(String original) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cc}\\p{Cf}\\u2028\\u2029]", "")
                .strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 200) {
            String extension = extension(name);
            String tail = extension == null || extension.length() > 10 ? "" : "." + extension;
            name = name.substring(0, 200 - tail.length()) + tail;
        }
        return name.isEmpty() ? "tep" : name;
    }

    static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return null;
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean matches(Type type, String extension) {
        for (String e : type.extensions) {
            if (e.equals(extension)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] data, int n, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= n; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Problem corrupt(String displayName) {
        return Problem.unprocessable("EVIDENCE_CORRUPT", "Tệp \"{0}\" bị hỏng, không đọc được.", displayName);
    }
}
