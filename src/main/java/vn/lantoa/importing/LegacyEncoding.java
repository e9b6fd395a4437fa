package vn.lantoa.importing;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;

import vn.lantoa.shared.VietnameseText;

/**
 * Bảng mã cũ: Vietnamese typed before Unicode, with the TCVN3 (ABC) fonts ({@code .VnTime}, {@code .VnTimeH} …), the
 * VNI fonts ({@code VNI-Times} …), or saved as Windows-1258. Word keeps such text as the Windows-1252 characters of
 * the font's bytes ("Céng hoµ x· héi" for "Cộng hoà xã hội"), so that it reads as garbage without the font.
 *
 * <p>TCVN3 is one byte per letter: the toned lower-case letters sit in 0xA8–0xFE, and capitals exist only in the
 * "H" fonts, which draw the same codes as capitals. VNI is a base letter followed by a byte for its marks: "Vieät"
 * is "Việt" (e, then ä = circumflex with the dot below).
 */
public final class LegacyEncoding {

    /** The encodings this class converts, with the name the warning shows. */
    public enum Kind {
        TCVN3("TCVN3 (ABC)"), VNI("VNI"), WINDOWS_1258("Windows-1258");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** TCVN3 byte 0xA0 + i → Unicode; 0 where the byte is not a letter of its own. */
    private static final char[] TCVN3_HIGH = new char[96];
    private static final char[] TCVN3_TO_BYTE = new char[0x2000];

    static {
        String table = ""
                // A1..A7: capitals with a mark of their own; A8..AE: the same in lower case
                + "\u00a1Ă\u00a2Â\u00a3Ê\u00a4Ô\u00a5Ơ\u00a6Ư\u00a7Đ"
                + "\u00a8ă\u00a9â\u00aaê\u00abô\u00acơ\u00adư\u00aeđ"
                // a
                + "\u00b5à\u00b6ả\u00b7ã\u00b8á\u00b9ạ"
                // ă
                + "\u00bbằ\u00bcẳ\u00bdẵ\u00beắ\u00c6ặ"
                // â
                + "\u00c7ầ\u00c8ẩ\u00c9ẫ\u00caấ\u00cbậ"
                // e, ê
                + "\u00ccè\u00ceẻ\u00cfẽ\u00d0é\u00d1ẹ"
                + "\u00d2ề\u00d3ể\u00d4ễ\u00d5ế\u00d6ệ"
                // i
                + "\u00d7ì\u00d8ỉ\u00dcĩ\u00ddí\u00deị"
                // o, ô, ơ
                + "\u00dfò\u00e1ỏ\u00e2õ\u00e3ó\u00e4ọ"
                + "\u00e5ồ\u00e6ổ\u00e7ỗ\u00e8ố\u00e9ộ"
                + "\u00eaờ\u00ebở\u00ecỡ\u00edớ\u00eeợ"
                // u, ư
                + "\u00efù\u00f1ủ\u00f2ũ\u00f3ú\u00f4ụ"
                + "\u00f5ừ\u00f6ử\u00f7ữ\u00f8ứ\u00f9ự"
                // y
                + "\u00faỳ\u00fbỷ\u00fcỹ\u00fdý\u00feỵ";
        for (int i = 0; i < table.length(); i += 2) {
            char code = table.charAt(i);
            char letter = table.charAt(i + 1);
            TCVN3_HIGH[code - 0xa0] = letter;
            TCVN3_TO_BYTE[letter - 0x80] = code;
        }
    }

    private LegacyEncoding() {
    }

    /** Whether a font name is a TCVN3 font: ".VnTime", ".VnArialH" … */
    public static boolean isTcvn3Font(String font) {
        return font != null && font.startsWith(".Vn");
    }

    /** Whether a TCVN3 font draws capitals only (".VnTimeH", ".VnArialH"). */
    public static boolean isTcvn3CapitalFont(String font) {
        return isTcvn3Font(font) && font.endsWith("H");
    }

    /** Whether a font name is a VNI font: "VNI-Times", "VNI-Helve" … */
    public static boolean isVniFont(String font) {
        return font != null && font.regionMatches(true, 0, "VNI-", 0, 4);
    }

    /** The encoding a font implies, or null for a Unicode font. */
    public static Kind ofFont(String font) {
        if (isTcvn3Font(font)) {
            return Kind.TCVN3;
        }
        return isVniFont(font) ? Kind.VNI : null;
    }

    /** TCVN3 text, as Word or a Windows-1252 reading keeps it, in Unicode NFC. */
    public static String fromTcvn3(String text, boolean capitals) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char mapped = c >= 0xa0 && c <= 0xff ? TCVN3_HIGH[c - 0xa0] : 0;
            out.append(mapped != 0 ? mapped : c);
        }
        String result = out.toString();
        return VietnameseText.nfc(capitals ? result.toUpperCase(Locale.forLanguageTag("vi")) : result);
    }

    /** Unicode text in TCVN3 as Windows-1252 characters (for tests and samples); letters TCVN3 lacks stay. */
    public static String toTcvn3(String text) {
        String lower = VietnameseText.nfc(text);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int key = c - 0x80;
            char code = key >= 0 && key < TCVN3_TO_BYTE.length ? TCVN3_TO_BYTE[key] : 0;
            out.append(code != 0 ? code : c);
        }
        return out.toString();
    }

    // VNI: the marks that follow a vowel, as Windows-1252 characters, lower and upper case alike.
    private static final String VNI_MARKS_LOWER = "ùøûõïâáàåãäêéèúüë";
    private static final String VNI_MARKS_UPPER = "ÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË";
    private static final String[] VNI_MARK_COMBINING = {
        "\u0301", "\u0300", "\u0309", "\u0303", "\u0323", // sắc, huyền, hỏi, ngã, nặng
        "\u0302", "\u0302\u0301", "\u0302\u0300", "\u0302\u0309", "\u0302\u0303", "\u0302\u0323", // â ê ô
        "\u0306", "\u0306\u0301", "\u0306\u0300", "\u0306\u0309", "\u0306\u0303", "\u0306\u0323" // ă
    };
    // letters of their own
    private static final String VNI_LETTERS = "ôÔöÖñÑìÌíÍæÆóÓòÒ";
    private static final String VNI_LETTERS_UNICODE = "ơƠưƯđĐìÌíÍỉỈĩĨịỊ";

    /** VNI text, as Word or a Windows-1252 reading keeps it, in Unicode NFC. */
    public static String fromVni(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int letter = VNI_LETTERS.indexOf(c);
            if (letter >= 0) {
                out.append(VNI_LETTERS_UNICODE.charAt(letter));
                continue;
            }
            int mark = VNI_MARKS_LOWER.indexOf(c);
            if (mark < 0) {
                mark = VNI_MARKS_UPPER.indexOf(c);
            }
            if (mark >= 0 && out.length() > 0 && isVniBase(out.charAt(out.length() - 1), mark)) {
                out.append(VNI_MARK_COMBINING[mark]);
                continue;
            }
            out.append(c);
        }
        return VietnameseText.nfc(out.toString());
    }

    private static boolean isVniBase(char previous, int mark) {
        char p = Character.toLowerCase(previous);
        if (mark >= 11) {
            return p == 'a'; // breve only on a
        }
        if (mark >= 5) {
            return p == 'a' || p == 'e' || p == 'o'; // circumflex
        }
        return "aeiouyơư".indexOf(p) >= 0;
    }

    /** Unicode text in VNI as Windows-1252 characters (for tests and samples). */
    public static String toVni(String text) {
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < decomposed.length()) {
            char base = decomposed.charAt(i++);
            StringBuilder marks = new StringBuilder();
            while (i < decomposed.length() && Character.getType(decomposed.charAt(i)) == Character.NON_SPACING_MARK) {
                marks.append(decomposed.charAt(i++));
            }
            boolean upper = Character.isUpperCase(base);
            char lowerBase = Character.toLowerCase(base);
            String m = marks.toString();
            // letters VNI writes as one character
            if (m.startsWith("\u031b")) { // horn: ơ ư
                lowerBase = lowerBase == 'o' ? 'ơ' : 'ư';
                m = m.substring(1);
            }
            if (lowerBase == 'i' && m.length() == 1 && "\u0300\u0301\u0309\u0303\u0323".contains(m)) {
                String iForms = upper ? "ÌÍÆÓÒ" : "ìíæóò";
                out.append(iForms.charAt("\u0300\u0301\u0309\u0303\u0323".indexOf(m)));
                continue;
            }
            if (lowerBase == 'ơ' || lowerBase == 'ư' || lowerBase == 'đ') {
                int k = VNI_LETTERS_UNICODE.indexOf(upper ? Character.toUpperCase(lowerBase) : lowerBase);
                out.append(VNI_LETTERS.charAt(k));
            } else {
                out.append(base);
            }
            if (!m.isEmpty()) {
                // tone after the vowel mark: NFD order is circumflex/breve first, then the tone
                String vowelMark = m.startsWith("\u0302") || m.startsWith("\u0306") ? m.substring(0, 1) : "";
                String tone = m.substring(vowelMark.length());
                String key = vowelMark + tone;
                int index = -1;
                for (int k = 0; k < VNI_MARK_COMBINING.length; k++) {
                    if (VNI_MARK_COMBINING[k].equals(key)) {
                        index = k;
                        break;
                    }
                }
                if (index >= 0) {
                    out.append((upper ? VNI_MARKS_UPPER : VNI_MARKS_LOWER).charAt(index));
                } else {
                    out.append(m);
                }
            }
        }
        return out.toString();
    }

    /** Bytes in Windows-1258 (tones as combining marks) in Unicode NFC. */
    public static String fromWindows1258(byte[] bytes) {
        return VietnameseText.nfc(decode(bytes, "windows-1258"));
    }

    /** A text of Windows-1252 characters as the bytes a legacy file holds (for samples). */
    static byte[] windows1252Bytes(String text) {
        return text.getBytes(Charset.forName("windows-1252"));
    }

    static String windows1252(byte[] bytes) {
        return decode(bytes, "windows-1252");
    }

    private static String decode(byte[] bytes, String charset) {
        CharsetDecoder decoder = Charset.forName(charset).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
    }

    /** A text converted from a legacy encoding. */
    public record Converted(Kind kind, String text) {
    }

    /**
     * Text whose characters look like a legacy encoding read as Windows-1252 (no font says so: a TXT file, a run in
     * a Unicode font, a PDF), converted when one table turns it into clearly better Vietnamese; null otherwise.
     */
    public static Converted detect(String text) {
        if (!hasSuspectCharacters(text)) {
            return null;
        }
        double original = VietnameseSyllables.score(text, 3);
        String tcvn3 = fromTcvn3(text, false);
        String vni = fromVni(text);
        double tcvn3Score = VietnameseSyllables.score(tcvn3, 3);
        double vniScore = VietnameseSyllables.score(vni, 3);
        if (tcvn3Score >= vniScore && better(tcvn3Score, original)) {
            return new Converted(Kind.TCVN3, tcvn3);
        }
        if (vniScore > tcvn3Score && better(vniScore, original)) {
            return new Converted(Kind.VNI, vni);
        }
        return null;
    }

    /** Bytes that are not UTF-8: Windows-1258, TCVN3 or VNI, whichever reads as Vietnamese; null if none does. */
    public static Converted detect(byte[] bytes) {
        String cp1258 = fromWindows1258(bytes);
        String cp1252 = windows1252(bytes);
        String tcvn3 = fromTcvn3(cp1252, false);
        String vni = fromVni(cp1252);
        double s1258 = VietnameseSyllables.score(cp1258, 3);
        double sTcvn3 = VietnameseSyllables.score(tcvn3, 3);
        double sVni = VietnameseSyllables.score(vni, 3);
        double best = Math.max(s1258, Math.max(sTcvn3, sVni));
        if (best < 0.8) {
            return null;
        }
        if (best == s1258) {
            return new Converted(Kind.WINDOWS_1258, cp1258);
        }
        return best == sTcvn3 ? new Converted(Kind.TCVN3, tcvn3) : new Converted(Kind.VNI, vni);
    }

    private static boolean better(double candidate, double original) {
        return candidate >= 0.8 && candidate > original + 0.2;
    }

    /** Latin-1 characters that Vietnamese in Unicode does not use, but TCVN3 and VNI text is full of. */
    private static final boolean[] SUSPECT = new boolean[256];

    static {
        for (char c = 0xa1; c <= 0xff; c++) {
            SUSPECT[c] = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ×÷".indexOf(c) < 0;
        }
    }

    static boolean hasSuspectCharacters(String text) {
        int suspect = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0xff && SUSPECT[c]) {
                if (++suspect >= 3) {
                    return true;
                }
            }
        }
        return false;
    }
}
