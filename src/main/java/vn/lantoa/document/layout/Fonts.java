package vn.lantoa.document.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The bundled Liberation Serif 2 (metric-compatible with Times New Roman, with the Vietnamese letters; SIL OFL, see
 * {@code resources/document/fonts/LICENSE-LiberationSerif.txt}): its four faces as bytes for the PDF writer, and the
 * advance widths of every character of the Basic Multilingual Plane, read once, for line breaking. Nothing depends on
 * the fonts installed on the machine.
 */
public final class Fonts {

    /** The four faces, in the order of {@link #face(boolean, boolean)}. */
    static final String[] FILES = {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"};

    /** Ascent, descent and line gap of Liberation Serif (hhea), per unit of size: where a baseline sits in a line. */
    public static final float ASCENT = 0.891f;
    public static final float DESCENT = 0.216f;

    private static final Fonts INSTANCE = new Fonts();

    private final byte[][] bytes = new byte[4][];
    /** Advance widths in 1/1000 of the size, per face and character; NaN where the font has no glyph. */
    private final float[][] widths = new float[4][];

    private Fonts() {
        for (int face = 0; face < 4; face++) {
            bytes[face] = withoutGsub(read(FILES[face]));
            widths[face] = widths(bytes[face]);
        }
    }

    public static Fonts get() {
        return INSTANCE;
    }

    /** 0 regular, 1 bold, 2 italic, 3 bold italic. */
    public static int face(boolean bold, boolean italic) {
        return (bold ? 1 : 0) + (italic ? 2 : 0);
    }

    /** The TrueType file of a face (shared: do not modify). */
    public byte[] bytes(int face) {
        return bytes[face];
    }

    /** Whether the face has a glyph for the character. */
    public boolean has(int face, char c) {
        return !Float.isNaN(widths[face][c]);
    }

    /** The width of a text in points at a size; characters without a glyph count as '?'. */
    public float width(String text, int face, float size) {
        float[] w = widths[face];
        float total = 0;
        for (int i = 0; i < text.length(); i++) {
            float cw = w[text.charAt(i)];
            total += Float.isNaN(cw) ? w['?'] : cw;
        }
        return total * size / 1000f;
    }

    public float width(String text, boolean bold, boolean italic, float size) {
        return width(text, face(bold, italic), size);
    }

    private static float[] widths(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            float scale = 1000f / ttf.getUnitsPerEm();
            float[] w = new float[65536];
            for (int c = 0; c < 65536; c++) {
                int gid = cmap.getGlyphId(c);
                w[c] = gid == 0 && c != 0 ? Float.NaN : ttf.getAdvanceWidth(gid) * scale;
            }
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The font with its GSUB table hidden (its tag renamed in the table directory). PDFBox 3 applies a font's GSUB
     * rules to every string it shows, compiling regular expressions each time: most of a PDF's rendering time, for
     * nothing here, since the text is NFC with precomposed Vietnamese letters and the DOCX (Word's own layout) uses
     * no ligatures either.
     */
    static byte[] withoutGsub(byte[] font) {
        byte[] copy = font.clone();
        int tables = (copy[4] & 0xff) << 8 | copy[5] & 0xff;
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (copy[at] == 'G' && copy[at + 1] == 'S' && copy[at + 2] == 'U' && copy[at + 3] == 'B') {
                copy[at] = 'g';
                copy[at + 1] = 's';
                copy[at + 2] = 'u';
                copy[at + 3] = 'b';
            }
        }
        return copy;
    }

    private static byte[] read(String name) {
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream("document/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
